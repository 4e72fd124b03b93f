namespace SchemaWorkflow.Catalog.Json;

/// <summary>A product class as written in a catalog file, before its blocks are merged.</summary>
internal sealed class CatalogClassDocument
{
    public string? Key { get; set; }

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    public string? Family { get; set; }

    public List<string>? Measurands { get; set; }

    public List<string>? IsaCodes { get; set; }

    public List<string>? Synonyms { get; set; }

    public List<string>? Blocks { get; set; }

    public List<CatalogFieldDocument>? Fields { get; set; }

    public List<string>? RemoveFields { get; set; }
}
