using System.Text.RegularExpressions;

namespace SchemaWorkflow.Validation.Internal;

/// <summary>
/// Checks a parsed value against the cited ranges and limits enrichment attached to its field. Allowed-value facts are
/// not checked here: several standards each list part of a field's values (IEC 60381-1 the current signals, IEC 61158-2
/// the fieldbuses), so no single list is the whole set; the field's own allowed values already bound an enum. A fact whose label names an allowed value of another field ("class AA validity range, wire-wound") holds
/// only when the buyer gave that value for that field, so a Pt100 class AA range is checked against class AA sensors
/// only.
/// </summary>
internal static partial class StandardsChecker
{
    public static InvalidRequirement? Check(SchemaField field, ProvidedRequirement given, FieldIndex index, IReadOnlyDictionary<string, ProvidedRequirement> provided)
    {
        foreach (var fact in field.Values)
        {
            if (!AppliesTo(fact, field, index, provided))
            {
                continue;
            }

            var problem = fact.Kind switch
            {
                FieldValueKind.Range => CheckRange(field, given.Value, fact),
                FieldValueKind.Limit => CheckLimit(field, given.Value, fact),
                _ => null,
            };
            if (problem is not null)
            {
                var citation = fact.Citations.FirstOrDefault();
                return new InvalidRequirement
                {
                    Field = field.Key,
                    DisplayName = field.DisplayName,
                    Value = given.OriginalText,
                    OriginalName = given.OriginalName,
                    Reason = InvalidReason.ConflictsWithStandard,
                    Message = problem + Cite(citation) + ".",
                    Citation = citation,
                };
            }
        }

        return null;
    }

    private static readonly HashSet<string> GenericWords = new(StringComparer.Ordinal)
    {
        "valid", "measurement", "value", "values", "device", "devices", "per", "pair", "data", "rate", "limit", "limits", "lower", "upper",
        "current", "signal", "output", "input", "range", "class", "type", "with", "without", "none", "standard", "all", "table", "span",
        "and", "for", "the", "most", "least", "max", "min", "maximum", "minimum", "curve", "basic", "supply", "voltage", "temperature",
        "pressure", "process", "ambient", "material", "connection", "marking", "code", "rating", "test", "reference", "recommended",
        "default", "typical", "loop", "load", "band", "letter", "nominal", "sensor", "level", "flow", "other", "only", "not",
    };

    /// <summary>True when a fact binds every value of the field, whatever else the buyer gives (its label names no other field's value).</summary>
    public static bool IsUnconditional(FieldValue fact, SchemaField field, FieldIndex index) =>
        AppliesTo(fact, field, index, new Dictionary<string, ProvidedRequirement>(StringComparer.Ordinal));

    /// <summary>The direction of a limit read from its label: +1 an upper limit, -1 a lower limit, 0 unknown.</summary>
    public static int LimitDirection(FieldValue fact)
    {
        if (string.IsNullOrWhiteSpace(fact.Label))
        {
            return 0;
        }

        var isMax = MaxWords().IsMatch(fact.Label);
        var isMin = MinWords().IsMatch(fact.Label);
        return isMax == isMin ? 0 : isMax ? 1 : -1;
    }

    private static bool AppliesTo(FieldValue fact, SchemaField field, FieldIndex index, IReadOnlyDictionary<string, ProvidedRequirement> provided)
    {
        if (string.IsNullOrWhiteSpace(fact.Label))
        {
            return true;
        }

        var labelTokens = TextCanon.Tokens(fact.Label);
        var ownWords = new HashSet<string>(index.WordsOf(field), StringComparer.Ordinal);
        var distinctive = labelTokens.Where(t => t.Length >= 3 && !TextCanon.IsNumeric(t) && !GenericWords.Contains(t) && !ownWords.Contains(t)).ToHashSet(StringComparer.Ordinal);
        var wordConditions = new Dictionary<string, List<SchemaField>>(StringComparer.Ordinal);
        foreach (var other in index.Fields)
        {
            if (ReferenceEquals(other, field) || other.DataType != FieldDataType.Enum)
            {
                continue;
            }

            var allowedTokens = other.AllowedValues.Select(static a => TextCanon.Tokens(a)).ToList();

            // The most specific allowed value the label names: "AA" before "A" in "class AA validity range".
            var named = other.AllowedValues
                .Select((a, i) => (Value: a, Tokens: allowedTokens[i]))
                .Where(a => a.Tokens.Length > 0 && ContainsRun(labelTokens, a.Tokens))
                .OrderByDescending(static a => a.Tokens.Length)
                .ThenByDescending(static a => a.Value.Length)
                .FirstOrDefault();
            if (named.Value is not null)
            {
                if (!provided.TryGetValue(other.Key, out var otherGiven) || otherGiven.Value.Kind != ParsedValueKind.Enum ||
                    !string.Equals(otherGiven.Value.Text, named.Value, StringComparison.Ordinal))
                {
                    return false;
                }

                continue;
            }

            // A distinctive word some (not all) of the field's values share: "HART" in "loop resistance for HART".
            foreach (var word in distinctive)
            {
                var inSome = allowedTokens.Any(t => t.Contains(word, StringComparer.Ordinal));
                var inAll = allowedTokens.All(t => t.Contains(word, StringComparer.Ordinal));
                if (inSome && !inAll && !index.WordsOf(other).Contains(word, StringComparer.Ordinal))
                {
                    (wordConditions.TryGetValue(word, out var list) ? list : wordConditions[word] = []).Add(other);
                }
            }
        }

        foreach (var (word, fields) in wordConditions)
        {
            var given = fields.Where(f => provided.ContainsKey(f.Key)).Select(f => provided[f.Key]).ToList();
            if (given.Count == 0 || !given.Any(g => TextCanon.Tokens(g.Value.Display).Contains(word, StringComparer.Ordinal)))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsRun(string[] haystack, string[] needle)
    {
        for (var i = 0; i + needle.Length <= haystack.Length; i++)
        {
            var all = true;
            for (var j = 0; j < needle.Length && all; j++)
            {
                all = TextCanon.TokenEquals(haystack[i + j], needle[j]);
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static string? CheckRange(SchemaField field, ParsedValue value, FieldValue fact)
    {
        if (fact.Range is not { IsWellFormed: true } range || value.Unit is null)
        {
            return null;
        }

        var bounds = ValueParser.ConvertRange(range, value.Unit);
        if (bounds is null)
        {
            return null;
        }

        var outside = value.Kind switch
        {
            ParsedValueKind.Range => (value.Range!.Min is { } lo && !bounds.Contains(lo)) || (value.Range.Max is { } hi && !bounds.Contains(hi)) ||
                                     (value.Range.Min is null && bounds.Min is not null) || (value.Range.Max is null && bounds.Max is not null),
            ParsedValueKind.Number => value.Number is { } n && !bounds.Contains(value.Form == QuantityForm.Tolerance ? Math.Abs(n) : n),
            _ => false,
        };
        return outside
            ? $"{field.DisplayName} {value.Display} goes beyond {ValueParser.Describe(bounds, value.Unit)}, {Label(fact, "the range")}"
            : null;
    }

    private static string? CheckLimit(SchemaField field, ParsedValue value, FieldValue fact)
    {
        if (fact.Number is not { } limit || string.IsNullOrWhiteSpace(fact.Label) || value.Unit is null)
        {
            return null;
        }

        var direction = LimitDirection(fact);
        if (direction == 0)
        {
            return null;
        }

        var isMax = direction > 0;
        var isMin = direction < 0;

        if (fact.Unit is not null && !string.Equals(fact.Unit, value.Unit, StringComparison.Ordinal) && !ValueParser.TryConvert(limit, fact.Unit, value.Unit, out limit))
        {
            return null;
        }

        var (lo, hi) = value.Kind switch
        {
            ParsedValueKind.Range => (value.Range!.Min, value.Range.Max),
            ParsedValueKind.Number => (value.Number, value.Number),
            _ => (null, null),
        };
        var limitText = ParsedValue.FormatNumber(limit) + " " + value.Unit;
        if (isMax && hi is { } h && h > limit)
        {
            return $"{field.DisplayName} {value.Display} is above {limitText}, {Label(fact, "the limit")}";
        }

        if (isMin && lo is { } l && l < limit)
        {
            return $"{field.DisplayName} {value.Display} is below {limitText}, {Label(fact, "the limit")}";
        }

        return null;
    }

    private static string Label(FieldValue fact, string fallback) =>
        string.IsNullOrWhiteSpace(fact.Label) ? fallback : "the " + fact.Label.Trim();

    private static string Cite(Citation? citation) =>
        citation is null ? string.Empty : " in " + citation.Source + (string.IsNullOrWhiteSpace(citation.Clause) ? string.Empty : " " + citation.Clause);

    [GeneratedRegex(@"\b(max|maximum|upper|highest|at most|not exceed|limit of)\b|≤|<", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MaxWords();

    [GeneratedRegex(@"\b(min|minimum|lower|lowest|at least)\b|≥|>", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MinWords();
}
