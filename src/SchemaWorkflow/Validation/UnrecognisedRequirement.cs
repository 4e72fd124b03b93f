namespace SchemaWorkflow.Validation;

/// <summary>An input that could not be tied to any field of the schema.</summary>
public sealed record UnrecognisedRequirement
{
    /// <summary>The name the buyer used; null for a free-text segment.</summary>
    public string? Name { get; init; }

    /// <summary>The value or free-text segment as written.</summary>
    public required string Value { get; init; }

    /// <summary>A sentence saying why it was not recognised and what may have been meant.</summary>
    public required string Message { get; init; }

    /// <summary>The closest fields, best first.</summary>
    public IReadOnlyList<FieldSuggestion> Suggestions { get; init; } = [];
}
