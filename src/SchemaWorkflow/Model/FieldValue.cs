namespace SchemaWorkflow;

/// <summary>
/// A typed value or constraint attached to a field by an enricher, always with at least one citation. Exactly the
/// slot that matches <see cref="Kind"/> is set; prose never goes into a value slot.
/// </summary>
public sealed record FieldValue
{
    /// <summary>What this value states.</summary>
    public required FieldValueKind Kind { get; init; }

    /// <summary>For <see cref="FieldValueKind.AllowedValues"/>: the allowed values, each a short code or term.</summary>
    public IReadOnlyList<string> AllowedValues { get; init; } = [];

    /// <summary>For <see cref="FieldValueKind.Range"/>: the permitted interval.</summary>
    public NumericRange? Range { get; init; }

    /// <summary>For <see cref="FieldValueKind.Limit"/> or a numeric <see cref="FieldValueKind.RecommendedDefault"/>.</summary>
    public double? Number { get; init; }

    /// <summary>The unit of <see cref="Number"/>.</summary>
    public string? Unit { get; init; }

    /// <summary>For a textual <see cref="FieldValueKind.RecommendedDefault"/>: one allowed value or short code.</summary>
    public string? Text { get; init; }

    /// <summary>For <see cref="FieldValueKind.Formula"/>: the formula, e.g. <c>±(0.15 + 0.002·|t|) °C</c>.</summary>
    public string? Formula { get; init; }

    /// <summary>A short label that says what the value is, e.g. "class A tolerance" or "failure current, downscale".</summary>
    public string? Label { get; init; }

    /// <summary>Where the value comes from; never empty in a stored schema.</summary>
    public IReadOnlyList<Citation> Citations { get; init; } = [];

    /// <summary>Confidence from 0 (guess) to 1 (verified in the cited source).</summary>
    public double Confidence { get; init; } = 1.0;
}
