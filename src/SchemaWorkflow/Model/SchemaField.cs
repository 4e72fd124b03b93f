namespace SchemaWorkflow;

/// <summary>One line of a specification sheet: what the buyer states, how it is typed, and what standards say about it.</summary>
public sealed record SchemaField
{
    /// <summary>Stable snake_case key, for example <c>output_signal</c>.</summary>
    public required string Key { get; init; }

    /// <summary>Display name, for example "Output signal".</summary>
    public required string DisplayName { get; init; }

    /// <summary>One sentence a buyer understands (a tooltip).</summary>
    public required string Description { get; init; }

    /// <summary>The group key; one of <see cref="FieldGroups.All"/>.</summary>
    public required string Group { get; init; }

    /// <summary>The data type of the value the buyer states.</summary>
    public required FieldDataType DataType { get; init; }

    /// <summary>The preferred (SI where one applies) unit symbol, or null when dimensionless.</summary>
    public string? Unit { get; init; }

    /// <summary>Other unit symbols accepted and converted, e.g. <c>psi</c> for a <c>bar</c> field.</summary>
    public IReadOnlyList<string> AcceptedUnits { get; init; } = [];

    /// <summary>For enum fields: the allowed values.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>For number and range fields: the typical or permitted span.</summary>
    public NumericRange? TypicalRange { get; init; }

    /// <summary>Whether the buyer must state the field.</summary>
    public RequirementLevel Requirement { get; init; } = RequirementLevel.Optional;

    /// <summary>For <see cref="RequirementLevel.Conditional"/>: when the field becomes mandatory, e.g. "sensor_input_type is RTD".</summary>
    public string? Condition { get; init; }

    /// <summary>What vendors and buyers also call this field.</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>The IEC 61987 / IEC CDD property IRDI, where known.</summary>
    public string? PropertyId { get; init; }

    /// <summary>Typed values and constraints with citations, added by enrichment.</summary>
    public IReadOnlyList<FieldValue> Values { get; init; } = [];
}
