using System.Buffers;
using System.Text.RegularExpressions;

namespace SchemaWorkflow.Quality;

/// <summary>
/// The type gate every schema passes before it is stored: known groups, unique snake_case keys, complete field
/// definitions, and values that conform to their field's type, unit and allowed set, each with a citation. It is
/// what keeps scraped prose ("I don't have information…", "[placeholder]") and wrong-measurand fields out of a store.
/// </summary>
public static partial class SchemaQualityGate
{
    // Every alternative of JunkPattern contains one of these characters or words (or the word "na", see HasWordNa).
    private static readonly SearchValues<char> JunkAnchorChars = SearchValues.Create("*<{}");
    private static readonly SearchValues<string> JunkAnchors = SearchValues.Create(
        ["placeholder", "i do", "i ca", "no information", "not available", "not specified", "not provided", "as an ai", "unknown", "n/a", "tbd", "lorem", "ignore", "instruction", "http"],
        StringComparison.OrdinalIgnoreCase);

    /// <summary>The longest text accepted in a value slot (an allowed value, a default, a unit).</summary>
    public const int MaxValueTextLength = 80;

    /// <summary>Checks a whole schema.</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>Every problem found, each a sentence; empty when the schema passes.</returns>
    public static IReadOnlyList<string> Validate(ProductSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var problems = new List<string>();
        if (schema.Key.IsEmpty)
        {
            problems.Add("The schema has no product type key.");
        }

        if (string.IsNullOrWhiteSpace(schema.DisplayName))
        {
            problems.Add("The schema has no display name.");
        }

        if (schema.Groups.Count == 0)
        {
            problems.Add("The schema has no field groups.");
        }

        var groups = schema.Groups;
        var fieldCount = 0;
        for (var g = 0; g < groups.Count; g++)
        {
            fieldCount += groups[g].Fields.Count;
        }

        var seenGroups = new HashSet<string>(groups.Count, StringComparer.Ordinal);
        var seenFields = new HashSet<string>(fieldCount, StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g];
            if (!FieldGroups.IsKnown(group.Key))
            {
                problems.Add($"Group '{group.Key}' is not one of {string.Join(", ", FieldGroups.All)}.");
            }

            if (!seenGroups.Add(group.Key))
            {
                problems.Add($"Group '{group.Key}' appears twice.");
            }

            var fields = group.Fields;
            for (var f = 0; f < fields.Count; f++)
            {
                var field = fields[f];
                if (!seenFields.Add(field.Key))
                {
                    problems.Add($"Field '{field.Key}' appears twice.");
                }

                if (!string.Equals(field.Group, group.Key, StringComparison.Ordinal))
                {
                    problems.Add($"Field '{field.Key}' says group '{field.Group}' but sits in group '{group.Key}'.");
                }

                AddFieldProblems(field, problems);
            }
        }

        return problems;
    }

    /// <summary>Checks one field's definition and values.</summary>
    /// <param name="field">The field.</param>
    /// <returns>Every problem found.</returns>
    public static IEnumerable<string> ValidateField(SchemaField field)
    {
        ArgumentNullException.ThrowIfNull(field);
        var problems = new List<string>();
        AddFieldProblems(field, problems);
        return problems;
    }

    // The checks of ValidateField, appended to one list: no iterator or enumerator per field.
    private static void AddFieldProblems(SchemaField field, List<string> problems)
    {
        if (!IsSnakeCase(field.Key))
        {
            problems.Add($"Field key '{field.Key}' is not snake_case (lowercase letters, digits, single underscores).");
        }

        if (string.IsNullOrWhiteSpace(field.DisplayName))
        {
            problems.Add($"Field '{field.Key}' has no display name.");
        }

        if (string.IsNullOrWhiteSpace(field.Description))
        {
            problems.Add($"Field '{field.Key}' has no description.");
        }

        if (field.DataType == FieldDataType.Enum && field.AllowedValues.Count == 0)
        {
            problems.Add($"Enum field '{field.Key}' lists no allowed values.");
        }

        if (field.Requirement == RequirementLevel.Conditional && string.IsNullOrWhiteSpace(field.Condition))
        {
            problems.Add($"Conditional field '{field.Key}' does not say its condition.");
        }

        var allowedValues = field.AllowedValues;
        for (var i = 0; i < allowedValues.Count; i++)
        {
            var allowed = allowedValues[i];
            if (LooksLikeJunk(allowed))
            {
                problems.Add($"Field '{field.Key}' lists an allowed value that is not a value: '{Shorten(allowed)}'.");
            }
        }

        if (field.Unit is not null && LooksLikeJunk(field.Unit))
        {
            problems.Add($"Field '{field.Key}' has a unit that is not a unit: '{Shorten(field.Unit)}'.");
        }

        if (field.TypicalRange is { IsWellFormed: false })
        {
            problems.Add($"Field '{field.Key}' has a malformed typical range.");
        }

        var values = field.Values;
        for (var i = 0; i < values.Count; i++)
        {
            var problem = ValidateValue(field, values[i]);
            if (problem is not null)
            {
                problems.Add(problem);
            }
        }
    }

    /// <summary>
    /// Checks one value against its field: the slot matching its kind is set and typed, it fits the field's data
    /// type and allowed set, numbers are finite, and it has at least one citation.
    /// </summary>
    /// <param name="field">The field.</param>
    /// <param name="value">The value.</param>
    /// <returns>The problem, or null when the value passes.</returns>
    public static string? ValidateValue(SchemaField field, FieldValue value)
    {
        ArgumentNullException.ThrowIfNull(field);
        ArgumentNullException.ThrowIfNull(value);
        if (value.Citations.Count == 0 || HasUnnamedSource(value.Citations))
        {
            return $"A value of '{field.Key}' has no citation.";
        }

        if (value.Confidence is < 0 or > 1 || double.IsNaN(value.Confidence))
        {
            return $"A value of '{field.Key}' has a confidence outside 0..1.";
        }

        if (value.Unit is not null && LooksLikeJunk(value.Unit))
        {
            return $"A value of '{field.Key}' has a unit that is not a unit: '{Shorten(value.Unit)}'.";
        }

        switch (value.Kind)
        {
            case FieldValueKind.AllowedValues:
                if (field.DataType is not (FieldDataType.Enum or FieldDataType.Text or FieldDataType.Boolean))
                {
                    return $"'{field.Key}' is a {field.DataType} field; a list of allowed values does not fit it.";
                }

                if (value.AllowedValues.Count == 0)
                {
                    return $"An allowed-values entry of '{field.Key}' lists nothing.";
                }

                for (var i = 0; i < value.AllowedValues.Count; i++)
                {
                    var v = value.AllowedValues[i];
                    if (LooksLikeJunk(v))
                    {
                        return $"'{Shorten(v)}' is not a value of '{field.Key}'.";
                    }

                    if (field.DataType == FieldDataType.Enum && field.AllowedValues.Count > 0 && !ContainsValue(field.AllowedValues, v))
                    {
                        return $"'{v}' is not among the allowed values of '{field.Key}'.";
                    }
                }

                return null;

            case FieldValueKind.Range:
                if (field.DataType is not (FieldDataType.Number or FieldDataType.Range))
                {
                    return $"'{field.Key}' is a {field.DataType} field; a numeric range does not fit it.";
                }

                return value.Range is { IsWellFormed: true } ? null : $"A range of '{field.Key}' is missing or malformed.";

            case FieldValueKind.Limit:
                if (value.Number is not { } n || !double.IsFinite(n))
                {
                    return $"A limit of '{field.Key}' has no finite number.";
                }

                return null;

            case FieldValueKind.RecommendedDefault:
                if (value.Text is null && value.Number is null)
                {
                    return $"A default of '{field.Key}' has neither text nor number.";
                }

                if (value.Number is { } d && !double.IsFinite(d))
                {
                    return $"A default of '{field.Key}' is not a finite number.";
                }

                if (value.Text is not null)
                {
                    if (LooksLikeJunk(value.Text))
                    {
                        return $"'{Shorten(value.Text)}' is not a value of '{field.Key}'.";
                    }

                    if (field.DataType == FieldDataType.Enum && field.AllowedValues.Count > 0 && !ContainsValue(field.AllowedValues, value.Text))
                    {
                        return $"Default '{value.Text}' is not among the allowed values of '{field.Key}'.";
                    }
                }

                return null;

            case FieldValueKind.Formula:
                return string.IsNullOrWhiteSpace(value.Formula) || value.Formula.Length > 200 || IsJunkPatternMatch(value.Formula)
                    ? $"A formula of '{field.Key}' is empty, too long or not a formula."
                    : null;

            default:
                return $"A value of '{field.Key}' has an unknown kind.";
        }
    }

    /// <summary>
    /// True for text that cannot be a value: empty, too long, sentence-like prose, markdown, placeholders, or
    /// model chatter such as "I don't have information".
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>True when the text is not a value.</returns>
    public static bool LooksLikeJunk(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxValueTextLength)
        {
            return true;
        }

        var trimmed = text.Trim();
        if (trimmed.Length != text.Length || trimmed.EndsWith(',') || trimmed.EndsWith(':'))
        {
            return true;
        }

        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return true;
            }
        }

        return IsJunkPatternMatch(text) || text.AsSpan().Count(' ') > 8;
    }

    /// <summary>True for a canonical snake_case key.</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether it is snake_case.</returns>
    public static bool IsSnakeCase(string? key)
    {
        if (key is null)
        {
            return false;
        }

        // What ^[a-z][a-z0-9]*(_[a-z0-9]+)*$ matches, without the regex; like the regex's $, a final "\n" is allowed.
        var span = key.AsSpan();
        if (span.Length > 0 && span[^1] == '\n')
        {
            span = span[..^1];
        }

        if (span.Length == 0 || !char.IsAsciiLetterLower(span[0]))
        {
            return false;
        }

        for (var i = 1; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '_')
            {
                if (span[i - 1] == '_' || i == span.Length - 1)
                {
                    return false;
                }
            }
            else if (!char.IsAsciiLetterLower(c) && !char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsValue(IReadOnlyList<string> allowed, string value)
    {
        for (var i = 0; i < allowed.Count; i++)
        {
            if (string.Equals(allowed[i], value, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    private static bool HasUnnamedSource(IReadOnlyList<Citation> citations)
    {
        for (var i = 0; i < citations.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(citations[i].Source))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// <c>JunkPattern().IsMatch(text)</c>, without running the regex on text it cannot match: every match of the
    /// pattern contains one of <see cref="JunkAnchorChars"/>, one of <see cref="JunkAnchors"/> (ignoring ASCII case) or
    /// the word "na". The regex's case-insensitive matching lets one non-ASCII character stand for an ASCII letter of
    /// the pattern, the Kelvin sign (for "k"), so text with that sign always goes to the regex.
    /// </summary>
    private static bool IsJunkPatternMatch(string text)
    {
        var span = text.AsSpan();
        if (span.IndexOf('\u212A') < 0 && span.IndexOfAny(JunkAnchorChars) < 0 && span.IndexOfAny(JunkAnchors) < 0 && !HasWordNa(span))
        {
            return false;
        }

        return JunkPattern().IsMatch(text);
    }

    // "na" as a whole word, what \bn/?a\b needs when there is no "n/a" (an anchor). Only ASCII letters, digits and
    // "_" count as word characters here, so a non-ASCII neighbour gives a false alarm (the regex decides), never a miss.
    private static bool HasWordNa(ReadOnlySpan<char> text)
    {
        for (var i = text.IndexOfAny('n', 'N'); i >= 0 && i + 1 < text.Length; i = NextN(text, i))
        {
            if ((text[i + 1] | 0x20) == 'a' && (i == 0 || !IsAsciiWordChar(text[i - 1])) && (i + 2 == text.Length || !IsAsciiWordChar(text[i + 2])))
            {
                return true;
            }
        }

        return false;

        static int NextN(ReadOnlySpan<char> text, int i)
        {
            var next = text[(i + 1)..].IndexOfAny('n', 'N');
            return next < 0 ? -1 : i + 1 + next;
        }
    }

    private static bool IsAsciiWordChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';

    private static string Shorten(string text) => text.Length > 40 ? string.Concat(text.AsSpan(0, 40), "…") : text;

    [GeneratedRegex(@"\*\*|\[placeholder\]|placeholder|\bI (don't|do not|cannot|can't)\b|\bno information\b|\bnot (available|specified|provided)\b|\bas an ai\b|\bunknown\b|\bn/?a\b|\btbd\b|\blorem\b|ignore (all |any )?previous|\binstructions?\b|https?://|<[a-z/]|\{\{|\}\}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JunkPattern();
}
