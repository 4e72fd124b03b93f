namespace SchemaWorkflow.Catalog.Json;

/// <summary>A reusable field set as written in a catalog file.</summary>
internal sealed class CatalogBlockDocument
{
    public string? Description { get; set; }

    public List<CatalogFieldDocument>? Fields { get; set; }
}
