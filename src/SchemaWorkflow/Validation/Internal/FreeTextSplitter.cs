using System.Text.RegularExpressions;

namespace SchemaWorkflow.Validation.Internal;

/// <summary>
/// Splits a free-text line into segments at commas (not decimal or thousands commas), semicolons, line breaks, bars
/// and bullets: "4-20mA HART, 0-150 °C; IP66/67" → ["4-20mA HART", "0-150 °C", "IP66/67"].
/// </summary>
internal static partial class FreeTextSplitter
{
    public const int MaxSegments = 100;

    public static IReadOnlyList<string> Split(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        return Separator().Split(text)
            .Select(static s => ValueParser.Clean(Bullet().Replace(s, string.Empty)))
            .Where(static s => s.Length > 0)
            .ToList();
    }

    // A list bullet or a closing full stop, never the minus of "-40..85 °C".
    [GeneratedRegex(@"^\s*(?:[-*•]\s+|\*)|(?<=\p{L})\.\s*$|^\s+|\s+$", RegexOptions.CultureInvariant)]
    private static partial Regex Bullet();

    [GeneratedRegex(@"(?<!\d),|,(?!\d)|;|\r?\n|\r|\||•|\t|\s/\s", RegexOptions.CultureInvariant)]
    private static partial Regex Separator();
}
