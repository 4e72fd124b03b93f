using System.Globalization;
using System.Text;

namespace SchemaWorkflow.Validation.Internal;

/// <summary>
/// Reads numbers, ranges, tolerances and bounds with units from the ways buyers write them: "0…150 °C",
/// "-40 to 85 degC", "4-20mA", "0-10 bar g", "±0.1 % of span", "max. 85 °C", "1,5 bar", "100:1".
/// </summary>
internal static class QuantityParser
{
    private static readonly HashSet<string> UpperBoundWords = new(StringComparer.OrdinalIgnoreCase) { "max", "max.", "maximum", "up to", "upto", "below", "under", "<", "<=", "≤", "≦", "less than", "not more than", "not exceeding", "at most" };
    private static readonly HashSet<string> LowerBoundWords = new(StringComparer.OrdinalIgnoreCase) { "min", "min.", "minimum", "above", "over", ">", ">=", "≥", "≧", "at least", "more than", "not less than" };
    private static readonly HashSet<string> SeparatorWords = new(StringComparer.OrdinalIgnoreCase) { "to", "bis", "through", "thru", "and" };

    /// <summary>Reads a quantity; null when the text holds no number that reads as one.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The quantity, or null.</returns>
    public static QuantityExpression? Parse(string text)
    {
        var tokens = Tokenize(Normalize(text));
        var firstNumber = tokens.FindIndex(static t => t.Kind == TokenKind.Number);
        if (firstNumber < 0)
        {
            return null;
        }

        var form = QuantityForm.Single;
        var leadingEnd = firstNumber;
        if (firstNumber > 0 && tokens[firstNumber - 1].Kind == TokenKind.PlusMinus)
        {
            form = QuantityForm.Tolerance;
            leadingEnd--;
        }

        var leadingWords = tokens.Take(leadingEnd).Select(static t => t.Text).ToList();
        if (form == QuantityForm.Single)
        {
            // "max. 85", "up to 10", "≤ 0.1": the bound word or sign sits right before the number.
            for (var n = Math.Min(3, leadingWords.Count); n >= 1; n--)
            {
                var tail = string.Join(' ', leadingWords.Skip(leadingWords.Count - n));
                if (UpperBoundWords.Contains(tail) || LowerBoundWords.Contains(tail))
                {
                    form = UpperBoundWords.Contains(tail) ? QuantityForm.AtMost : QuantityForm.AtLeast;
                    leadingWords.RemoveRange(leadingWords.Count - n, n);
                    break;
                }
            }
        }

        var first = tokens[firstNumber].Number;
        var i = firstNumber + 1;

        // Ratio "100:1" (turndown).
        if (i + 1 < tokens.Count && tokens[i].Kind == TokenKind.Colon && tokens[i + 1].Kind == TokenKind.Number)
        {
            var rest = tokens.Skip(i + 2).Select(static t => t.Text);
            return new QuantityExpression
            {
                Form = QuantityForm.Single,
                First = first,
                IsRatio = true,
                Leading = string.Join(' ', leadingWords),
                Trailing = string.Join(' ', rest),
            };
        }

        var firstWords = new List<string>();
        while (i < tokens.Count && tokens[i].Kind == TokenKind.Word && !IsSeparatorWordBeforeNumber(tokens, i))
        {
            firstWords.Add(tokens[i].Text);
            i++;
        }

        double? second = null;
        IReadOnlyList<UnitInfo> firstUnits = [];
        IReadOnlyList<UnitInfo> secondUnits = [];
        string? unknown = null;
        var trailing = new List<string>();
        var isRangeSeparator = i < tokens.Count && (tokens[i].Kind == TokenKind.Separator || IsSeparatorWordBeforeNumber(tokens, i));
        if (form is QuantityForm.Single && isRangeSeparator && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Number)
        {
            var (units, rest) = ResolveUnit(firstWords);
            if (rest.Count > 0)
            {
                // Words between the first number and the separator that are not a unit: not a range we can read.
                return null;
            }

            firstUnits = units;
            second = tokens[i + 1].Number;
            form = QuantityForm.Range;
            var words = tokens.Skip(i + 2).Select(static t => t.Text).ToList();
            (secondUnits, var after) = ResolveUnit(words);
            (unknown, trailing) = SplitUnknown(secondUnits.Count == 0, after);
        }
        else
        {
            var (units, rest) = ResolveUnit(firstWords);
            firstUnits = units;
            (unknown, trailing) = SplitUnknown(units.Count == 0, rest);
            trailing.AddRange(tokens.Skip(i).Select(static t => t.Text));
            if (form == QuantityForm.Single && trailing.Count > 0)
            {
                // "85 °C max", "0.1 % or better"
                var tail = trailing[0];
                if (UpperBoundWords.Contains(tail) || string.Equals(tail, "or less", StringComparison.OrdinalIgnoreCase))
                {
                    form = QuantityForm.AtMost;
                    trailing.RemoveAt(0);
                }
                else if (LowerBoundWords.Contains(tail))
                {
                    form = QuantityForm.AtLeast;
                    trailing.RemoveAt(0);
                }
            }
        }

        return new QuantityExpression
        {
            Form = form,
            First = first,
            Second = second,
            FirstUnits = firstUnits,
            SecondUnits = secondUnits,
            UnknownUnit = unknown,
            Leading = string.Join(' ', leadingWords),
            Trailing = string.Join(' ', trailing),
        };
    }

    /// <summary>Reads a number on its own ("1,5", "0.075", "1 1/2"); null when the text is not just a number.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The number.</returns>
    public static double? ParseNumber(string text)
    {
        var tokens = Tokenize(Normalize(text));
        return tokens is [{ Kind: TokenKind.Number } only] ? only.Number : null;
    }

    /// <summary>The text with look-alike characters folded: compatibility forms, dashes, minus signs, ellipses.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalised text.</returns>
    public static string Normalize(string text)
    {
        var kc = Compatible(text);
        var sb = new StringBuilder(kc.Length + 4);
        foreach (var c in kc)
        {
            switch (c)
            {
                case '\u2212' or '\u2012' or '\u2013' or '\u2014' or '\u2010' or '\u2011':
                    sb.Append('-');
                    break;
                case '\u2026':
                    sb.Append("...");
                    break;
                case '\u2044' or '\u2215':
                    sb.Append('/');
                    break;
                case '\u00A0' or '\u2009' or '\u202F' or '\t':
                    sb.Append(' ');
                    break;
                case '\u201C' or '\u201D' or '\u2033':
                    sb.Append('"');
                    break;
                case '\u2018' or '\u2019' or '\u2032':
                    sb.Append('\'');
                    break;
                case '\u00B5':
                    sb.Append('\u03BC');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString().Trim();
    }

    /// <summary>Compatibility-normalised text (³ → 3, ½ → 1⁄2); a lone surrogate, which cannot be normalised, becomes U+FFFD.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The normalised text.</returns>
    public static string Compatible(string text)
    {
        if (!text.IsNormalized(NormalizationForm.FormKC) || HasLoneSurrogate(text))
        {
            if (HasLoneSurrogate(text))
            {
                var chars = text.ToCharArray();
                for (var i = 0; i < chars.Length; i++)
                {
                    if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length && char.IsLowSurrogate(chars[i + 1]))
                    {
                        i++;
                    }
                    else if (char.IsSurrogate(chars[i]))
                    {
                        chars[i] = '\uFFFD';
                    }
                }

                text = new string(chars);
            }

            return text.Normalize(NormalizationForm.FormKC);
        }

        return text;
    }

    /// <summary>True when the text holds a UTF-16 surrogate without its pair.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Whether it does.</returns>
    public static bool HasLoneSurrogate(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsSeparatorWordBeforeNumber(List<Token> tokens, int i) =>
        tokens[i].Kind == TokenKind.Word && SeparatorWords.Contains(tokens[i].Text) && i + 1 < tokens.Count && tokens[i + 1].Kind == TokenKind.Number;

    private static (string? Unknown, List<string> Trailing) SplitUnknown(bool noUnit, List<string> words)
    {
        if (noUnit && words.Count > 0 && LooksLikeUnit(words[0]))
        {
            return (words[0], words.Skip(1).ToList());
        }

        return (null, words);
    }

    // A short token of letters and unit symbols that is not a common word: what a buyer writes where a unit belongs.
    private static bool LooksLikeUnit(string word) =>
        word.Length <= 8 && !UpperBoundWords.Contains(word) && !LowerBoundWords.Contains(word) &&
        !NonUnitWords.Contains(word) && word.Any(static c => char.IsLetter(c) || c is '°' or '%' or '/');

    private static readonly HashSet<string> NonUnitWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "nominal", "nom", "nom.", "approx", "approx.", "typ", "typ.", "typical", "or", "and", "with", "without", "ambient",
        "process", "span", "range", "rated", "design", "operating", "normal", "continuous", "at", "per", "for", "of",
        "hart", "wire", "wires", "output", "signal", "input", "supply", "power", "loop", "powered", "better", "accuracy",
    };

    private static (IReadOnlyList<UnitInfo> Units, List<string> Remaining) ResolveUnit(List<string> words)
    {
        for (var n = Math.Min(UnitTable.MaxWords, words.Count); n >= 1; n--)
        {
            var candidate = string.Join(' ', words.Take(n));
            var units = UnitTable.Lookup(candidate);
            if (units.Count > 0)
            {
                return (units, words.Skip(n).ToList());
            }
        }

        return ([], words);
    }

    private static List<Token> Tokenize(string s)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < s.Length)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c) || c is ',' or ';' or '(' or ')' or '[' or ']')
            {
                i++;
                continue;
            }

            var spaceBefore = i == 0 || char.IsWhiteSpace(s[i - 1]) || s[i - 1] is '(' or '[';
            if (c == '±')
            {
                tokens.Add(new Token(TokenKind.PlusMinus, "±", 0));
                i++;
                continue;
            }

            if (c == '+' && i + 1 < s.Length && (s[i + 1] == '-' || (s[i + 1] == '/' && i + 2 < s.Length && s[i + 2] == '-')))
            {
                tokens.Add(new Token(TokenKind.PlusMinus, "±", 0));
                i += s[i + 1] == '/' ? 3 : 2;
                continue;
            }

            if (c == ':')
            {
                tokens.Add(new Token(TokenKind.Colon, ":", 0));
                i++;
                continue;
            }

            if (c == '.' && i + 1 < s.Length && s[i + 1] == '.')
            {
                var j = i;
                while (j < s.Length && s[j] == '.')
                {
                    j++;
                }

                tokens.Add(new Token(TokenKind.Separator, "..", 0));
                i = j;
                continue;
            }

            if (c is '-' or '+' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]) &&
                (tokens.Count == 0 || spaceBefore || tokens[^1].Kind is TokenKind.Separator or TokenKind.PlusMinus or TokenKind.Colon))
            {
                var (value, length, text) = ReadNumber(s, i + 1);
                tokens.Add(new Token(TokenKind.Number, c + text, c == '-' ? -value : value));
                i += 1 + length;
                continue;
            }

            if (c is '-' or '~')
            {
                tokens.Add(new Token(TokenKind.Separator, c.ToString(), 0));
                i++;
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < s.Length && char.IsAsciiDigit(s[i + 1])))
            {
                var (value, length, text) = ReadNumber(s, i);
                tokens.Add(new Token(TokenKind.Number, text, value));
                i += length;
                continue;
            }

            if (c is '<' or '>' or '≤' or '≥')
            {
                var op = i + 1 < s.Length && s[i + 1] == '=' ? c + "=" : c.ToString();
                tokens.Add(new Token(TokenKind.Word, op, 0));
                i += op.Length;
                continue;
            }

            // A word: letters and unit symbols, with digits only when glued after a letter (m3, H2O).
            var start = i;
            while (i < s.Length)
            {
                var ch = s[i];
                if (char.IsWhiteSpace(ch) || ch is ',' or ';' or '(' or ')' or '[' or ']' or '±' or ':')
                {
                    break;
                }

                if (ch == '-' && i > start)
                {
                    // "bar-g", "V-DC" stay one word; "°C-85" ends the word before a separator.
                    if (i + 1 < s.Length && char.IsAsciiDigit(s[i + 1]))
                    {
                        break;
                    }
                }
                else if (ch == '.' && i + 1 < s.Length && s[i + 1] == '.')
                {
                    break;
                }
                else if (char.IsAsciiDigit(ch) && (i == start || !(char.IsLetter(s[i - 1]) || char.IsAsciiDigit(s[i - 1]) || s[i - 1] == '/')))
                {
                    break;
                }

                i++;
            }

            if (i == start)
            {
                i++;
                continue;
            }

            tokens.Add(new Token(TokenKind.Word, s[start..i], 0));
        }

        return tokens;
    }

    private static (double Value, int Length, string Text) ReadNumber(string s, int start)
    {
        var i = start;
        while (i < s.Length && char.IsAsciiDigit(s[i]))
        {
            i++;
        }

        var integerPart = s[start..i];
        if (integerPart.Length == 0)
        {
            // ".5"
            var j = i + 1;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
            }

            return (double.Parse("0" + s[i..j], CultureInfo.InvariantCulture), j - start, s[start..j]);
        }

        // Thousands with commas: 1,000 or 12,500,000 (never 0,075, which is a decimal comma).
        if (integerPart.Length <= 3 && integerPart[0] != '0' && IsThousandsGroup(s, i))
        {
            var sb = new StringBuilder(integerPart);
            while (IsThousandsGroup(s, i))
            {
                sb.Append(s, i + 1, 3);
                i += 4;
            }

            if (i + 1 < s.Length && s[i] == '.' && char.IsAsciiDigit(s[i + 1]))
            {
                var f = i;
                i++;
                while (i < s.Length && char.IsAsciiDigit(s[i]))
                {
                    i++;
                }

                sb.Append(s, f, i - f);
            }

            return (double.Parse(sb.ToString(), CultureInfo.InvariantCulture), i - start, s[start..i]);
        }

        if (i + 1 < s.Length && s[i] is '.' or ',' && char.IsAsciiDigit(s[i + 1]))
        {
            i++;
            while (i < s.Length && char.IsAsciiDigit(s[i]))
            {
                i++;
            }

            var text = s[start..i];
            return (double.Parse(text.Replace(',', '.'), CultureInfo.InvariantCulture), i - start, text);
        }

        // A fraction 1/2 or a mixed number 1 1/2.
        if (i + 1 < s.Length && s[i] == '/' && char.IsAsciiDigit(s[i + 1]))
        {
            var j = i + 1;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
            }

            var denominator = double.Parse(s[(i + 1)..j], CultureInfo.InvariantCulture);
            if (denominator > 0)
            {
                return (double.Parse(integerPart, CultureInfo.InvariantCulture) / denominator, j - start, s[start..j]);
            }
        }

        if (i + 3 < s.Length && s[i] == ' ' && char.IsAsciiDigit(s[i + 1]))
        {
            var j = i + 1;
            while (j < s.Length && char.IsAsciiDigit(s[j]))
            {
                j++;
            }

            if (j + 1 < s.Length && s[j] == '/' && char.IsAsciiDigit(s[j + 1]))
            {
                var k = j + 1;
                while (k < s.Length && char.IsAsciiDigit(s[k]))
                {
                    k++;
                }

                var numerator = double.Parse(s[(i + 1)..j], CultureInfo.InvariantCulture);
                var denominator = double.Parse(s[(j + 1)..k], CultureInfo.InvariantCulture);
                if (denominator > 0 && numerator < denominator)
                {
                    return (double.Parse(integerPart, CultureInfo.InvariantCulture) + (numerator / denominator), k - start, s[start..k]);
                }
            }
        }

        return (double.Parse(integerPart, CultureInfo.InvariantCulture), i - start, integerPart);
    }

    private static bool IsThousandsGroup(string s, int i) =>
        i + 3 < s.Length && s[i] == ',' && char.IsAsciiDigit(s[i + 1]) && char.IsAsciiDigit(s[i + 2]) && char.IsAsciiDigit(s[i + 3]) &&
        (i + 4 >= s.Length || !char.IsAsciiDigit(s[i + 4]));

    private enum TokenKind
    {
        Number,
        Word,
        Separator,
        PlusMinus,
        Colon,
    }

    private readonly record struct Token(TokenKind Kind, string Text, double Number);
}
