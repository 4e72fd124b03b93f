using FuzzySharp;

namespace SchemaWorkflow.Validation.Internal;

/// <summary>How an input was matched to an allowed value.</summary>
internal enum EnumMatchKind
{
    Exact,
    Canonical,
    AllowedWithinInput,
    InputWithinAllowed,
    Fuzzy,
}

/// <summary>The outcome of matching an input to a field's allowed values.</summary>
/// <param name="Value">The allowed value in its own spelling, or null.</param>
/// <param name="Score">0–100; how sure the match is.</param>
/// <param name="Kind">How it matched.</param>
/// <param name="Ambiguous">When two or more allowed values fit equally well, all of them.</param>
/// <param name="Suggestions">The closest allowed values when nothing matched.</param>
internal sealed record EnumMatch(string? Value, double Score, EnumMatchKind Kind, IReadOnlyList<string> Ambiguous, IReadOnlyList<string> Suggestions)
{
    public bool Success => Value is not null;

    /// <summary>Input words the allowed value did not use ("316 l" after "1/2 npt"), joined by spaces; empty when none.</summary>
    public string Leftover { get; init; } = string.Empty;
}

/// <summary>
/// Matches buyer text to one of a field's allowed values: exact, then equal canonical words ("4..20 mA" = "4-20mA"),
/// then an allowed value inside the text ("HART rev 7" holds "HART 7"), then the text inside one allowed value
/// ("316L" in "SS 316L"), then a close spelling ("Alumnium") that keeps every number the same.
/// </summary>
internal static partial class EnumMatcher
{
    public const double FuzzyThreshold = 85;

    /// <summary>Matches text against allowed values.</summary>
    /// <param name="allowed">The allowed values.</param>
    /// <param name="input">What the buyer wrote.</param>
    /// <param name="fieldWords">Canonical words of the field's own name, ignored in the input ("accuracy class 1.0" → "1.0").</param>
    /// <returns>The match.</returns>
    public static EnumMatch Match(IReadOnlyList<string> allowed, string input, IReadOnlyCollection<string>? fieldWords = null)
    {
        var trimmed = input.Trim();
        foreach (var a in allowed)
        {
            if (string.Equals(a.Trim(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                return new EnumMatch(a, 100, EnumMatchKind.Exact, [], []);
            }
        }

        var inputTokens = TextCanon.Tokens(trimmed);
        var best = MatchTokens(allowed, inputTokens);
        if (fieldWords is { Count: > 0 })
        {
            var stripped = inputTokens.Where(t => !fieldWords.Contains(t)).ToArray();
            if (stripped.Length > 0 && stripped.Length < inputTokens.Length)
            {
                var other = MatchTokens(allowed, stripped);
                if (other.Score > best.Score)
                {
                    best = other;
                }
            }
        }

        if (best.Success || best.Ambiguous.Count > 0)
        {
            return best;
        }

        return best with { Suggestions = Closest(allowed, trimmed, 3) };
    }

    /// <summary>The allowed values closest to a text, best first.</summary>
    /// <param name="allowed">The allowed values.</param>
    /// <param name="input">The text.</param>
    /// <param name="count">How many to return at most.</param>
    /// <returns>The closest values with a similarity of at least 50.</returns>
    public static IReadOnlyList<string> Closest(IReadOnlyList<string> allowed, string input, int count)
    {
        var canonicalInput = TextCanon.Canonical(input);
        if (canonicalInput.Length == 0)
        {
            return [];
        }

        return allowed
            .Select((a, i) => (Value: a, Index: i, Score: Fuzz.WeightedRatio(canonicalInput, TextCanon.Canonical(a))))
            .Where(static x => x.Score >= 50)
            .OrderByDescending(static x => x.Score)
            .ThenBy(static x => x.Index)
            .Take(count)
            .Select(static x => x.Value)
            .ToList();
    }

    private static EnumMatch MatchTokens(IReadOnlyList<string> allowed, string[] inputTokens)
    {
        if (inputTokens.Length == 0)
        {
            return new EnumMatch(null, 0, EnumMatchKind.Fuzzy, [], []);
        }

        var candidates = new List<(string Value, double Score, EnumMatchKind Kind, string Leftover)>();
        var inputNumbers = TextCanon.NumericTokens(inputTokens).Order(StringComparer.Ordinal).ToList();
        var inputJoined = string.Join(' ', inputTokens);
        foreach (var a in allowed)
        {
            var allowedTokens = TextCanon.Tokens(a);
            if (allowedTokens.Length == 0)
            {
                continue;
            }

            var inAllowed = TextCanon.CountContained(inputTokens, allowedTokens);
            var inInput = TextCanon.CountContained(allowedTokens, inputTokens);
            if (inAllowed == inputTokens.Length && inInput == allowedTokens.Length)
            {
                candidates.Add((a, 98, EnumMatchKind.Canonical, string.Empty));
                continue;
            }

            // "MAX" is "MAX (high)": the words in brackets explain the value, they do not tell values apart.
            var core = TextCanon.Tokens(Parenthetical().Replace(a, " "));
            if (core.Length > 0 && core.Length < allowedTokens.Length && core.Length == inputTokens.Length && TextCanon.CountContained(inputTokens, core) == core.Length)
            {
                candidates.Add((a, 96, EnumMatchKind.Canonical, string.Empty));
                continue;
            }

            if (inInput == allowedTokens.Length)
            {
                var coverage = (double)allowedTokens.Length / inputTokens.Length;
                if (coverage >= 0.5 || allowedTokens.Any(static t => !TextCanon.IsNumeric(t)))
                {
                    candidates.Add((a, 65 + (20 * coverage) - (IsWeak(allowedTokens) ? 15 : 0), EnumMatchKind.AllowedWithinInput, Unused(inputTokens, allowedTokens)));
                    continue;
                }
            }

            if (inAllowed == inputTokens.Length && inputTokens.Any(static t => !TextCanon.IsNumeric(t) || t.Length > 1))
            {
                // Measured against the value without its bracketed explanation: "downscale" is a third of "Downscale ≤3.6 mA".
                var basis = core.Length > 0 && TextCanon.CountContained(inputTokens, core) == inputTokens.Length ? core.Length : allowedTokens.Length;

                // Single letters and numbers ("K", "x4") are weak evidence on their own: accepted for a named field, too weak to route free text.
                candidates.Add((a, 60 + (25 * (double)inputTokens.Length / basis) - (IsWeak(inputTokens) ? 15 : 0), EnumMatchKind.InputWithinAllowed, string.Empty));
                continue;
            }

            // Never a number changed: T6 is not T4, HART 5 is not HART 7.
            var allowedNumbers = TextCanon.NumericTokens(allowedTokens).Order(StringComparer.Ordinal).ToList();
            if (inputNumbers.Count == 0 && inAllowed >= 2 && inAllowed * 3 >= inputTokens.Length * 2)
            {
                // Most of the words of one value, in plain words only (codes carry numbers): "dry run protection" for "MIN safety (dry run)".
                candidates.Add((a, 66, EnumMatchKind.InputWithinAllowed, string.Empty));
                continue;
            }

            if (inputNumbers.SequenceEqual(allowedNumbers, StringComparer.Ordinal))
            {
                var ratio = Fuzz.Ratio(inputJoined, string.Join(' ', allowedTokens));
                if (ratio >= FuzzyThreshold)
                {
                    candidates.Add((a, 50 + ((ratio - FuzzyThreshold) / 2), EnumMatchKind.Fuzzy, string.Empty));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return new EnumMatch(null, 0, EnumMatchKind.Fuzzy, [], []);
        }

        var top = candidates.Max(static c => c.Score);
        var winners = candidates.Where(c => c.Score >= top - 0.01).ToList();
        if (winners.Count == 1 && winners[0].Kind == EnumMatchKind.InputWithinAllowed)
        {
            // "Bourdon tube" is inside both "C-type Bourdon tube" and "Helical Bourdon tube": a shorter value does not make it the one meant.
            winners = candidates.Where(static c => c.Kind == EnumMatchKind.InputWithinAllowed).ToList();
        }

        if (winners.Count > 1)
        {
            return new EnumMatch(null, top, winners[0].Kind, winners.Select(static w => w.Value).ToList(), []);
        }

        return new EnumMatch(winners[0].Value, winners[0].Score, winners[0].Kind, [], []) { Leftover = winners[0].Leftover };
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\([^)]*\)", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex Parenthetical();

    private static bool IsWeak(string[] tokens) =>
        !tokens.Any(static t => t.Count(char.IsLetter) >= 2 || t.Count(char.IsAsciiDigit) >= 3 || t.Contains('/', StringComparison.Ordinal));

    private static string Unused(string[] input, string[] used)
    {
        var taken = new bool[input.Length];
        foreach (var u in used)
        {
            for (var i = 0; i < input.Length; i++)
            {
                if (!taken[i] && TextCanon.TokenEquals(u, input[i]))
                {
                    taken[i] = true;
                    break;
                }
            }
        }

        return string.Join(' ', input.Where((_, i) => !taken[i]));
    }
}
