namespace SchemaWorkflow.Catalog;

/// <summary>A field of a catalog class after its blocks were merged and overrides applied.</summary>
public sealed record CatalogField
{
    /// <summary>Stable snake_case key, for example <c>output_signal</c>.</summary>
    public required string Key { get; init; }

    /// <summary>Display name, for example "Output signal".</summary>
    public required string DisplayName { get; init; }

    /// <summary>One sentence a buyer understands.</summary>
    public required string Description { get; init; }

    /// <summary>The group key; one of <see cref="FieldGroups.All"/>.</summary>
    public required string Group { get; init; }

    /// <summary>The data type of the value.</summary>
    public required FieldDataType DataType { get; init; }

    /// <summary>The preferred unit symbol (one of <see cref="CatalogUnits.All"/>), or null when dimensionless.</summary>
    public string? Unit { get; init; }

    /// <summary>Other units a buyer may use.</summary>
    public IReadOnlyList<string> AcceptedUnits { get; init; } = [];

    /// <summary>For enum fields: the allowed values.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>For number and range fields: the typical span.</summary>
    public NumericRange? TypicalRange { get; init; }

    /// <summary>Whether the buyer must state the field.</summary>
    public RequirementLevel Requirement { get; init; } = RequirementLevel.Optional;

    /// <summary>For conditional fields: when the field becomes mandatory.</summary>
    public string? Condition { get; init; }

    /// <summary>What buyers and vendors also call the field.</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>The measurand the field is specific to (for example <c>pressure</c>), or null when it applies to any instrument.</summary>
    public string? Measurand { get; init; }

    /// <summary>The IEC CDD property IRDI, where known.</summary>
    public string? PropertyId { get; init; }

    /// <summary>The sort key within the group as written in the data, or null when the field keeps its file position.</summary>
    public int? Order { get; init; }

    /// <summary>The block the field came from, or null for a field the class defines itself.</summary>
    public string? Block { get; init; }
}
