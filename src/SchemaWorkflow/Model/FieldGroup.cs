namespace SchemaWorkflow;

/// <summary>A group of fields, such as all electrical fields of a schema.</summary>
public sealed record FieldGroup
{
    /// <summary>The group key; one of <see cref="FieldGroups.All"/>.</summary>
    public required string Key { get; init; }

    /// <summary>Display name, for example "Process parameters".</summary>
    public required string DisplayName { get; init; }

    /// <summary>The fields in datasheet order.</summary>
    public IReadOnlyList<SchemaField> Fields { get; init; } = [];
}
