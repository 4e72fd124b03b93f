namespace SchemaWorkflow.Catalog;

/// <summary>A reusable field set, written once and used by many classes.</summary>
public sealed record CatalogBlock
{
    /// <summary>The block id, for example <c>field_environment</c>.</summary>
    public required string Id { get; init; }

    /// <summary>What the block holds.</summary>
    public string? Description { get; init; }

    /// <summary>The fields in file order.</summary>
    public IReadOnlyList<CatalogField> Fields { get; init; } = [];

    /// <summary>The catalog file that defines the block.</summary>
    public required string SourceFile { get; init; }
}
