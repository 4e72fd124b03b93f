using System.Text;
using FuzzySharp;

namespace SchemaWorkflow.Validation.Internal;

/// <summary>
/// Finds the field a buyer's name means: the key in any style (output_signal, outputSignal), the display name, a
/// synonym, the same words in another order ("signal output"), a part of exactly one field's name ("output"), or a
/// close spelling. Built once per validation from the schema.
/// </summary>
internal sealed class FieldIndex
{
    private static readonly HashSet<string> FillerWords = new(StringComparer.Ordinal) { "the", "of", "a", "an", "for", "required", "requirement", "requested" };

    private readonly List<Entry> _entries = [];
    private readonly Dictionary<string, int> _order = new(StringComparer.Ordinal);

    public FieldIndex(ProductSchema schema)
    {
        Schema = schema;
        Fields = schema.AllFields.ToList();
        for (var i = 0; i < Fields.Count; i++)
        {
            var field = Fields[i];
            _order.TryAdd(field.Key, i);
            _entries.Add(new Entry(field, MatchedBy.FieldKey, NameWords(field.Key)));
            _entries.Add(new Entry(field, MatchedBy.DisplayName, NameWords(field.DisplayName)));
            foreach (var synonym in field.Synonyms)
            {
                _entries.Add(new Entry(field, MatchedBy.Synonym, NameWords(synonym)));
            }
        }

        _entries.RemoveAll(static e => e.Words.Length == 0);
    }

    public ProductSchema Schema { get; }

    public IReadOnlyList<SchemaField> Fields { get; }

    public int OrderOf(SchemaField field) => _order.TryGetValue(field.Key, out var i) ? i : int.MaxValue;

    /// <summary>The words of a field's names (key, display name, synonyms), for spotting hints in free text.</summary>
    public IEnumerable<string> WordsOf(SchemaField field) =>
        _entries.Where(e => ReferenceEquals(e.Field, field)).SelectMany(static e => e.Words).Distinct(StringComparer.Ordinal);

    /// <summary>Finds the fields a name may mean, at the most specific level that matches anything.</summary>
    /// <param name="name">The name as written.</param>
    /// <param name="allowLoose">Also try partial names and close spellings.</param>
    /// <returns>The candidates (several when the name is ambiguous at its level) and how they matched; empty when nothing matched.</returns>
    public (IReadOnlyList<SchemaField> Fields, MatchedBy MatchedBy) Resolve(string name, bool allowLoose = true)
    {
        var words = NameWords(name);
        if (words.Length == 0)
        {
            return ([], MatchedBy.FieldKey);
        }

        var exactDisplay = Fields.Where(f => string.Equals(f.DisplayName, name.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
        if (exactDisplay.Count > 0)
        {
            return (exactDisplay, MatchedBy.DisplayName);
        }

        var joined = string.Join(' ', words);
        foreach (var level in new[] { MatchedBy.FieldKey, MatchedBy.DisplayName, MatchedBy.Synonym })
        {
            var hits = Distinct(_entries.Where(e => e.Kind == level && e.Joined == joined));
            if (hits.Count > 0)
            {
                return (hits, level);
            }
        }

        var sorted = string.Join(' ', words.Order(StringComparer.Ordinal));
        var reordered = Distinct(_entries.Where(e => e.Sorted == sorted));
        if (reordered.Count > 0)
        {
            return (reordered, MatchedBy.WordOrder);
        }

        if (!allowLoose)
        {
            return ([], MatchedBy.FieldKey);
        }

        // Part of a name: "output" for "Output signal". Several fields may share the word; the caller lets the value decide.
        var partial = Partial(words);
        if (partial.Count > 0)
        {
            return (partial, MatchedBy.PartialName);
        }

        var scored = _entries
            .Select(e => (e.Field, Score: Fuzz.Ratio(joined, e.Joined)))
            .Where(static x => x.Score >= 88)
            .GroupBy(static x => x.Field)
            .Select(static g => (Field: g.Key, Score: g.Max(static x => x.Score)))
            .OrderByDescending(static x => x.Score)
            .ToList();
        if (scored.Count == 1 || (scored.Count > 1 && scored[0].Score - scored[1].Score >= 4))
        {
            return ([scored[0].Field], MatchedBy.CloseSpelling);
        }

        return ([], MatchedBy.FieldKey);
    }

    /// <summary>The fields whose names are closest to a name, best first.</summary>
    /// <param name="name">The name.</param>
    /// <param name="count">How many at most.</param>
    /// <returns>The suggestions.</returns>
    public IReadOnlyList<FieldSuggestion> Suggest(string name, int count = 3)
    {
        var words = NameWords(name);
        var joined = string.Join(' ', words);
        if (joined.Length == 0)
        {
            return [];
        }

        var partial = Partial(words);
        if (partial.Count > 0)
        {
            return partial.Take(count).Select(static f => new FieldSuggestion(f.Key, f.DisplayName)).ToList();
        }

        return _entries
            .Select(e => (e.Field, Score: Similarity(joined, e.Joined)))
            .Where(static x => x.Score >= 65)
            .GroupBy(static x => x.Field)
            .Select(g => (Field: g.Key, Score: g.Max(static x => x.Score)))
            .OrderByDescending(static x => x.Score)
            .ThenBy(x => OrderOf(x.Field))
            .Take(count)
            .Select(static x => new FieldSuggestion(x.Field.Key, x.Field.DisplayName))
            .ToList();
    }

    // Whole-string similarity, and for longer names the best partial alignment (slightly discounted), so "colr" suggests
    // nothing while "temprature" still finds "Ambient temperature range".
    private static double Similarity(string name, string candidate)
    {
        double score = Math.Max(Fuzz.Ratio(name, candidate), Fuzz.TokenSortRatio(name, candidate));
        if (name.Length >= 6 && Fuzz.PartialRatio(name, candidate) is var partial and >= 85)
        {
            score = Math.Max(score, partial * 0.9);
        }

        return score;
    }

    /// <summary>
    /// Lowercase words of a name: camelCase split, punctuation to spaces, a plural "s" dropped, filler words removed.
    /// "outputSignal", "Output-Signal" and "output signals" all give ["output", "signal"].
    /// </summary>
    /// <param name="name">The name.</param>
    /// <returns>The words.</returns>
    public static string[] NameWords(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        var normalized = QuantityParser.Normalize(name);
        for (var i = 0; i < normalized.Length; i++)
        {
            var c = normalized[i];
            if (i > 0 && char.IsUpper(c) && (char.IsLower(normalized[i - 1]) || (i + 1 < normalized.Length && char.IsLower(normalized[i + 1]) && char.IsUpper(normalized[i - 1]))))
            {
                sb.Append(' ');
            }

            sb.Append(char.IsLetterOrDigit(c) || c is '/' or '%' or '°' ? char.ToLowerInvariant(c) : ' ');
        }

        return sb.ToString()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(static w => w.Length > 3 && w[^1] == 's' && w[^2] != 's' ? w[..^1] : w)
            .Where(static w => !FillerWords.Contains(w))
            .ToArray();
    }

    private List<SchemaField> Partial(string[] words) =>
        Distinct(_entries.Where(e => words.Length < e.Words.Length && words.All(w => e.Words.Contains(w, StringComparer.Ordinal))))
            .OrderBy(OrderOf)
            .ToList();

    private static List<SchemaField> Distinct(IEnumerable<Entry> entries)
    {
        var list = new List<SchemaField>();
        foreach (var e in entries)
        {
            if (!list.Contains(e.Field))
            {
                list.Add(e.Field);
            }
        }

        return list;
    }

    private sealed record Entry(SchemaField Field, MatchedBy Kind, string[] Words)
    {
        public string Joined { get; } = string.Join(' ', Words);

        public string Sorted { get; } = string.Join(' ', Words.Order(StringComparer.Ordinal));
    }
}
