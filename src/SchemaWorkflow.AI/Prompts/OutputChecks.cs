using System.Text.RegularExpressions;

namespace SchemaWorkflow.AI.Prompts;

/// <summary>
/// Checks on model output beyond the core type gate: prose slots (descriptions, reasons) that must be plain
/// sentences, and unit symbols.
/// </summary>
internal static partial class OutputChecks
{
    public const int MaxDescriptionLength = 300;

    /// <summary>True when a sentence slot holds markup, links, placeholders, chatter or instructions.</summary>
    public static bool IsBadProse(string? text, int maxLength = MaxDescriptionLength)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > maxLength)
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

        return BadProse().IsMatch(text);
    }

    /// <summary>True for a plausible unit symbol: short, no sentence, at least one letter or symbol.</summary>
    public static bool IsUnitSymbol(string? unit) =>
        unit is not null && !Quality.SchemaQualityGate.LooksLikeJunk(unit) && UnitSymbol().IsMatch(unit);

    [GeneratedRegex(@"ignore (all |any )?(previous|prior|above|the)|disregard|system prompt|\binstructions?\b|\bas an ai\b|\bI (don't|do not|cannot|can't)\b|https?://|<[a-z/!]|\{\{|\}\}|\*\*|```|placeholder|lorem", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BadProse();

    [GeneratedRegex(@"^(?=.*[A-Za-z°%‰µμΩ])[A-Za-z0-9°%‰µμΩ·/²³^().\-]+( [A-Za-z0-9°%‰µμΩ·/²³^().\-]+){0,2}$", RegexOptions.CultureInvariant)]
    private static partial Regex UnitSymbol();
}
