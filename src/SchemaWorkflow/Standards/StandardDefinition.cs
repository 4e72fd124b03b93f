namespace SchemaWorkflow.Standards;

/// <summary>A standard the knowledge base cites, and the product types it applies to.</summary>
public sealed record StandardDefinition
{
    /// <summary>The id as cited, for example <c>IEC 60751</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The edition (year), where known.</summary>
    public string? Edition { get; init; }

    /// <summary>The title.</summary>
    public required string Title { get; init; }

    /// <summary>Why the standard applies, in one sentence.</summary>
    public required string Reason { get; init; }

    /// <summary>Class keys the standard applies to, or <c>*</c> for any class.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>The data file that defined the standard.</summary>
    public required string File { get; init; }

    /// <summary>True when the standard lists <paramref name="classKey"/> or <c>*</c>.</summary>
    /// <param name="classKey">A product type key.</param>
    /// <returns>Whether the standard applies to the class.</returns>
    public bool AppliesTo(string classKey) => StandardsFact.ListsClass(Classes, classKey);
}
