using System.Buffers;
using System.Globalization;

namespace SchemaWorkflow.Standards.Internal;

/// <summary>
/// Turns one payload item into a typed <see cref="FieldValue"/> that fits a concrete field, or says it does not
/// apply: allowed values are narrowed to the field's own set (in the field's spelling), ranges and numeric limits
/// must be in a unit the field accepts, textual defaults must be one of the field's values.
/// </summary>
internal static class FactValueBuilder
{
    // The characters a parsable number can start with, after white space.
    private static readonly SearchValues<char> NumberStarts = SearchValues.Create("0123456789+-.iInN");

    /// <summary>Lexical matches are weaker evidence than a fact written for the product type.</summary>
    public const double LexicalConfidenceFactor = 0.85;

    public static FieldValue? TryBuild(SchemaField field, FactPayload payload, IReadOnlyList<Citation> citations, double confidence) => payload.Kind switch
    {
        FieldValueKind.AllowedValues => AllowedValues(field, payload, citations, confidence),
        FieldValueKind.Range => field.DataType is FieldDataType.Number or FieldDataType.Range && UnitFits(field, payload.Unit)
            ? Value(payload, citations, confidence, range: new NumericRange { Min = payload.Min, Max = payload.Max, Unit = payload.Unit })
            : null,
        FieldValueKind.Limit => field.DataType is not (FieldDataType.Number or FieldDataType.Range) || UnitFits(field, payload.Unit)
            ? Value(payload, citations, confidence, number: payload.Number, unit: payload.Unit)
            : null,
        FieldValueKind.RecommendedDefault => Default(field, payload, citations, confidence),
        FieldValueKind.Formula => Value(payload, citations, confidence, formula: payload.Formula),
        _ => null,
    };

    /// <summary>
    /// Compares two value spellings the way a buyer would: case, spaces, hyphens and underscores do not matter, and
    /// numbers compare by value ("1" meets "1.0").
    /// </summary>
    public static bool SameValue(string a, string b) =>
        SameValue(a, TryNumber(a, out var x), x, b, TryNumber(b, out var y), y);

    /// <summary>
    /// <see cref="SameValue(string, string)"/> with both sides already parsed, so a loop over many pairs parses each
    /// spelling once: equal ignoring case; else, when both are numbers, equal by value; else equal once spaces,
    /// hyphens, dashes and underscores are dropped and case is ignored.
    /// </summary>
    private static bool SameValue(string a, bool aIsNumber, double x, string b, bool bIsNumber, double y)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        return aIsNumber && bIsNumber ? x == y : SqueezedEquals(a, b);
    }

    /// <summary>
    /// <see cref="double.TryParse(string, NumberStyles, IFormatProvider, out double)"/> (float style, invariant
    /// culture), skipping the parse for text that cannot be a number: after leading white space (the parser skips
    /// ASCII white space before a number and any white space before "Infinity" or "NaN"), every parsable spelling
    /// starts with a digit, a sign, a decimal point or the first letter of "Infinity" or "NaN", in either case.
    /// </summary>
    private static bool TryNumber(string text, out double number)
    {
        var span = text.AsSpan().TrimStart();
        if (span.IsEmpty || !NumberStarts.Contains(span[0]))
        {
            number = 0;
            return false;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
    }

    private static FieldValue? AllowedValues(SchemaField field, FactPayload payload, IReadOnlyList<Citation> citations, double confidence)
    {
        switch (field.DataType)
        {
            case FieldDataType.Enum when field.AllowedValues.Count > 0:
                return Narrow(field.AllowedValues, payload.Values) is { } narrowed ? Value(payload, citations, confidence, allowedValues: narrowed) : null;
            case FieldDataType.Text:
                return Value(payload, citations, confidence, allowedValues: payload.Values);
            default:
                return null;
        }
    }

    private static FieldValue? Default(SchemaField field, FactPayload payload, IReadOnlyList<Citation> citations, double confidence)
    {
        if (payload.Text is { } text)
        {
            switch (field.DataType)
            {
                case FieldDataType.Enum when field.AllowedValues.Count > 0:
                    var own = FirstSame(field.AllowedValues, text);
                    return own is null ? null : Value(payload, citations, confidence, text: own);
                case FieldDataType.Text:
                    return Value(payload, citations, confidence, text: text);
                default:
                    return null;
            }
        }

        return field.DataType is FieldDataType.Number or FieldDataType.Range && UnitFits(field, payload.Unit)
            ? Value(payload, citations, confidence, number: payload.Number, unit: payload.Unit)
            : null;
    }

    private static bool UnitFits(SchemaField field, string? unit)
    {
        if (unit is null || field.Unit is null)
        {
            return unit is null && field.Unit is null;
        }

        if (string.Equals(field.Unit, unit, StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var accepted in field.AcceptedUnits)
        {
            if (string.Equals(accepted, unit, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    // One allocation per value: every slot set in the initializer rather than copied with "with".
    private static FieldValue Value(
        FactPayload payload,
        IReadOnlyList<Citation> citations,
        double confidence,
        IReadOnlyList<string>? allowedValues = null,
        NumericRange? range = null,
        double? number = null,
        string? unit = null,
        string? text = null,
        string? formula = null) => new()
    {
        Kind = payload.Kind,
        Label = payload.Label,
        Citations = citations,
        Confidence = confidence,
        AllowedValues = allowedValues ?? [],
        Range = range,
        Number = number,
        Unit = unit,
        Text = text,
        Formula = formula,
    };

    /// <summary>The field's own values that one of the stated values names, in the field's order and spelling; null when none.</summary>
    private static string[]? Narrow(IReadOnlyList<string> own, IReadOnlyList<string> stated)
    {
        // Each spelling is parsed once, not once per pair.
        var count = stated.Count;
        Span<double> numbers = count <= 32 ? stackalloc double[count] : new double[count];
        Span<bool> isNumber = count <= 32 ? stackalloc bool[count] : new bool[count];
        for (var j = 0; j < count; j++)
        {
            isNumber[j] = TryNumber(stated[j], out numbers[j]);
        }

        Span<bool> named = own.Count <= 64 ? stackalloc bool[own.Count] : new bool[own.Count];
        var found = 0;
        for (var i = 0; i < own.Count; i++)
        {
            var value = own[i];
            var ownIsNumber = TryNumber(value, out var ownNumber);
            for (var j = 0; j < count; j++)
            {
                if (SameValue(value, ownIsNumber, ownNumber, stated[j], isNumber[j], numbers[j]))
                {
                    named[i] = true;
                    found++;
                    break;
                }
            }
        }

        if (found == 0)
        {
            return null;
        }

        var narrowed = new string[found];
        for (int i = 0, n = 0; n < found; i++)
        {
            if (named[i])
            {
                narrowed[n++] = own[i];
            }
        }

        return narrowed;
    }

    private static string? FirstSame(IReadOnlyList<string> own, string text)
    {
        var textIsNumber = TryNumber(text, out var textNumber);
        foreach (var value in own)
        {
            if (SameValue(value, TryNumber(value, out var number), number, text, textIsNumber, textNumber))
            {
                return value;
            }
        }

        return null;
    }

    /// <summary>
    /// True when both texts are equal once whitespace, hyphens, dashes and underscores are dropped and each character is
    /// lowered (invariant culture); compares in place, without building the squeezed strings.
    /// </summary>
    private static bool SqueezedEquals(string a, string b)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < a.Length && IsIgnored(a[i]))
            {
                i++;
            }

            while (j < b.Length && IsIgnored(b[j]))
            {
                j++;
            }

            if (i == a.Length || j == b.Length)
            {
                return i == a.Length && j == b.Length;
            }

            if (Lower(a[i]) != Lower(b[j]))
            {
                return false;
            }

            i++;
            j++;
        }
    }

    private static bool IsIgnored(char c) => char.IsWhiteSpace(c) || c is '-' or '_' or '–' or '—';

    // char.ToLowerInvariant, with the ASCII letters lowered inline.
    private static char Lower(char c) => char.IsAscii(c) ? (char.IsAsciiLetterUpper(c) ? (char)(c | 0x20) : c) : char.ToLowerInvariant(c);
}
