namespace SchemaWorkflow.Catalog.Json;

/// <summary>A field as written in a catalog file; strings are checked against the closed sets by the loader.</summary>
internal sealed class CatalogFieldDocument
{
    public string? Key { get; set; }

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    public string? Group { get; set; }

    public string? DataType { get; set; }

    public string? Unit { get; set; }

    public List<string>? AcceptedUnits { get; set; }

    public List<string>? AllowedValues { get; set; }

    public CatalogRangeDocument? TypicalRange { get; set; }

    public string? Requirement { get; set; }

    public string? Condition { get; set; }

    public List<string>? Synonyms { get; set; }

    public string? Measurand { get; set; }

    public string? PropertyId { get; set; }

    public int? Order { get; set; }
}
