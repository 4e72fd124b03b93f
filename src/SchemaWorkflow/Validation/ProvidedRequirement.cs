namespace SchemaWorkflow.Validation;

/// <summary>A field the buyer gave, with the parsed value and what they wrote.</summary>
public sealed record ProvidedRequirement
{
    /// <summary>The field key.</summary>
    public required string Field { get; init; }

    /// <summary>The field's display name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The field's group key.</summary>
    public required string Group { get; init; }

    /// <summary>Whether the field is mandatory, optional or conditional.</summary>
    public RequirementLevel Requirement { get; init; }

    /// <summary>The value, parsed to the field's type and unit.</summary>
    public required ParsedValue Value { get; init; }

    /// <summary>The value text as the buyer wrote it.</summary>
    public required string OriginalText { get; init; }

    /// <summary>The name the buyer used; null when the value came from free text.</summary>
    public string? OriginalName { get; init; }

    /// <summary>How the input was tied to this field.</summary>
    public required MatchedBy MatchedBy { get; init; }

    /// <summary>What was assumed or converted on the way, each a sentence.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
