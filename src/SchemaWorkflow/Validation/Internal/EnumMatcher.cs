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
}

/// <summary>
/// Matches buyer text to one of a field's allowed values: exact, then equal canonical words ("4..20 mA" = "4-20mA"),
/// then an allowed value inside the text ("HART rev 7" holds "HART 7"), then the text inside one allowed value
/// ("316L" in "SS 316L"), then a close spelling ("Alumnium") that keeps every number the same.
/// </summary>
internal static class EnumMatcher
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

        var candidates = new List<(string Value, double Score, EnumMatchKind Kind)>();
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
                candidates.Add((a, 98, EnumMatchKind.Canonical));
                continue;
            }

            if (inInput == allowedTokens.Length)
            {
                var coverage = (double)allowedTokens.Length / inputTokens.Length;
                if (coverage >= 0.5 || allowedTokens.Any(static t => !TextCanon.IsNumeric(t)))
                {
                    candidates.Add((a, 70 + (20 * coverage), EnumMatchKind.AllowedWithinInput));
                    continue;
                }
            }

            if (inAllowed == inputTokens.Length && inputTokens.Any(static t => !TextCanon.IsNumeric(t) || t.Length > 1))
            {
                candidates.Add((a, 60 + (25 * (double)inputTokens.Length / allowedTokens.Length), EnumMatchKind.InputWithinAllowed));
                continue;
            }

            // A close spelling, never one that changes a number (T6 is not T4, HART 5 is not HART 7).
            var allowedNumbers = TextCanon.NumericTokens(allowedTokens).Order(StringComparer.Ordinal).ToList();
            if (inputNumbers.SequenceEqual(allowedNumbers, StringComparer.Ordinal))
            {
                var ratio = Fuzz.Ratio(inputJoined, string.Join(' ', allowedTokens));
                if (ratio >= FuzzyThreshold)
                {
                    candidates.Add((a, 50 + ((ratio - FuzzyThreshold) / 2), EnumMatchKind.Fuzzy));
                }
            }
        }

        if (candidates.Count == 0)
        {
            return new EnumMatch(null, 0, EnumMatchKind.Fuzzy, [], []);
        }

        var top = candidates.Max(static c => c.Score);
        var winners = candidates.Where(c => c.Score >= top - 0.01).ToList();
        if (winners.Count > 1)
        {
            return new EnumMatch(null, top, winners[0].Kind, winners.Select(static w => w.Value).ToList(), []);
        }

        return new EnumMatch(winners[0].Value, winners[0].Score, winners[0].Kind, [], []);
    }
}
