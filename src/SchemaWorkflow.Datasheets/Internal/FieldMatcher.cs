using FuzzySharp;

namespace SchemaWorkflow.Datasheets.Internal;

/// <summary>
/// Maps a datasheet key to a field of the product class through the catalog's field keys, display names and
/// synonyms (plus host synonyms): an exact match on the normalized form first; then a key that holds every word of a
/// multi-word phrase and one more ("Supply voltage range" → supply_voltage, score 90); then a key of two or more words
/// that a phrase holds with one more ("Sensor input" → sensor input type, score 88); then a fuzzy match (FuzzySharp
/// ratio or token-sort ratio). Anything but an exact match must reach the threshold. Two fields tied at the top are
/// ambiguous and match neither.
/// </summary>
internal sealed class FieldMatcher
{
    /// <summary>The score of a key that holds every word of a field phrase and at most one more.</summary>
    public const int SupersetScore = 90;

    /// <summary>The score of a key of two or more words that is a field phrase missing one word.</summary>
    public const int SubsetScore = 88;

    private readonly Dictionary<string, string> _exact = new(StringComparer.Ordinal);
    private readonly List<(string Phrase, string[] Words, string Field)> _phrases = [];
    private readonly int _threshold;

    public FieldMatcher(IEnumerable<SchemaField> fields, IEnumerable<KeyValuePair<string, string>> hostSynonyms, int threshold)
    {
        _threshold = threshold;
        var list = fields.ToList();
        var keys = list.Select(static f => f.Key).ToHashSet(StringComparer.Ordinal);

        // Host synonyms first (the host knows its vendors), then keys and names, then catalog synonyms: the first
        // registration of a phrase wins, so a field's own name is never taken by another field's synonym.
        foreach (var (phrase, field) in hostSynonyms)
        {
            if (keys.Contains(field))
            {
                Register(phrase, field);
            }
        }

        foreach (var f in list)
        {
            Register(f.Key.Replace('_', ' '), f.Key);
            Register(f.DisplayName, f.Key);
        }

        foreach (var f in list)
        {
            foreach (var synonym in f.Synonyms)
            {
                Register(synonym, f.Key);
            }
        }
    }

    public FieldMatch Match(string key)
    {
        var normalized = KeyNormalizer.Normalize(key);
        if (normalized.Length == 0)
        {
            return FieldMatch.None;
        }

        if (_exact.TryGetValue(normalized, out var exact))
        {
            return new FieldMatch(exact, 100);
        }

        var words = normalized.Split(' ');
        var superset = Best(_phrases
            .Where(p => p.Words.Length >= 2 && words.Length - p.Words.Length == 1 && p.Words.All(w => words.Contains(w, StringComparer.Ordinal)))
            .Select(static p => (p.Field, Score: p.Words.Length)));
        if (superset.Field is not null && SupersetScore >= _threshold)
        {
            return new FieldMatch(superset.Field, SupersetScore);
        }

        var subset = Best(_phrases
            .Where(p => words.Length >= 2 && p.Words.Length - words.Length == 1 && words.All(w => p.Words.Contains(w, StringComparer.Ordinal)))
            .Select(static p => (p.Field, Score: 0)));
        if (subset.Field is not null && SubsetScore >= _threshold)
        {
            return new FieldMatch(subset.Field, SubsetScore);
        }

        var fuzzy = Best(_phrases
            .Where(static p => p.Phrase.Length >= 4)
            .Select(p => (p.Field, Score: Math.Max(Fuzz.Ratio(normalized, p.Phrase), Fuzz.TokenSortRatio(normalized, p.Phrase)))));
        return fuzzy.Field is not null && fuzzy.Score >= _threshold ? new FieldMatch(fuzzy.Field, fuzzy.Score) : FieldMatch.None;
    }

    private static (string? Field, int Score) Best(IEnumerable<(string Field, int Score)> scored)
    {
        string? best = null;
        var bestScore = -1;
        var tied = false;
        foreach (var (field, score) in scored)
        {
            if (score > bestScore)
            {
                (best, bestScore, tied) = (field, score, false);
            }
            else if (score == bestScore && !string.Equals(field, best, StringComparison.Ordinal))
            {
                tied = true;
            }
        }

        return tied ? (null, bestScore) : (best, bestScore);
    }

    private void Register(string phrase, string field)
    {
        var normalized = KeyNormalizer.Normalize(phrase);
        if (normalized.Length == 0 || !_exact.TryAdd(normalized, field))
        {
            return;
        }

        _phrases.Add((normalized, normalized.Split(' '), field));
    }
}

/// <summary>The field a key matched and how well (0 to 100); <see cref="Field"/> is null when none did.</summary>
internal readonly record struct FieldMatch(string? Field, int Score)
{
    public static FieldMatch None => new(null, 0);
}
