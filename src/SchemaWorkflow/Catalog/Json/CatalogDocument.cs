using System.Text.Json.Serialization;

namespace SchemaWorkflow.Catalog.Json;

/// <summary>One catalog data file as written on disk (see docs/catalog.md); validated in code after reading.</summary>
internal sealed class CatalogDocument
{
    [JsonPropertyName("$schema")]
    public string? Schema { get; set; }

    public string? Version { get; set; }

    public string? Extends { get; set; }

    public string? Description { get; set; }

    public Dictionary<string, CatalogBlockDocument>? Blocks { get; set; }

    public List<CatalogClassDocument>? Classes { get; set; }
}
