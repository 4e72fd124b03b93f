using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace SchemaWorkflow.Validation.Internal;

/// <summary>
/// Canonical word forms for comparing what a buyer wrote with an allowed value: case, spacing, dashes, range
/// separators, code spellings (IP66/67, Ex d, SIL2, ½" NPT) and common trade spellings (SS, aluminum) folded, so
/// "4..20 mA" and "4-20mA" compare equal and "SS316L" contains "316L".
/// </summary>
internal static partial class TextCanon
{
    private static readonly (Regex Pattern, string Replacement)[] WordAliases =
    [
        (new Regex(@"\bstainless[\s-]*steel\b|\bstainless\b|\binox\b", RegexOptions.CultureInvariant), "ss"),
        (new Regex(@"\baisi\b|\bsae\b", RegexOptions.CultureInvariant), " "),
        (new Regex(@"\balumin(?:um|ium)\b|\balu\b", RegexOptions.CultureInvariant), "aluminium"),
        (new Regex(@"\bhastelloy\b|\bmonel\b|\binconel\b", RegexOptions.CultureInvariant), "alloy"),
        (new Regex(@"\b(?:ansi|asme)\s*(?:b16\.5\s*)?(?:class\s*)?(?=(?:150|300|400|600|900|1500|2500|4500)\b)|\bcl\.?\s*(?=\d)", RegexOptions.CultureInvariant), "class "),
        (new Regex(@"\b(150|300|400|600|900|1500|2500|4500)\s*(?:#|lbs?\b)", RegexOptions.CultureInvariant), "class $1"),
        (new Regex(@"\bglycerin\b", RegexOptions.CultureInvariant), "glycerine"),
        (new Regex(@"\bff\b|\bfoundation\s+fieldbus\b|\bfieldbus\s+foundation\b", RegexOptions.CultureInvariant), "foundation fieldbus"),
        (new Regex(@"\btwo[\s-]*wire\b", RegexOptions.CultureInvariant), "2 wire"),
        (new Regex(@"\bthree[\s-]*wire\b", RegexOptions.CultureInvariant), "3 wire"),
        (new Regex(@"\bfour[\s-]*wire\b", RegexOptions.CultureInvariant), "4 wire"),
        (new Regex(@"\bwithout\b|\bw/o\b|(?<![-/])\bno\b(?![-/])|\bnot required\b", RegexOptions.CultureInvariant), "none"),
        (new Regex(@"\bthermo[\s-]*couple\b", RegexOptions.CultureInvariant), "thermocouple"),
        (new Regex(@"\bflame[\s-]*proof\b|\bexplosion[\s-]*proof\b", RegexOptions.CultureInvariant), "flameproof"),
        (new Regex(@"\bintrinsically[\s-]*safe\b|\bintrinsic[\s-]*safety\b", RegexOptions.CultureInvariant), "intrinsically safe"),
        (new Regex(@"\bsafe\s+area\b|\bnon[\s-]*ex\b|\bunclassified\s+area\b|\bnon[\s-]*hazardous(?:\s+area)?\b", RegexOptions.CultureInvariant), "non hazardous area"),
        (new Regex(@"&", RegexOptions.CultureInvariant), " and "),
    ];

    /// <summary>The canonical tokens of a text.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Lowercase tokens: words, numbers, number ranges ("4-20") and fractions ("1/2").</returns>
    public static string[] Tokens(string text)
    {
        var s = QuantityParser.Normalize(text).ToLowerInvariant().Replace('×', 'x');
        s = IpCode().Replace(s, static m => ExpandIp(m));
        s = NptPitch().Replace(s, "$1 ");
        s = GradeAlternatives().Replace(s, "$1 / ");
        s = ExGlued().Replace(s, "ex $1");
        s = ExLegacy().Replace(s, static m => "ex " + m.Groups[1].Value + "b");
        s = NumericRange().Replace(s, "$1-");
        foreach (var (pattern, replacement) in WordAliases)
        {
            s = pattern.Replace(s, replacement);
        }

        s = LetterDigit().Replace(s, "$1 $2");
        s = DigitLetter().Replace(s, "$1 $2");
        var tokens = new List<string>();
        foreach (Match m in Token().Matches(s))
        {
            var t = m.Value;
            if (t.Length > 3 && t[^1] == 's' && t[^2] != 's' && !char.IsAsciiDigit(t[0]))
            {
                t = t[..^1];
            }

            // "mounted", "mounting" → "mount"; "filled", "filling" → "fill": the same word to a buyer.
            if (t.Length >= 6 && !char.IsAsciiDigit(t[0]))
            {
                t = t.EndsWith("ing", StringComparison.Ordinal) ? t[..^3] : t.EndsWith("ed", StringComparison.Ordinal) ? t[..^2] : t;
            }

            tokens.Add(t);
        }

        return [.. tokens];
    }

    /// <summary>The canonical text (tokens joined by single spaces).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The canonical text.</returns>
    public static string Canonical(string text) => string.Join(' ', Tokens(text));

    /// <summary>True when two tokens mean the same: equal text, or equal numbers ("1" and "1.0", "0,5" and "1/2").</summary>
    /// <param name="a">A token.</param>
    /// <param name="b">A token.</param>
    /// <returns>Whether they are equal.</returns>
    public static bool TokenEquals(string a, string b) =>
        string.Equals(a, b, StringComparison.Ordinal) || (TryNumber(a, out var x) && TryNumber(b, out var y) && Math.Abs(x - y) < 1e-9);

    /// <summary>True when a token is a number, fraction or number range.</summary>
    /// <param name="token">A token.</param>
    /// <returns>Whether it is numeric.</returns>
    public static bool IsNumeric(string token) => token.Length > 0 && char.IsAsciiDigit(token[0]);

    /// <summary>Counts how many tokens of <paramref name="part"/> can be paired with distinct tokens of <paramref name="whole"/>.</summary>
    /// <param name="part">The tokens that should be inside.</param>
    /// <param name="whole">The tokens to look in.</param>
    /// <returns>The number paired.</returns>
    public static int CountContained(IReadOnlyList<string> part, IReadOnlyList<string> whole)
    {
        var used = new bool[whole.Count];
        var count = 0;
        foreach (var p in part)
        {
            for (var i = 0; i < whole.Count; i++)
            {
                if (!used[i] && TokenEquals(p, whole[i]))
                {
                    used[i] = true;
                    count++;
                    break;
                }
            }
        }

        return count;
    }

    /// <summary>The numeric tokens of a token list, as numbers where they are single numbers.</summary>
    /// <param name="tokens">Tokens.</param>
    /// <returns>The numeric tokens in canonical text.</returns>
    public static IEnumerable<string> NumericTokens(IEnumerable<string> tokens) =>
        tokens.Where(IsNumeric).Select(static t => TryNumber(t, out var n) ? n.ToString("R", CultureInfo.InvariantCulture) : t);

    private static bool TryNumber(string token, out double value)
    {
        value = 0;
        if (!IsNumeric(token))
        {
            return false;
        }

        var slash = token.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            return double.TryParse(token[..slash], NumberStyles.Float, CultureInfo.InvariantCulture, out var n) &&
                   double.TryParse(token[(slash + 1)..], NumberStyles.Float, CultureInfo.InvariantCulture, out var d) &&
                   d != 0 && (value = n / d) >= 0;
        }

        return !token.Contains('-', StringComparison.Ordinal) &&
               double.TryParse(token.Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    private static string ExpandIp(Match m)
    {
        var sb = new StringBuilder();
        foreach (Capture c in m.Groups["code"].Captures)
        {
            sb.Append(" ip").Append(c.Value).Append(' ');
        }

        return sb.ToString();
    }

    [GeneratedRegex(@"\bip\s*-?\s*(?<code>\d[\dx]k?)(?:\s*/\s*(?:ip)?\s*(?<code>\d[\dx]k?))*\b", RegexOptions.CultureInvariant)]
    private static partial Regex IpCode();

    [GeneratedRegex(@"(\d+/\d+|\d+)\s*""?\s*-\s*\d{1,2}(?=\s*""?\s*(?:unf|npt|nptf|unc)\b)", RegexOptions.CultureInvariant)]
    private static partial Regex NptPitch();

    // "316/316L" and "304/304L" list two grades; only small numbers around a slash are a fraction (1/2, 3/4).
    [GeneratedRegex(@"(\d{3,})/(?=\d)", RegexOptions.CultureInvariant)]
    private static partial Regex GradeAlternatives();

    [GeneratedRegex(@"\bex(ia|ib|ic|da|db|dc|d|eb|ec|e|ma|mb|mc|px|py|pz|p|q|o|na|nr|nc|n|ta|tb|tc|t)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ExGlued();

    // The 2014/2015 editions of IEC 60079-1/-7/-18/-31 renamed d, e, m and t to db, eb, mb and tb (same level of protection).
    [GeneratedRegex(@"\bex\s+(d|e|m|t)\b", RegexOptions.CultureInvariant)]
    private static partial Regex ExLegacy();

    [GeneratedRegex(@"(\d)\s*(?:\.{2,3}|-|~|\bto\b)\s*(?=\d)", RegexOptions.CultureInvariant)]
    private static partial Regex NumericRange();

    [GeneratedRegex(@"(\p{L})(\d)", RegexOptions.CultureInvariant)]
    private static partial Regex LetterDigit();

    [GeneratedRegex(@"(\d)(\p{L})", RegexOptions.CultureInvariant)]
    private static partial Regex DigitLetter();

    [GeneratedRegex(@"\d+(?:[.,/]\d+)*(?:-\d+(?:[.,/]\d+)*)?|[\p{L}\p{M}°%μΩ]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
