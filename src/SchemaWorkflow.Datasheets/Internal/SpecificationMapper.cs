using System.Text.RegularExpressions;
using SchemaWorkflow.Quality;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Datasheets.Internal;

/// <summary>
/// The type gate between extractors and the schema: maps a pair's key to a field of the class (or a candidate key),
/// and parses its value with <see cref="ValueParser"/> to the field's type and unit. What does not parse is rejected
/// with the parser's reason; prose never becomes a value.
/// </summary>
internal sealed partial class SpecificationMapper
{
    private const double MinimumEnumConfidence = 60;
    private const int MaxNewValueLength = 60;
    private const int MaxNewValueWords = 6;

    private readonly Dictionary<string, SchemaField> _fields;
    private readonly FieldMatcher _matcher;

    public SpecificationMapper(IReadOnlyList<SchemaField> fields, IEnumerable<KeyValuePair<string, string>> hostSynonyms, int threshold)
    {
        _fields = fields.ToDictionary(static f => f.Key, StringComparer.Ordinal);
        _matcher = new FieldMatcher(fields, hostSynonyms, threshold);
    }

    public MapOutcome Map(SpecificationPair pair, string extractor, SpecificationProvenance provenance)
    {
        var key = pair.Key.Trim();
        var text = Whitespace().Replace(pair.Value.Trim(), " ");
        if (key.Length == 0 || text.Length == 0)
        {
            return MapOutcome.Reject(new RejectedSpecification(pair.Key, pair.Value, pair.Page, null, "The key or the value is empty."));
        }

        KeyNormalizer.Normalize(key, out var unitHint);
        SchemaField? field = null;
        double score = 100;
        if (pair.FieldKey is not null && _fields.TryGetValue(pair.FieldKey, out var suggested))
        {
            field = suggested;
        }
        else
        {
            var match = _matcher.Match(key);
            if (match.Field is not null)
            {
                field = _fields[match.Field];
                score = match.Score;
            }
        }

        var draft = new ExtractedSpecification
        {
            Key = key,
            Value = pair.Value.Trim(),
            FieldKey = field?.Key,
            MatchScore = score,
            Display = text,
            Method = pair.Method,
            Extractor = extractor,
            Provenance = provenance,
        };

        if (field is null)
        {
            return Candidate(draft, key, text, unitHint);
        }

        if (string.Equals(field.Group, FieldGroups.Identification, StringComparison.Ordinal))
        {
            // Tag, model or document numbers describe the datasheet, not what a buyer specifies.
            return MapOutcome.Ignore;
        }

        return field.DataType switch
        {
            FieldDataType.Enum => Enum(draft, field, text),
            FieldDataType.Number or FieldDataType.Range => Quantity(draft, field, WithUnitHint(text, unitHint)),
            FieldDataType.Boolean => Boolean(draft, field, text),
            _ => IsValueShaped(text, maxWords: 12, maxLength: SchemaQualityGate.MaxValueTextLength)
                ? MapOutcome.Accept(draft with { Values = [text], Confidence = score / 100 * 0.6 })
                : Reject(draft, "It reads like prose, not a value."),
        };
    }

    /// <summary>
    /// An enum value: the whole text when it is (close to) an allowed value; else a list whose every item is one; else
    /// the whole text as a new value when it reads like one ("Die-cast aluminium, painted"); else the items that match
    /// plus the items that read like values. Ambiguous or prose-like text is rejected.
    /// </summary>
    private static MapOutcome Enum(ExtractedSpecification draft, SchemaField field, string text)
    {
        var whole = ValueParser.Parse(field, text);
        if (whole.Value is { Kind: ParsedValueKind.NotApplicable })
        {
            return MapOutcome.Ignore;
        }

        var wholeOk = whole.Success && whole.Confidence >= MinimumEnumConfidence;
        if (wholeOk && whole.Confidence >= 95)
        {
            return Values(draft, [whole.Value!.Text!], [], whole.Confidence);
        }

        var parts = SplitList(text);
        var matched = new List<string>();
        var unmatched = new List<string>();
        var partConfidence = 100.0;
        if (parts.Count >= 2)
        {
            foreach (var part in parts)
            {
                var r = ValueParser.Parse(field, part);
                if (r.Success && r.Value!.Kind == ParsedValueKind.Enum && r.Confidence >= MinimumEnumConfidence)
                {
                    matched.Add(r.Value.Text!);
                    partConfidence = Math.Min(partConfidence, r.Confidence);
                }
                else
                {
                    unmatched.Add(part);
                }
            }

            if (unmatched.Count == 0)
            {
                return Values(draft, matched, [], partConfidence);
            }
        }

        if (wholeOk)
        {
            return Values(draft, [whole.Value!.Text!], [], whole.Confidence);
        }

        if (whole.Error != InvalidReason.NotAllowedValue)
        {
            return Reject(draft, whole.Message ?? "The value is not one of the field's values.");
        }

        if (IsValueShaped(text, MaxNewValueWords, MaxNewValueLength))
        {
            return Values(draft, [text], [text], 50);
        }

        var added = unmatched.Where(static p => IsValueShaped(p, MaxNewValueWords, MaxNewValueLength)).ToList();
        if (parts.Count >= 2 && added.Count == unmatched.Count)
        {
            return Values(draft, [.. matched, .. added], added, Math.Min(partConfidence, 50));
        }

        return Reject(draft, whole.Message ?? "The value is not one of the field's values.");
    }

    private static MapOutcome Values(ExtractedSpecification draft, List<string> values, List<string> added, double confidence)
    {
        var distinct = values.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return MapOutcome.Accept(draft with
        {
            Values = distinct,
            NewValues = [.. added.Distinct(StringComparer.OrdinalIgnoreCase)],
            Display = string.Join(", ", distinct),
            Confidence = Math.Clamp(draft.MatchScore / 100 * confidence / 100, 0, 1),
        });
    }

    private static MapOutcome Quantity(ExtractedSpecification draft, SchemaField field, string text)
    {
        // The catalog's typical range validates what buyers type; a vendor may offer more, so it does not bound this.
        var open = field with { TypicalRange = null };
        var result = ValueParser.Parse(open, text);
        if (!result.Success && field.DataType == FieldDataType.Number && ValueParser.ParseQuantity(text) is { Form: QuantityForm.Range })
        {
            // A number field stated as a span of settings ("Damping: 0 ... 60 s") is kept as that span.
            var asRange = ValueParser.Parse(open with { DataType = FieldDataType.Range }, text);
            if (asRange.Success)
            {
                result = asRange;
            }
        }

        if (!result.Success)
        {
            return Reject(draft, result.Message ?? "The value did not parse.");
        }

        var value = result.Value!;
        var confidence = Math.Clamp(draft.MatchScore / 100 * result.Confidence / 100, 0, 1);
        return value.Kind switch
        {
            ParsedValueKind.NotApplicable => MapOutcome.Ignore,
            ParsedValueKind.Range => MapOutcome.Accept(draft with { Range = Round(value.Range!), Unit = value.Unit, Display = value.Display, Confidence = confidence }),
            ParsedValueKind.Number => MapOutcome.Accept(draft with { Number = Round(value.Number!.Value), Unit = value.Unit, Form = value.Form, Display = value.Display, Confidence = confidence }),
            _ => Reject(draft, $"'{text}' is not a number of {field.DisplayName}."),
        };
    }

    private static MapOutcome Boolean(ExtractedSpecification draft, SchemaField field, string text)
    {
        var result = ValueParser.Parse(field, text);
        if (result.Value is { Kind: ParsedValueKind.NotApplicable })
        {
            return MapOutcome.Ignore;
        }

        return result.Value is { Boolean: { } b }
            ? MapOutcome.Accept(draft with { Values = [b ? "Yes" : "No"], Display = b ? "Yes" : "No", Confidence = Math.Clamp(draft.MatchScore / 100 * result.Confidence / 100, 0, 1) })
            : Reject(draft, result.Message ?? "The value is not yes or no.");
    }

    private static MapOutcome Candidate(ExtractedSpecification draft, string key, string text, string? unitHint)
    {
        var candidateKey = KeyNormalizer.ToFieldKey(KeyNormalizer.Normalize(key));
        if (candidateKey is null)
        {
            return Reject(draft, "The key has no word a field key can be made of.");
        }

        draft = draft with { CandidateKey = candidateKey, MatchScore = 0 };
        if (!IsValueShaped(text, MaxNewValueWords, MaxNewValueLength))
        {
            return Reject(draft, "It reads like prose, not a value.");
        }

        var withUnit = WithUnitHint(text, unitHint);
        if (ValueParser.ParseQuantity(withUnit) is { Unit: not null, UnknownUnit: null, TrailingText.Length: 0 } q && q.LeadingText.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= 1)
        {
            var display = q.Form switch
            {
                QuantityForm.Range => $"{ParsedValue.FormatNumber(q.Value)}..{ParsedValue.FormatNumber(q.UpperValue!.Value)} {q.Unit}",
                QuantityForm.Tolerance => $"±{ParsedValue.FormatNumber(q.Value)} {q.Unit}",
                QuantityForm.AtMost => $"≤ {ParsedValue.FormatNumber(q.Value)} {q.Unit}",
                QuantityForm.AtLeast => $"≥ {ParsedValue.FormatNumber(q.Value)} {q.Unit}",
                _ => $"{ParsedValue.FormatNumber(q.Value)} {q.Unit}",
            };
            if (q.Form == QuantityForm.Range && q.UpperUnit is null && q.UpperValue is { } upper && q.Value <= upper)
            {
                return MapOutcome.Accept(draft with { Range = new NumericRange { Min = q.Value, Max = upper, Unit = q.Unit }, Unit = q.Unit, Display = display, Confidence = 0.5 });
            }

            if (q.Form != QuantityForm.Range)
            {
                return MapOutcome.Accept(draft with { Number = q.Value, Unit = q.Unit, Form = q.Form, Display = display, Confidence = 0.5 });
            }
        }

        return MapOutcome.Accept(draft with { Values = [text], NewValues = [text], Confidence = 0.5 });
    }

    /// <summary>Six significant digits: a converted value keeps its precision without conversion noise (3.1 lb → 1.40614 kg).</summary>
    internal static double Round(double value) =>
        value == 0 || !double.IsFinite(value) ? value : double.Parse(value.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);

    internal static NumericRange Round(NumericRange range) =>
        range with { Min = range.Min is { } lo ? Round(lo) : null, Max = range.Max is { } hi ? Round(hi) : null };

    private static MapOutcome Reject(ExtractedSpecification draft, string reason) =>
        MapOutcome.Reject(new RejectedSpecification(draft.Key, draft.Value, draft.Provenance.Page, draft.FieldKey, reason));

    private static string WithUnitHint(string text, string? unitHint)
    {
        if (unitHint is null)
        {
            return text;
        }

        return ValueParser.ParseQuantity(text) is { Unit: null, UnknownUnit: null, TrailingText.Length: 0 } ? text + " " + unitHint : text;
    }

    internal static bool IsValueShaped(string text, int maxWords, int maxLength) =>
        text.Length <= maxLength &&
        !SchemaQualityGate.LooksLikeJunk(text) &&
        text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length <= maxWords &&
        text.Any(char.IsLetterOrDigit) &&
        !text.EndsWith('.') &&
        !ValueParser.IsPlaceholder(text);

    private static List<string> SplitList(string text) =>
        [.. ListSeparator().Split(text).Select(static p => p.Trim()).Where(static p => p.Length > 0)];

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"\s*[;,|]\s*|\s+(?:or|/)\s+", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex ListSeparator();
}

/// <summary>What became of one pair: a specification, a rejection, or nothing (a field that is not a buyer's spec).</summary>
internal readonly record struct MapOutcome(ExtractedSpecification? Specification, RejectedSpecification? Rejection)
{
    public static MapOutcome Ignore => default;

    public static MapOutcome Accept(ExtractedSpecification specification) => new(specification, null);

    public static MapOutcome Reject(RejectedSpecification rejection) => new(null, rejection);
}
