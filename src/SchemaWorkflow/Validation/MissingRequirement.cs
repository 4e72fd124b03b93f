namespace SchemaWorkflow.Validation;

/// <summary>A field that must be given and was not.</summary>
public sealed record MissingRequirement
{
    /// <summary>The field key.</summary>
    public required string Field { get; init; }

    /// <summary>The field's display name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The field's group key.</summary>
    public required string Group { get; init; }

    /// <summary>The field's description (what to give).</summary>
    public required string Description { get; init; }

    /// <summary>Mandatory, or conditional with a condition that applies.</summary>
    public RequirementLevel Requirement { get; init; }

    /// <summary>The condition that made a conditional field required; null for mandatory fields.</summary>
    public string? Condition { get; init; }

    /// <summary>What the field takes: "one of 4-20 mA, 4-20 mA HART", "a range in °C (low..high)".</summary>
    public required string Expected { get; init; }

    /// <summary>A sentence saying what is missing and why.</summary>
    public required string Message { get; init; }
}
