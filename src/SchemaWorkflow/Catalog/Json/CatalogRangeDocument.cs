namespace SchemaWorkflow.Catalog.Json;

/// <summary>A typical range as written in a catalog file.</summary>
internal sealed class CatalogRangeDocument
{
    public double? Min { get; set; }

    public double? Max { get; set; }

    public string? Unit { get; set; }
}
