namespace SchemaWorkflow.Validation;

/// <summary>A value that was tied to a field but not accepted.</summary>
public sealed record InvalidRequirement
{
    /// <summary>The field key.</summary>
    public required string Field { get; init; }

    /// <summary>The field's display name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The value text as the buyer wrote it.</summary>
    public required string Value { get; init; }

    /// <summary>The name the buyer used; null when the value came from free text.</summary>
    public string? OriginalName { get; init; }

    /// <summary>Why it was not accepted.</summary>
    public required InvalidReason Reason { get; init; }

    /// <summary>A sentence a buyer understands: what is wrong and what to write instead.</summary>
    public required string Message { get; init; }

    /// <summary>Values that would be accepted, closest first.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>For <see cref="InvalidReason.ConflictsWithStandard"/>: the standard and clause the value conflicts with.</summary>
    public Citation? Citation { get; init; }
}
