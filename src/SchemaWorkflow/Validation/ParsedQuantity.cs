namespace SchemaWorkflow.Validation;

/// <summary>
/// A number or range read from text, with its unit as written (not yet converted), and the words around it that are
/// not part of the quantity. Produced by <see cref="ValueParser.ParseQuantity"/>.
/// </summary>
public sealed record ParsedQuantity
{
    /// <summary>The shape: one value, a range, a tolerance or a bound.</summary>
    public required QuantityForm Form { get; init; }

    /// <summary>The value of a single value, tolerance or bound; the lower value of a range.</summary>
    public required double Value { get; init; }

    /// <summary>The upper value of a range; null for the other forms.</summary>
    public double? UpperValue { get; init; }

    /// <summary>
    /// The unit symbol (catalog spelling) of the value, or null when none was written. For a range with one unit, such as
    /// <c>0-150 °C</c>, both ends carry it.
    /// </summary>
    public string? Unit { get; init; }

    /// <summary>The unit of the upper value of a range when it differs from <see cref="Unit"/>.</summary>
    public string? UpperUnit { get; init; }

    /// <summary>What the unit adds: <c>gauge</c>, <c>absolute</c>, <c>DC</c> or <c>AC</c>; null when it adds nothing.</summary>
    public string? Qualifier { get; init; }

    /// <summary>A word right after the number that reads like a unit but is not one this library knows; null otherwise.</summary>
    public string? UnknownUnit { get; init; }

    /// <summary>Words before the quantity, such as <c>ambient</c> in "ambient -40..85 °C".</summary>
    public string LeadingText { get; init; } = string.Empty;

    /// <summary>Words after the quantity and its unit, such as <c>HART</c> in "4-20 mA HART".</summary>
    public string TrailingText { get; init; } = string.Empty;
}
