namespace SchemaWorkflow.Validation;

/// <summary>A conditional field and whether its condition applies to what the buyer gave.</summary>
public sealed record ConditionalRequirement
{
    /// <summary>The field key.</summary>
    public required string Field { get; init; }

    /// <summary>The field's display name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>The condition as the schema states it, e.g. "sensor_input_type is an RTD".</summary>
    public required string Condition { get; init; }

    /// <summary>Whether it applies.</summary>
    public required ConditionStatus Status { get; init; }

    /// <summary>True when the field was given.</summary>
    public bool Provided { get; init; }

    /// <summary>A sentence saying whether the field is required and why.</summary>
    public required string Message { get; init; }
}
