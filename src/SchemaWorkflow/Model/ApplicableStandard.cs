namespace SchemaWorkflow;

/// <summary>A standard that applies to a product type, and why.</summary>
public sealed record ApplicableStandard
{
    /// <summary>The standard's id with edition where known, for example <c>IEC 60529</c>.</summary>
    public required string Standard { get; init; }

    /// <summary>The title of the standard, where known.</summary>
    public string? Title { get; init; }

    /// <summary>Why it applies to this product type, in one sentence.</summary>
    public required string Reason { get; init; }

    /// <summary>Field keys of the schema whose values it supplies or constrains.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];
}
