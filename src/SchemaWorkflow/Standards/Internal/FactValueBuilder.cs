using System.Globalization;

namespace SchemaWorkflow.Standards.Internal;

/// <summary>
/// Turns one payload item into a typed <see cref="FieldValue"/> that fits a concrete field, or says it does not
/// apply: allowed values are narrowed to the field's own set (in the field's spelling), ranges and numeric limits
/// must be in a unit the field accepts, textual defaults must be one of the field's values.
/// </summary>
internal static class FactValueBuilder
{
    /// <summary>Lexical matches are weaker evidence than a fact written for the product type.</summary>
    public const double LexicalConfidenceFactor = 0.85;

    public static FieldValue? TryBuild(SchemaField field, FactPayload payload, IReadOnlyList<Citation> citations, double confidence) => payload.Kind switch
    {
        FieldValueKind.AllowedValues => AllowedValues(field, payload, citations, confidence),
        FieldValueKind.Range => field.DataType is FieldDataType.Number or FieldDataType.Range && UnitFits(field, payload.Unit)
            ? Value(payload, citations, confidence) with { Range = new NumericRange { Min = payload.Min, Max = payload.Max, Unit = payload.Unit } }
            : null,
        FieldValueKind.Limit => field.DataType is not (FieldDataType.Number or FieldDataType.Range) || UnitFits(field, payload.Unit)
            ? Value(payload, citations, confidence) with { Number = payload.Number, Unit = payload.Unit }
            : null,
        FieldValueKind.RecommendedDefault => Default(field, payload, citations, confidence),
        FieldValueKind.Formula => Value(payload, citations, confidence) with { Formula = payload.Formula },
        _ => null,
    };

    /// <summary>
    /// Compares two value spellings the way a buyer would: case, spaces, hyphens and underscores do not matter, and
    /// numbers compare by value ("1" meets "1.0").
    /// </summary>
    public static bool SameValue(string a, string b)
    {
        if (string.Equals(a, b, StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        if (double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) &&
            double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y))
        {
            return x == y;
        }

        return string.Equals(Squeeze(a), Squeeze(b), StringComparison.Ordinal);
    }

    private static FieldValue? AllowedValues(SchemaField field, FactPayload payload, IReadOnlyList<Citation> citations, double confidence)
    {
        switch (field.DataType)
        {
            case FieldDataType.Enum when field.AllowedValues.Count > 0:
                var narrowed = new List<string>();
                foreach (var own in field.AllowedValues)
                {
                    foreach (var stated in payload.Values)
                    {
                        if (SameValue(own, stated))
                        {
                            narrowed.Add(own);
                            break;
                        }
                    }
                }

                return narrowed.Count == 0 ? null : Value(payload, citations, confidence) with { AllowedValues = narrowed };
            case FieldDataType.Text:
                return Value(payload, citations, confidence) with { AllowedValues = payload.Values };
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
                    var own = field.AllowedValues.FirstOrDefault(v => SameValue(v, text));
                    return own is null ? null : Value(payload, citations, confidence) with { Text = own };
                case FieldDataType.Text:
                    return Value(payload, citations, confidence) with { Text = text };
                default:
                    return null;
            }
        }

        return field.DataType is FieldDataType.Number or FieldDataType.Range && UnitFits(field, payload.Unit)
            ? Value(payload, citations, confidence) with { Number = payload.Number, Unit = payload.Unit }
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

    private static FieldValue Value(FactPayload payload, IReadOnlyList<Citation> citations, double confidence) => new()
    {
        Kind = payload.Kind,
        Label = payload.Label,
        Citations = citations,
        Confidence = confidence,
    };

    private static string Squeeze(string value)
    {
        Span<char> buffer = value.Length <= 128 ? stackalloc char[value.Length] : new char[value.Length];
        var n = 0;
        foreach (var c in value)
        {
            if (!char.IsWhiteSpace(c) && c is not ('-' or '_' or '–' or '—'))
            {
                buffer[n++] = char.ToLowerInvariant(c);
            }
        }

        return new string(buffer[..n]);
    }
}
