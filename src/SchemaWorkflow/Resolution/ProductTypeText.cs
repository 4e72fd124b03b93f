using System.Globalization;
using System.Text;

namespace SchemaWorkflow;

/// <summary>Checks product type text at the entry point and turns text into a fallback key.</summary>
public static class ProductTypeText
{
    /// <summary>The default longest text accepted.</summary>
    public const int DefaultMaxLength = 200;

    /// <summary>
    /// Throws a clear exception when the text cannot be a product type: null, empty or white space, longer than
    /// <paramref name="maxLength"/>, holding control characters, or looking like a file path.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="maxLength">The longest text accepted.</param>
    /// <param name="paramName">The parameter name to report.</param>
    public static void Validate(string? text, int maxLength = DefaultMaxLength, string paramName = "productType")
    {
        var problem = FindProblem(text, maxLength);
        if (problem is null)
        {
            return;
        }

        if (text is null)
        {
            throw new ArgumentNullException(paramName, problem);
        }

        throw new ArgumentException(problem, paramName);
    }

    /// <summary>Says what is wrong with the text, or null when it is acceptable.</summary>
    /// <param name="text">The text.</param>
    /// <param name="maxLength">The longest text accepted.</param>
    /// <returns>A sentence saying what was wrong and what to do, or null.</returns>
    public static string? FindProblem(string? text, int maxLength = DefaultMaxLength)
    {
        // Every request runs this, so acceptable text is recognised in a few vectorized passes; only text that fails
        // one of them takes the checks below, which find the first problem in a fixed order and describe it.
        if (text is not null && IsPlainlyAcceptable(text, maxLength))
        {
            return null;
        }

        if (text is null)
        {
            return "The product type is null. Pass the name of a product type, for example \"Temperature Transmitter\".";
        }

        if (string.IsNullOrWhiteSpace(text))
        {
            return "The product type is empty. Pass the name of a product type, for example \"Pressure Gauge\".";
        }

        if (text.Length > maxLength)
        {
            return $"The product type has {text.Length} characters; the limit is {maxLength}. Pass just the product type name.";
        }

        foreach (var c in text)
        {
            if (char.IsControl(c))
            {
                return $"The product type contains a control character (U+{(int)c:X4}). Remove line breaks, tabs and other control characters.";
            }
        }

        if (text.Contains("..", StringComparison.Ordinal) || text.Contains('\\', StringComparison.Ordinal) || text.StartsWith('/') || text.StartsWith('~'))
        {
            return "The product type looks like a file path. Pass the name of a product type, not a path.";
        }

        var hasLetterOrDigit = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                hasLetterOrDigit = true;
                break;
            }
        }

        return hasLetterOrDigit ? null : "The product type has no letters or digits. Pass the name of a product type.";
    }

    /// <summary>
    /// True when the text passes every check of <see cref="FindProblem"/>. The control characters
    /// (<see cref="char.IsControl(char)"/>) are exactly U+0000–U+001F and U+007F–U+009F; a letter or digit rules out
    /// text that is only white space.
    /// </summary>
    private static bool IsPlainlyAcceptable(string text, int maxLength)
    {
        var span = text.AsSpan();
        if (span.Length == 0 || span.Length > maxLength || span[0] is '/' or '~')
        {
            return false;
        }

        if (!span.ContainsAnyExceptInRange(' ', '~'))
        {
            // Printable ASCII (the usual case) holds no control character: one more pass finds a backslash or a dot.
            var i = span.IndexOfAny('\\', '.');
            if (i >= 0 && (span[i] == '\\' || span[i..].Contains("..", StringComparison.Ordinal)))
            {
                return false;
            }
        }
        else if (span.ContainsAnyInRange('\u0000', '\u001F') || span.ContainsAnyInRange('\u007F', '\u009F') ||
                 span.Contains('\\') || span.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        if (char.IsAsciiLetterOrDigit(span[0]))
        {
            return true;
        }

        foreach (var c in span)
        {
            if (char.IsLetterOrDigit(c))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Turns validated text into a key without any catalog: ASCII-folded, lowercase, words joined by underscores,
    /// at most <see cref="ProductTypeKey.MaxLength"/> characters. "Temperature Transmitter" → <c>temperature_transmitter</c>.
    /// </summary>
    /// <param name="text">Validated text.</param>
    /// <returns>The key.</returns>
    public static ProductTypeKey ToKey(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = text.Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(Math.Min(normalized.Length, ProductTypeKey.MaxLength));
        var pendingUnderscore = false;
        foreach (var ch in normalized)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            var c = char.ToLowerInvariant(ch);
            if (c is (>= 'a' and <= 'z') or (>= '0' and <= '9'))
            {
                if (pendingUnderscore && sb.Length > 0)
                {
                    if (sb.Length + 1 >= ProductTypeKey.MaxLength)
                    {
                        break;
                    }

                    sb.Append('_');
                }

                pendingUnderscore = false;
                if (sb.Length >= ProductTypeKey.MaxLength)
                {
                    break;
                }

                sb.Append(c);
            }
            else
            {
                pendingUnderscore = true;
            }
        }

        return sb.Length == 0
            ? throw new ArgumentException("The product type has no ASCII letters or digits to form a key from.", nameof(text))
            : ProductTypeKey.Parse(sb.ToString());
    }
}
