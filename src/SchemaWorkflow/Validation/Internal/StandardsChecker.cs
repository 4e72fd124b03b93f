using System.Text.RegularExpressions;

namespace SchemaWorkflow.Validation.Internal;

/// <summary>
/// Checks a parsed value against the cited facts enrichment attached to its field: narrowed allowed values, ranges and
/// limits. A fact whose label names an allowed value of another field ("class AA validity range, wire-wound") holds
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
                FieldValueKind.AllowedValues => CheckAllowed(field, given.Value, fact),
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
                    Suggestions = fact.Kind == FieldValueKind.AllowedValues ? fact.AllowedValues : [],
                    Citation = citation,
                };
            }
        }

        return null;
    }

    private static bool AppliesTo(FieldValue fact, SchemaField field, FieldIndex index, IReadOnlyDictionary<string, ProvidedRequirement> provided)
    {
        if (string.IsNullOrWhiteSpace(fact.Label))
        {
            return true;
        }

        var labelTokens = TextCanon.Tokens(fact.Label);
        foreach (var other in index.Fields)
        {
            if (ReferenceEquals(other, field) || other.DataType != FieldDataType.Enum)
            {
                continue;
            }

            // The most specific allowed value the label names: "AA" before "A" in "class AA".
            var named = other.AllowedValues
                .Select(a => (Value: a, Tokens: TextCanon.Tokens(a)))
                .Where(a => a.Tokens.Length > 0 && ContainsRun(labelTokens, a.Tokens))
                .OrderByDescending(static a => a.Tokens.Length)
                .ThenByDescending(static a => a.Value.Length)
                .FirstOrDefault();
            if (named.Value is null)
            {
                continue;
            }

            if (!provided.TryGetValue(other.Key, out var otherGiven) || otherGiven.Value.Kind != ParsedValueKind.Enum)
            {
                return false;
            }

            if (!string.Equals(otherGiven.Value.Text, named.Value, StringComparison.Ordinal))
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

        var isMax = MaxWords().IsMatch(fact.Label);
        var isMin = MinWords().IsMatch(fact.Label);
        if (isMax == isMin)
        {
            return null;
        }

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

    private static string? CheckAllowed(SchemaField field, ParsedValue value, FieldValue fact)
    {
        if (fact.AllowedValues.Count == 0 || value.Kind is not (ParsedValueKind.Enum or ParsedValueKind.Text))
        {
            return null;
        }

        var text = value.Text ?? value.Display;
        var match = EnumMatcher.Match(fact.AllowedValues, text);
        if (match.Success && match.Kind is EnumMatchKind.Exact or EnumMatchKind.Canonical)
        {
            return null;
        }

        return $"{field.DisplayName} '{text}' is not among {ValueParser.JoinOr(fact.AllowedValues)}, {Label(fact, "the values allowed")}";
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
