using System.Text;
using System.Text.RegularExpressions;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Datasheets.Internal;

/// <summary>
/// Brings a datasheet key and a catalog phrase to one form for matching: lowercase words, abbreviations spelled out
/// (<c>max.</c> → maximum, <c>temp.</c> → temperature), filler (<c>approx.</c>, <c>typ.</c>) and parentheses dropped.
/// A unit written in the key (<c>Weight (kg)</c>, <c>Range [bar]</c>, <c>Span in mbar</c>) is returned as a hint.
/// </summary>
internal static partial class KeyNormalizer
{
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["max"] = "maximum",
        ["maxi"] = "maximum",
        ["min"] = "minimum",
        ["temp"] = "temperature",
        ["amb"] = "ambient",
        ["proc"] = "process",
        ["conn"] = "connection",
        ["elec"] = "electrical",
        ["oper"] = "operating",
        ["perm"] = "permissible",
        ["press"] = "pressure",
        ["mat"] = "material",
        ["matl"] = "material",
        ["aluminum"] = "aluminium",
        ["colour"] = "color",
    };

    private static readonly HashSet<string> Filler = new(StringComparer.Ordinal) { "approx", "approximately", "ca", "typ", "typical", "typically", "the", "of", "for" };

    public static string Normalize(string text) => Normalize(text, out _);

    public static string Normalize(string text, out string? unitHint)
    {
        ArgumentNullException.ThrowIfNull(text);
        unitHint = null;
        var t = text.Trim();
        foreach (Match m in Bracketed().Matches(t))
        {
            var inner = m.Groups["inner"].Value.Trim();
            if (unitHint is null && inner.Length > 0 && IsUnit(inner))
            {
                unitHint = inner;
            }
        }

        t = Bracketed().Replace(t, " ");
        if (TrailingInUnit().Match(t) is { Success: true } trailing && IsUnit(trailing.Groups["unit"].Value))
        {
            unitHint ??= trailing.Groups["unit"].Value;
            t = t[..trailing.Index];
        }

        var builder = new StringBuilder(t.Length);
        foreach (var c in t.ToLowerInvariant())
        {
            builder.Append(char.IsLetterOrDigit(c) ? c : ' ');
        }

        var words = builder.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(static w => Abbreviations.TryGetValue(w, out var full) ? full : w)
            .Where(static w => !Filler.Contains(w));
        return string.Join(' ', words);
    }

    /// <summary>A snake_case key for a normalized key text: at most six words and 48 characters, starting with a letter.</summary>
    public static string? ToFieldKey(string normalized)
    {
        var words = normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(static w => new string(w.Where(char.IsAsciiLetterOrDigit).ToArray()))
            .Where(static w => w.Length > 0)
            .Take(6)
            .ToList();
        if (words.Count == 0 || !char.IsAsciiLetter(words[0][0]))
        {
            return null;
        }

        var key = string.Join('_', words);
        if (key.Length > 48)
        {
            key = key[..48].TrimEnd('_');
        }

        return key;
    }

    private static bool IsUnit(string text) => text.Length <= 12 && ValueParser.DimensionOf(text) is not null;

    [GeneratedRegex(@"[\(\[](?<inner>[^\)\]]*)[\)\]]", RegexOptions.CultureInvariant)]
    private static partial Regex Bracketed();

    [GeneratedRegex(@"[\s,]+in\s+(?<unit>\S+)\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex TrailingInUnit();
}
