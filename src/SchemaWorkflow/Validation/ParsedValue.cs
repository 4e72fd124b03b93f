using System.Globalization;

namespace SchemaWorkflow.Validation;

/// <summary>
/// A buyer's value, parsed to its field's type: numbers converted to the field's unit, enum text in the allowed
/// value's own spelling. Immutable.
/// </summary>
public sealed record ParsedValue
{
    /// <summary>What the value holds.</summary>
    public required ParsedValueKind Kind { get; init; }

    /// <summary>For <see cref="ParsedValueKind.Enum"/> and <see cref="ParsedValueKind.Text"/>: the text.</summary>
    public string? Text { get; init; }

    /// <summary>For <see cref="ParsedValueKind.Number"/>: the number, in <see cref="Unit"/>.</summary>
    public double? Number { get; init; }

    /// <summary>For <see cref="ParsedValueKind.Range"/>: the interval, in <see cref="Unit"/>.</summary>
    public NumericRange? Range { get; init; }

    /// <summary>For <see cref="ParsedValueKind.Boolean"/>: yes or no.</summary>
    public bool? Boolean { get; init; }

    /// <summary>The unit of <see cref="Number"/> or <see cref="Range"/>, normally the field's unit.</summary>
    public string? Unit { get; init; }

    /// <summary>For a number: a single value, a ± tolerance, or an upper or lower bound.</summary>
    public QuantityForm? Form { get; init; }

    /// <summary>What the unit added and the field's unit does not say: gauge, absolute, DC, AC.</summary>
    public string? Qualifier { get; init; }

    /// <summary>The value as one short line, for example <c>0..150 °C</c>, <c>±0.1 % of span</c>, <c>4-20 mA HART</c>.</summary>
    public required string Display { get; init; }

    /// <inheritdoc />
    public override string ToString() => Display;

    /// <summary>An allowed value of an enum field.</summary>
    /// <param name="value">The allowed value.</param>
    /// <returns>The parsed value.</returns>
    public static ParsedValue ForEnum(string value) => new() { Kind = ParsedValueKind.Enum, Text = value, Display = value };

    /// <summary>Free text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The parsed value.</returns>
    public static ParsedValue ForText(string text) => new() { Kind = ParsedValueKind.Text, Text = text, Display = text };

    /// <summary>Yes or no.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The parsed value.</returns>
    public static ParsedValue ForBoolean(bool value) => new() { Kind = ParsedValueKind.Boolean, Boolean = value, Display = value ? "yes" : "no" };

    /// <summary>The buyer said the field does not apply.</summary>
    /// <returns>The parsed value.</returns>
    public static ParsedValue ForNotApplicable() => new() { Kind = ParsedValueKind.NotApplicable, Display = "not applicable" };

    /// <summary>A number with a unit.</summary>
    /// <param name="number">The number.</param>
    /// <param name="unit">Its unit, or null.</param>
    /// <param name="form">Single value, tolerance or bound.</param>
    /// <param name="qualifier">Gauge, absolute, DC, AC, or null.</param>
    /// <returns>The parsed value.</returns>
    public static ParsedValue ForNumber(double number, string? unit, QuantityForm form = QuantityForm.Single, string? qualifier = null)
    {
        var prefix = form switch
        {
            QuantityForm.Tolerance => "±",
            QuantityForm.AtMost => "≤ ",
            QuantityForm.AtLeast => "≥ ",
            _ => string.Empty,
        };
        return new ParsedValue
        {
            Kind = ParsedValueKind.Number,
            Number = number,
            Unit = unit,
            Form = form,
            Qualifier = qualifier,
            Display = prefix + FormatNumber(number) + WithUnit(unit, qualifier),
        };
    }

    /// <summary>An interval with a unit.</summary>
    /// <param name="min">The lower end, or null when open.</param>
    /// <param name="max">The upper end, or null when open.</param>
    /// <param name="unit">The unit, or null.</param>
    /// <param name="qualifier">Gauge, absolute, DC, AC, or null.</param>
    /// <returns>The parsed value.</returns>
    public static ParsedValue ForRange(double? min, double? max, string? unit, string? qualifier = null)
    {
        var display = (min, max) switch
        {
            (null, { } hi) => "≤ " + FormatNumber(hi),
            ({ } lo, null) => "≥ " + FormatNumber(lo),
            ({ } lo, { } hi) => FormatNumber(lo) + ".." + FormatNumber(hi),
            _ => "any",
        };
        return new ParsedValue
        {
            Kind = ParsedValueKind.Range,
            Range = new NumericRange { Min = min, Max = max, Unit = unit },
            Unit = unit,
            Qualifier = qualifier,
            Display = display + WithUnit(unit, qualifier),
        };
    }

    /// <summary>Formats a number for people: invariant culture, at most six significant digits, no exponent.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    public static string FormatNumber(double value)
    {
        if (value == 0 || !double.IsFinite(value))
        {
            return value == 0 ? "0" : value.ToString(CultureInfo.InvariantCulture);
        }

        var digits = 6 - (int)Math.Floor(Math.Log10(Math.Abs(value))) - 1;
        var rounded = digits is >= 0 and <= 15 ? Math.Round(value, digits) : value;
        return rounded.ToString("0.###############", CultureInfo.InvariantCulture);
    }

    private static string WithUnit(string? unit, string? qualifier)
    {
        var text = unit is null ? string.Empty : " " + unit;
        return qualifier switch
        {
            "gauge" or "absolute" => text + " (" + qualifier + ")",
            "DC" or "AC" when unit is not null && !unit.EndsWith(qualifier, StringComparison.Ordinal) => text + " " + qualifier,
            _ => text,
        };
    }
}
