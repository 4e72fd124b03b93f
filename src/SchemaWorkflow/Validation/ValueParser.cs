using System.Text.RegularExpressions;
using SchemaWorkflow.Validation.Internal;

namespace SchemaWorkflow.Validation;

/// <summary>
/// Parses what a buyer (or a datasheet) wrote into a field's type: numbers and ranges with units converted to the
/// field's unit through UnitsNet ("0…150 °C", "-40 to 85 degC", "0-10 bar g", "100 psi"), tolerances ("±0.1 %",
/// "0.075% of span"), allowed values in their own spelling ("4..20 mA" → "4-20 mA"), codes (IP66/67, Ex d IIC T6 Gb,
/// SIL 2, Class 300, DN50, ½" NPT, G½) and yes/no. Pure and thread-safe.
/// </summary>
public static partial class ValueParser
{
    /// <summary>The longest value text parsed; longer text is rejected with a message.</summary>
    public const int MaxValueLength = 500;

    private static readonly string[] DifferenceWords =
        ["accuracy", "span", "differential", "hysteresis", "tolerance", "error", "deviation", "effect", "stability", "drift", "repeatability", "resolution", "uncertainty", "deadband"];

    /// <summary>Parses text as a value of a field.</summary>
    /// <param name="field">The field.</param>
    /// <param name="text">What the buyer wrote.</param>
    /// <returns>The typed value, or why the text was not accepted.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="field"/> or <paramref name="text"/> is null.</exception>
    public static ValueParseResult Parse(SchemaField field, string text)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(text);
        var t = Clean(text);
        if (t.Length == 0)
        {
            return ValueParseResult.Fail(InvalidReason.Unreadable, $"No value was given for {field.DisplayName}.");
        }

        if (t.Length > MaxValueLength)
        {
            return ValueParseResult.Fail(InvalidReason.Unreadable, $"The value given for {field.DisplayName} has {t.Length} characters; the limit is {MaxValueLength}. Give just the value.");
        }

        if (t.Any(char.IsControl))
        {
            return ValueParseResult.Fail(InvalidReason.Unreadable, $"The value given for {field.DisplayName} contains a control character. Remove line breaks, tabs and other control characters.");
        }

        if (QuantityParser.HasLoneSurrogate(t))
        {
            return ValueParseResult.Fail(InvalidReason.Unreadable, $"The value given for {field.DisplayName} contains a broken character (half of a UTF-16 surrogate pair). Send the text as valid Unicode.");
        }

        if (IsNotApplicable(t))
        {
            return ValueParseResult.Ok(ParsedValue.ForNotApplicable(), 10);
        }

        if (IsPlaceholder(t))
        {
            return ValueParseResult.Fail(InvalidReason.Placeholder, $"'{Shorten(t)}' is a placeholder, not a value; give {field.DisplayName} as {Expectation(field)}.");
        }

        return field.DataType switch
        {
            FieldDataType.Enum => ParseEnum(field, t),
            FieldDataType.Number => ParseQuantityField(field, t, range: false),
            FieldDataType.Range => ParseQuantityField(field, t, range: true),
            FieldDataType.Boolean => ParseBooleanField(field, t),
            _ => ValueParseResult.Ok(ParsedValue.ForText(t), 20),
        };
    }

    /// <summary>Reads a number, range, tolerance or bound with its unit as written, without a field to convert to.</summary>
    /// <param name="text">The text, such as "0-10 bar g" or "±0.1 % of span".</param>
    /// <returns>The quantity, or null when the text holds no number.</returns>
    public static ParsedQuantity? ParseQuantity(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var q = QuantityParser.Parse(text);
        if (q is null)
        {
            return null;
        }

        var lower = q.Form == QuantityForm.Range ? (q.FirstUnits.Count > 0 ? q.FirstUnits : q.SecondUnits) : q.FirstUnits;
        var upper = q.SecondUnits.Count > 0 ? q.SecondUnits : q.FirstUnits;
        var lowerUnit = lower.Count > 0 ? lower[0] : null;
        var upperUnit = q.Form == QuantityForm.Range && upper.Count > 0 ? upper[0] : null;
        return new ParsedQuantity
        {
            Form = q.IsRatio ? QuantityForm.Single : q.Form,
            Value = q.First,
            UpperValue = q.Second,
            Unit = lowerUnit?.Symbol,
            UpperUnit = upperUnit is not null && lowerUnit is not null && upperUnit != lowerUnit ? upperUnit.Symbol : null,
            Qualifier = (upperUnit ?? lowerUnit)?.Qualifier,
            UnknownUnit = q.UnknownUnit,
            LeadingText = q.Leading,
            TrailingText = q.Trailing,
        };
    }

    /// <summary>Finds the allowed value a text means, in the allowed value's own spelling.</summary>
    /// <param name="allowedValues">The allowed values.</param>
    /// <param name="text">The text, such as "4..20 mA" or "ss316l".</param>
    /// <returns>The allowed value, or null when none fits or several fit equally.</returns>
    public static string? MatchAllowedValue(IReadOnlyList<string> allowedValues, string text)
    {
        ArgumentNullException.ThrowIfNull(allowedValues);
        ArgumentNullException.ThrowIfNull(text);
        return EnumMatcher.Match(allowedValues, text).Value;
    }

    /// <summary>Converts a value between two unit symbols through UnitsNet.</summary>
    /// <param name="value">The value.</param>
    /// <param name="fromUnit">Its unit, for example <c>psi</c>.</param>
    /// <param name="toUnit">The unit wanted, for example <c>bar</c>.</param>
    /// <param name="result">The converted value.</param>
    /// <param name="isDifference">True when the value is a difference (a tolerance or span), which matters for temperatures.</param>
    /// <returns>False when a unit is unknown or the units measure different things.</returns>
    public static bool TryConvert(double value, string fromUnit, string toUnit, out double result, bool isDifference = false)
    {
        ArgumentNullException.ThrowIfNull(fromUnit);
        ArgumentNullException.ThrowIfNull(toUnit);
        result = double.NaN;
        var from = UnitTable.Lookup(fromUnit);
        var to = UnitTable.ForSymbol(toUnit);
        if (to is null)
        {
            return false;
        }

        foreach (var candidate in from)
        {
            if (candidate.Dimension == to.Dimension && UnitTable.TryConvert(value, candidate, to, isDifference, out result))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>What a unit symbol measures, or null when the symbol is unknown.</summary>
    /// <param name="unit">A unit symbol or spelling, such as <c>degC</c> or <c>m3/h</c>.</param>
    /// <returns>The dimension.</returns>
    public static UnitDimension? DimensionOf(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        return UnitTable.Lookup(unit) is [var first, ..] ? first.Dimension : null;
    }

    /// <summary>Reads yes or no: yes/no, true/false, with/without, required/not required, included, fitted, 1/0.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The value, or null when the text is neither.</returns>
    public static bool? ParseBoolean(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var t = Clean(text).ToLowerInvariant();
        if (TrueWords().IsMatch(t))
        {
            return true;
        }

        return FalseWords().IsMatch(t) ? false : null;
    }

    /// <summary>True for a placeholder instead of a value: TBD, TBA, "?", "-", "…", "[value]", "to be confirmed", "unknown".</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it is a placeholder.</returns>
    public static bool IsPlaceholder(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Placeholder().IsMatch(Clean(text));
    }

    internal static bool IsNotApplicable(string text) => NotApplicable().IsMatch(Clean(text));

    internal static string Clean(string text) => MultiSpace().Replace(text.Trim(), " ");

    internal static string Shorten(string text) => text.Length > 60 ? string.Concat(text.AsSpan(0, 59), "…") : text;

    internal static bool IsDifferenceField(SchemaField field) =>
        DifferenceWords.Any(w => field.Key.Contains(w, StringComparison.Ordinal));

    internal static string DimensionName(UnitDimension dimension) => dimension switch
    {
        UnitDimension.Temperature => "a temperature",
        UnitDimension.Pressure => "a pressure",
        UnitDimension.ElectricCurrent => "a current",
        UnitDimension.Voltage => "a voltage",
        UnitDimension.Power => "a power",
        UnitDimension.Resistance => "a resistance",
        UnitDimension.Frequency => "a frequency",
        UnitDimension.Time => "a time",
        UnitDimension.Length => "a length",
        UnitDimension.VolumeFlow => "a volume flow",
        UnitDimension.MassFlow => "a mass flow",
        UnitDimension.Density => "a density",
        UnitDimension.DynamicViscosity => "a dynamic viscosity",
        UnitDimension.KinematicViscosity => "a kinematic viscosity",
        UnitDimension.Conductivity => "a conductivity",
        UnitDimension.Ratio => "a percentage",
        UnitDimension.PH => "a pH value",
        UnitDimension.Acceleration => "an acceleration",
        UnitDimension.Torque => "a torque",
        UnitDimension.Mass => "a mass",
        UnitDimension.BitRate => "a data rate",
        UnitDimension.Speed => "a speed",
        UnitDimension.RotationalSpeed => "a rotational speed",
        UnitDimension.Area => "an area",
        UnitDimension.LogarithmicLevel => "a level in decibels",
        _ => "a quantity",
    };

    /// <summary>What a field expects, as a phrase: "a temperature range in °C", "one of 4-20 mA, 4-20 mA HART".</summary>
    internal static string Expectation(SchemaField field)
    {
        var unit = field.Unit is null ? string.Empty : " in " + field.Unit;
        return field.DataType switch
        {
            FieldDataType.Enum => field.AllowedValues.Count <= 8
                ? "one of " + JoinOr(field.AllowedValues)
                : "one of its allowed values, such as " + JoinOr(field.AllowedValues.Take(4).ToList()),
            FieldDataType.Number => "a number" + unit,
            FieldDataType.Range => "a range" + unit + " (low..high)",
            FieldDataType.Boolean => "yes or no",
            _ => "a short text",
        };
    }

    // Values that hold commas ("Field mount, dual compartment") are listed with semicolons so the list stays readable.
    internal static string JoinOr(IReadOnlyList<string> items)
    {
        var separator = items.Any(static i => i.Contains(',', StringComparison.Ordinal)) ? "; " : ", ";
        return items.Count switch
        {
            0 => string.Empty,
            1 => items[0],
            _ => string.Join(separator, items.Take(items.Count - 1)) + " or " + items[^1],
        };
    }

    internal static string JoinAll(IReadOnlyList<string> items) =>
        string.Join(items.Any(static i => i.Contains(',', StringComparison.Ordinal)) ? "; " : ", ", items);

    private static ValueParseResult ParseEnum(SchemaField field, string text)
    {
        if (field.AllowedValues.Count == 0)
        {
            return ValueParseResult.Ok(ParsedValue.ForText(text), 20);
        }

        var match = EnumMatcher.Match(field.AllowedValues, text, FieldWords(field));
        if (match.Value is { } value)
        {
            var note = match.Kind switch
            {
                EnumMatchKind.Exact or EnumMatchKind.Canonical => string.Empty,
                EnumMatchKind.Fuzzy => $"Read '{Shorten(text)}' as '{value}' (closest spelling).",
                _ => $"Read '{Shorten(text)}' as '{value}'.",
            };
            return ValueParseResult.Ok(ParsedValue.ForEnum(value), match.Score, note) with { Leftover = match.Leftover };
        }

        if (match.Ambiguous.Count > 0)
        {
            return ValueParseResult.Fail(
                InvalidReason.AmbiguousValue,
                $"'{Shorten(text)}' could mean {JoinOr(match.Ambiguous)} for {field.DisplayName}; say which.",
                match.Ambiguous,
                match.Score);
        }

        var allowed = field.AllowedValues.Count <= 12
            ? "Allowed: " + JoinAll(field.AllowedValues) + "."
            : match.Suggestions.Count > 0 ? "Closest allowed values: " + JoinAll(match.Suggestions) + "." : "It has " + field.AllowedValues.Count + " allowed values; see the schema.";
        return ValueParseResult.Fail(
            InvalidReason.NotAllowedValue,
            $"'{Shorten(text)}' is not an allowed value of {field.DisplayName}. {allowed}",
            match.Suggestions);
    }

    private static ValueParseResult ParseBooleanField(SchemaField field, string text)
    {
        var fieldWords = FieldWords(field);
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => TextCanon.Tokens(w) is not [var only] || !fieldWords.Contains(only)).ToList();
        var value = ParseBoolean(text) ?? (words.Count > 0 ? ParseBoolean(string.Join(' ', words)) : null);
        if (value is null && words.Count == 0)
        {
            // "with display" for a field called "Display": the field's own name says yes.
            value = true;
        }

        return value is { } b
            ? ValueParseResult.Ok(ParsedValue.ForBoolean(b), 40)
            : ValueParseResult.Fail(InvalidReason.Unreadable, $"'{Shorten(text)}' is not yes or no; {field.DisplayName} needs yes or no.");
    }

    private static ValueParseResult ParseQuantityField(SchemaField field, string text, bool range)
    {
        var q = QuantityParser.Parse(text);
        if (q is null)
        {
            return ValueParseResult.Fail(InvalidReason.Unreadable, $"'{Shorten(text)}' has no number; {field.DisplayName} needs {Expectation(field)}.");
        }

        if (!double.IsFinite(q.First) || q.Second is { } second && !double.IsFinite(second))
        {
            return ValueParseResult.Fail(InvalidReason.Unreadable, $"The number in '{Shorten(text)}' is too large to be a value of {field.DisplayName}.");
        }

        var notes = new List<string>();
        if (q.IsRatio)
        {
            return range
                ? ValueParseResult.Fail(InvalidReason.Unreadable, $"'{Shorten(text)}' is a ratio; {field.DisplayName} needs {Expectation(field)}.")
                : Checked(field, ParsedValue.ForNumber(q.First, field.Unit), text, 60, notes);
        }

        var fieldUnit = UnitTable.ForSymbol(field.Unit);
        if (q.FirstUnits.Count == 0 && q.SecondUnits.Count == 0 && q.Leading.Length > 0 && UnitTable.Lookup(q.Leading) is [{ Dimension: UnitDimension.Density } sg, ..])
        {
            // "SG 0.7": the unit written before the number.
            q = q with { FirstUnits = [sg], Leading = string.Empty };
        }

        var isDifference = q.Form == QuantityForm.Tolerance || IsDifferenceField(field);
        var lowerCandidates = q.Form == QuantityForm.Range ? (q.FirstUnits.Count > 0 ? q.FirstUnits : q.SecondUnits) : q.FirstUnits;
        var upperCandidates = q.SecondUnits.Count > 0 ? q.SecondUnits : q.FirstUnits;

        var lower = ResolveValue(field, fieldUnit, q.First, lowerCandidates, q.UnknownUnit, isDifference, text, notes);
        if (lower.Error is not null)
        {
            return lower.Error;
        }

        var upper = lower;
        if (q.Form == QuantityForm.Range)
        {
            upper = ResolveValue(field, fieldUnit, q.Second!.Value, upperCandidates, q.UnknownUnit, isDifference, text, notes);
            if (upper.Error is not null)
            {
                return upper.Error;
            }

            if (!string.Equals(lower.Unit, upper.Unit, StringComparison.Ordinal))
            {
                return ValueParseResult.Fail(InvalidReason.UnitMismatch, $"The two ends of '{Shorten(text)}' are in units that cannot be compared ({lower.Unit} and {upper.Unit}).");
            }
        }

        var unitWritten = lowerCandidates.Count > 0 || upperCandidates.Count > 0;
        var confidence = unitWritten ? 70.0 : 30.0;
        var qualifier = upper.Qualifier ?? lower.Qualifier;
        var nameWords = NameWordsWithSynonyms(field);
        var trailing = string.Join(' ', q.Trailing.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => TextCanon.Tokens(w) is not [var only] || !nameWords.Contains(only)));
        if (trailing.Length > 0)
        {
            notes.Add($"Ignored '{Shorten(trailing)}' after the value.");
            confidence -= 10;
        }

        ParsedValue value;
        if (range)
        {
            switch (q.Form)
            {
                case QuantityForm.Range:
                    if (lower.Value > upper.Value)
                    {
                        return ValueParseResult.Fail(
                            InvalidReason.ReversedRange,
                            $"In '{Shorten(text)}' the lower value is above the upper value; write {field.DisplayName} from low to high, for example {ParsedValue.FormatNumber(upper.Value)}..{ParsedValue.FormatNumber(lower.Value)}{Suffix(lower.Unit)}.",
                            confidence: confidence);
                    }

                    value = ParsedValue.ForRange(lower.Value, upper.Value, lower.Unit, qualifier);
                    confidence += 10;
                    break;
                case QuantityForm.Tolerance:
                    value = ParsedValue.ForRange(-Math.Abs(lower.Value), Math.Abs(lower.Value), lower.Unit, qualifier);
                    break;
                case QuantityForm.AtMost:
                    value = ParsedValue.ForRange(null, lower.Value, lower.Unit, qualifier);
                    break;
                case QuantityForm.AtLeast:
                    value = ParsedValue.ForRange(lower.Value, null, lower.Unit, qualifier);
                    break;
                default:
                    value = ParsedValue.ForRange(lower.Value, lower.Value, lower.Unit, qualifier);
                    notes.Add($"Read the single value as the range {value.Display}.");
                    confidence -= 10;
                    break;
            }
        }
        else
        {
            if (q.Form == QuantityForm.Range)
            {
                if (Math.Abs(lower.Value - upper.Value) > 1e-12)
                {
                    return ValueParseResult.Fail(
                        InvalidReason.Unreadable,
                        $"'{Shorten(text)}' is a range, but {field.DisplayName} takes a single value{Suffix(field.Unit, " in ")}.",
                        confidence: confidence - 20);
                }
            }
            else
            {
                // A ± tolerance belongs to an accuracy-like field; on a plain quantity (humidity) it is unlikely.
                confidence += q.Form == QuantityForm.Tolerance ? (isDifference && !IsDifferenceField(field) ? -5 : 15) : 5;
            }

            var form = q.Form == QuantityForm.Range ? QuantityForm.Single : q.Form;
            value = ParsedValue.ForNumber(form == QuantityForm.Tolerance ? Math.Abs(lower.Value) : lower.Value, lower.Unit, form, qualifier);
        }

        var leftover = string.Join(' ', new[] { q.Leading, q.Trailing }.Where(static w => w.Length > 0));
        return Checked(field, value, text, confidence, notes) with { Leftover = leftover };
    }

    // Physical limits are hard (nothing is colder than absolute zero); the catalog's typical range is advice, because a
    // type K transmitter calibrated 0..1200 °C is normal even where the typical range was written for Pt100.
    private static ValueParseResult Checked(SchemaField field, ParsedValue value, string text, double confidence, List<string> notes)
    {
        var (lowest, highest) = ValuesOf(value);
        if (PhysicalLimitProblem(field, value, lowest, highest) is { } problem)
        {
            return new ValueParseResult
            {
                Error = InvalidReason.OutOfRange,
                Message = problem,
                Confidence = confidence,
                Notes = [.. notes],
            };
        }

        if (field.TypicalRange is { IsWellFormed: true } typical && string.Equals(value.Unit, field.Unit, StringComparison.Ordinal) && field.Unit is not null &&
            ConvertRange(typical, field.Unit) is { } bounds &&
            ((lowest is { } lo && !bounds.Contains(lo)) || (highest is { } hi && !bounds.Contains(hi))))
        {
            notes.Add($"{value.Display} is outside the typical range of {field.DisplayName}, {Describe(bounds, field.Unit)}; check it is meant.");
            confidence -= 10;
        }

        return ValueParseResult.Ok(value, confidence, [.. notes]);
    }

    private static (double? Lowest, double? Highest) ValuesOf(ParsedValue value) => value.Kind switch
    {
        ParsedValueKind.Range => (value.Range!.Min, value.Range.Max),
        ParsedValueKind.Number when value.Form == QuantityForm.Tolerance => (Math.Abs(value.Number!.Value), Math.Abs(value.Number.Value)),
        ParsedValueKind.Number => (value.Number, value.Number),
        _ => (null, null),
    };

    private static string? PhysicalLimitProblem(SchemaField field, ParsedValue value, double? lowest, double? highest)
    {
        var unit = UnitTable.ForSymbol(value.Unit);
        if (unit is null || lowest is null && highest is null)
        {
            return null;
        }

        var low = lowest ?? highest!.Value;
        var high = highest ?? lowest!.Value;
        var isTolerance = value.Form == QuantityForm.Tolerance;
        if (PhysicalBounds(field, unit, value.Qualifier, isTolerance) is not { } bounds || (bounds.Contains(low) && bounds.Contains(high)))
        {
            return null;
        }

        return unit.Dimension switch
        {
            UnitDimension.Temperature => $"{field.DisplayName} {value.Display} is below absolute zero ({ParsedValue.FormatNumber(bounds.Min!.Value)} {unit.Symbol}); check the value and its unit.",
            UnitDimension.Pressure => $"{field.DisplayName} {value.Display} is a negative absolute pressure; an absolute pressure starts at 0.",
            UnitDimension.PH => $"{field.DisplayName} {value.Display} is outside the pH scale 0..14.",
            UnitDimension.Ratio => $"{field.DisplayName} {value.Display} is outside 0..100 %; relative humidity cannot exceed 100 %.",
            _ => $"{field.DisplayName} {value.Display} is negative; {DimensionName(unit.Dimension)} cannot be below 0.",
        };
    }

    /// <summary>
    /// The values a quantity of this field can physically take, in <paramref name="unit"/>: not below absolute zero, not
    /// negative where a negative value means nothing (lengths, times, densities…), 0..100 % for humidity, 0..14 pH.
    /// </summary>
    /// <param name="field">The field.</param>
    /// <param name="unit">The unit of the value.</param>
    /// <param name="qualifier">The value's qualifier (gauge, absolute…), if any.</param>
    /// <param name="isTolerance">True for a ± tolerance, which is a difference.</param>
    /// <returns>The bounds, or null when nothing is known.</returns>
    internal static NumericRange? PhysicalBounds(SchemaField field, UnitInfo unit, string? qualifier = null, bool isTolerance = false)
    {
        switch (unit.Dimension)
        {
            case UnitDimension.Temperature when !IsDifferenceField(field) && !isTolerance:
                return UnitTable.TryConvert(0, UnitTable.ForSymbol("K")!, unit, isDifference: false, out var absoluteZero)
                    ? new NumericRange { Min = absoluteZero, Unit = unit.Symbol }
                    : null;
            case UnitDimension.Pressure when qualifier == "absolute" || field.Key.Contains("absolute", StringComparison.Ordinal):
            case UnitDimension.Length or UnitDimension.Time or UnitDimension.Density or UnitDimension.DynamicViscosity or UnitDimension.KinematicViscosity or
                UnitDimension.Conductivity or UnitDimension.Frequency or UnitDimension.Resistance or UnitDimension.Mass or UnitDimension.Power or
                UnitDimension.BitRate or UnitDimension.Area:
                return new NumericRange { Min = 0, Unit = unit.Symbol };
            case UnitDimension.PH:
                return new NumericRange { Min = 0, Max = 14, Unit = unit.Symbol };
            case UnitDimension.Ratio when field.Key.Contains("humidity", StringComparison.Ordinal):
                return new NumericRange { Min = 0, Max = 100, Unit = unit.Symbol };
            default:
                return null;
        }
    }

    /// <summary>The physical bounds of a field in its own unit, or null.</summary>
    /// <param name="field">The field.</param>
    /// <returns>The bounds.</returns>
    internal static NumericRange? PhysicalBounds(SchemaField field) =>
        UnitTable.ForSymbol(field.Unit) is { } unit ? PhysicalBounds(field, unit) : null;

    internal static NumericRange? ConvertRange(NumericRange range, string toUnit)
    {
        if (range.Unit is null || string.Equals(range.Unit, toUnit, StringComparison.Ordinal))
        {
            return range with { Unit = toUnit };
        }

        double? min = null, max = null;
        if (range.Min is { } a)
        {
            if (!TryConvert(a, range.Unit, toUnit, out var x))
            {
                return null;
            }

            min = x;
        }

        if (range.Max is { } b)
        {
            if (!TryConvert(b, range.Unit, toUnit, out var y))
            {
                return null;
            }

            max = y;
        }

        return new NumericRange { Min = min, Max = max, Unit = toUnit };
    }

    internal static string Describe(NumericRange range, string? unit)
    {
        var u = Suffix(unit ?? range.Unit);
        return (range.Min, range.Max) switch
        {
            ({ } lo, { } hi) => $"{ParsedValue.FormatNumber(lo)}..{ParsedValue.FormatNumber(hi)}{u}",
            (null, { } hi) => $"at most {ParsedValue.FormatNumber(hi)}{u}",
            ({ } lo, null) => $"at least {ParsedValue.FormatNumber(lo)}{u}",
            _ => "any value",
        };
    }

    private static string Suffix(string? unit, string separator = " ") => unit is null ? string.Empty : separator + unit;

    private static Resolved ResolveValue(SchemaField field, UnitInfo? fieldUnit, double number, IReadOnlyList<UnitInfo> candidates, string? unknownUnit, bool isDifference, string text, List<string> notes)
    {
        if (candidates.Count == 0)
        {
            if (unknownUnit is "x" or "×" or "X" or "times")
            {
                return Resolved.Fail(ValueParseResult.Fail(
                    InvalidReason.Unreadable,
                    $"'{Shorten(text)}' is a multiple of another value; give {field.DisplayName} as {Expectation(field)}."));
            }

            if (unknownUnit is not null && field.Unit is not null)
            {
                var symbols = fieldUnit is null ? field.Unit : string.Join(", ", UnitTable.CommonSymbols(fieldUnit.Dimension));
                return Resolved.Fail(ValueParseResult.Fail(
                    InvalidReason.UnknownUnit,
                    $"'{unknownUnit}' in '{Shorten(text)}' is not a unit this validator knows; write {field.DisplayName} in {symbols}."));
            }

            if (field.Unit is not null)
            {
                AddOnce(notes, $"No unit was given; read as {field.Unit}.");
            }

            return new Resolved(number, field.Unit, null);
        }

        if (field.Unit is null)
        {
            return Resolved.Fail(ValueParseResult.Fail(
                InvalidReason.WrongUnitDimension,
                $"'{Shorten(text)}' is {DimensionName(candidates[0].Dimension)} in {candidates[0].Symbol}, but {field.DisplayName} is a plain number without a unit."));
        }

        if (fieldUnit is null)
        {
            // A field unit outside the known list: only the same spelling is accepted, unconverted.
            return candidates.Any(c => string.Equals(UnitTable.Key(c.Symbol), UnitTable.Key(field.Unit), StringComparison.Ordinal))
                ? new Resolved(number, field.Unit, candidates[0].Qualifier)
                : Resolved.Fail(ValueParseResult.Fail(InvalidReason.UnitMismatch, $"'{Shorten(text)}' is in {candidates[0].Symbol}; {field.DisplayName} is stated in {field.Unit}, which cannot be converted to."));
        }

        var sameDimension = candidates.FirstOrDefault(c => c.Dimension == fieldUnit.Dimension);
        if (sameDimension is null)
        {
            var accepted = AcceptedUnitFor(field, candidates);
            if (accepted is not null)
            {
                return new Resolved(number, accepted, null);
            }

            return Resolved.Fail(ValueParseResult.Fail(
                InvalidReason.WrongUnitDimension,
                $"'{Shorten(text)}' is {DimensionName(candidates[0].Dimension)}, but {field.DisplayName} is {DimensionName(fieldUnit.Dimension)} ({JoinOr(UnitTable.CommonSymbols(fieldUnit.Dimension))})."));
        }

        var unit = sameDimension;
        if (unit.Qualifier is "DC" or "AC" && fieldUnit.Qualifier is "DC" or "AC" && unit.Qualifier != fieldUnit.Qualifier)
        {
            return Resolved.Fail(ValueParseResult.Fail(
                InvalidReason.UnitMismatch,
                $"'{Shorten(text)}' is an {unit.Qualifier} voltage, but {field.DisplayName} is stated in {field.Unit}."));
        }

        if (unit.Basis is not null && unit.Basis != fieldUnit.Basis && (fieldUnit.Basis is not null || fieldUnit.Dimension == UnitDimension.Ratio))
        {
            var accepted = AcceptedUnitFor(field, [unit]);
            if (accepted is not null)
            {
                return new Resolved(number, accepted, null);
            }

            return Resolved.Fail(ValueParseResult.Fail(
                InvalidReason.UnitMismatch,
                fieldUnit.Basis is null
                    ? $"'{Shorten(text)}' is a percentage of {unit.Basis}, but {field.DisplayName} is a plain percentage."
                    : $"'{Shorten(text)}' is a percentage of {unit.Basis}, but {field.DisplayName} is stated in {field.Unit}; the two cannot be converted without the measured value."));
        }

        if (unit.Basis is null && fieldUnit.Basis is not null)
        {
            AddOnce(notes, $"Read the percentage as {field.Unit}.");
        }

        if (!UnitTable.TryConvert(number, unit, fieldUnit, isDifference, out var converted))
        {
            return Resolved.Fail(ValueParseResult.Fail(InvalidReason.UnitMismatch, $"'{Shorten(text)}' cannot be converted to {field.Unit}."));
        }

        if (!Equals(unit.Unit, fieldUnit.Unit))
        {
            AddOnce(notes, $"Converted from {unit.Symbol} to {field.Unit}.");
        }

        var qualifier = unit.Qualifier is "gauge" or "absolute" ? unit.Qualifier : unit.Qualifier ?? null;
        if (qualifier is "DC" or "AC" && fieldUnit.Qualifier == qualifier)
        {
            qualifier = null;
        }

        return new Resolved(converted, field.Unit, qualifier);
    }

    private static string? AcceptedUnitFor(SchemaField field, IReadOnlyList<UnitInfo> candidates)
    {
        foreach (var accepted in field.AcceptedUnits)
        {
            var key = UnitTable.Key(accepted);
            if (candidates.Any(c => string.Equals(UnitTable.Key(c.Symbol), key, StringComparison.Ordinal)))
            {
                return accepted;
            }
        }

        return null;
    }

    private static void AddOnce(List<string> notes, string note)
    {
        if (!notes.Contains(note))
        {
            notes.Add(note);
        }
    }

    private static HashSet<string> NameWordsWithSynonyms(SchemaField field)
    {
        var words = FieldWords(field);
        foreach (var synonym in field.Synonyms)
        {
            words.UnionWith(TextCanon.Tokens(synonym));
        }

        return words;
    }

    internal static HashSet<string> FieldWords(SchemaField field)
    {
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var t in TextCanon.Tokens(field.DisplayName))
        {
            words.Add(t);
        }

        foreach (var t in TextCanon.Tokens(field.Key.Replace('_', ' ')))
        {
            words.Add(t);
        }

        return words;
    }

    private sealed record Resolved(double Value, string? Unit, string? Qualifier)
    {
        public ValueParseResult? Error { get; private init; }

        public static Resolved Fail(ValueParseResult error) => new(0, null, null) { Error = error };
    }

    [GeneratedRegex(@"^(yes|y|true|1|required|with|included|include|fitted|on|ja|oui|si|x|✓|✔)\b", RegexOptions.CultureInvariant)]
    private static partial Regex TrueWords();

    [GeneratedRegex(@"^(no|n|false|0|none|not required|without|excluded|exclude|off|nein|non)\b", RegexOptions.CultureInvariant)]
    private static partial Regex FalseWords();

    [GeneratedRegex(@"^(tbd|tba|tbc|t\.b\.d\.?|\?+|-+|\.{2,}|…|x{2,}|unknown|not known|to be (confirmed|decided|determined|advised|defined)|later|\[[^\]]*\]|<[^>]*>|placeholder|value|enter value|fill in)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"^(n/?a|not applicable|does not apply|nicht zutreffend)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotApplicable();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex MultiSpace();
}
