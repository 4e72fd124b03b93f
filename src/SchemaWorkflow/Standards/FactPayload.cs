namespace SchemaWorkflow.Standards;

/// <summary>
/// One typed statement of a fact about one field: an allowed-value set, a range, a limit, a recommended default or a
/// formula. Exactly the slots that match <see cref="Kind"/> are set.
/// </summary>
public sealed record FactPayload
{
    /// <summary>What the statement is; maps one to one onto <see cref="FieldValueKind"/>.</summary>
    public required FieldValueKind Kind { get; init; }

    /// <summary>The field key the statement is about; one of the fact's fields.</summary>
    public required string Field { get; init; }

    /// <summary>For <see cref="FieldValueKind.AllowedValues"/>: the values.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>For <see cref="FieldValueKind.Range"/>: the lower bound, or null when open.</summary>
    public double? Min { get; init; }

    /// <summary>For <see cref="FieldValueKind.Range"/>: the upper bound, or null when open.</summary>
    public double? Max { get; init; }

    /// <summary>For <see cref="FieldValueKind.Limit"/> or a numeric default: the number.</summary>
    public double? Number { get; init; }

    /// <summary>The unit of the range, limit or number; from the catalog unit list.</summary>
    public string? Unit { get; init; }

    /// <summary>For a textual <see cref="FieldValueKind.RecommendedDefault"/>: the value.</summary>
    public string? Text { get; init; }

    /// <summary>For <see cref="FieldValueKind.Formula"/>: the formula.</summary>
    public string? Formula { get; init; }

    /// <summary>A short label that says what the statement is.</summary>
    public string? Label { get; init; }
}
