using FuzzySharp;
using SchemaWorkflow.Catalog.Resolution;

namespace SchemaWorkflow.Catalog;

/// <summary>
/// Ranks catalog classes by fuzzy similarity to a text. A cheap character-trigram overlap picks a shortlist of
/// names, and FuzzySharp scores the shortlist (weighted ratio for suggestions, plain ratio for auto-resolution),
/// so an unknown text costs about a millisecond instead of scoring every name of every class.
/// </summary>
internal sealed class CatalogSuggester
{
    /// <summary>The lowest score (0..100) a class needs to be suggested.</summary>
    public const int SuggestionThreshold = 65;

    /// <summary>How many suggestions are returned at most.</summary>
    public const int MaxSuggestions = 5;

    private const int ShortlistSize = 48;

    private readonly (string Phrase, string Class)[] _phrases;
    private readonly int[][] _trigrams;
    private readonly Dictionary<string, string[]> _names;

    public CatalogSuggester(InstrumentCatalog catalog)
        : this(new PhraseIndex(catalog), catalog)
    {
    }

    public CatalogSuggester(PhraseIndex index, InstrumentCatalog catalog)
    {
        _phrases = index.AllPhrases.ToArray();
        _trigrams = _phrases.Select(static p => Trigrams(p.Phrase)).ToArray();
        _names = catalog.Classes.ToDictionary(
            static c => c.Key.Value,
            static c => new[] { c.Key.Value.Replace('_', ' '), c.DisplayName }.Select(ProductTypeNormalizer.Canonical).Distinct().ToArray(),
            StringComparer.Ordinal);
    }

    /// <summary>Scores the classes with a name close to the text (weighted ratio, partial matches count); best first.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Class keys with their best score.</returns>
    public List<(string Class, int Score)> Rank(string text)
    {
        var canonical = ProductTypeNormalizer.Canonical(text);
        if (canonical.Length == 0)
        {
            return [];
        }

        var best = BestPerClass(canonical, static (a, b) => Fuzz.WeightedRatio(a, b));

        // Ties (common with partial matches) go to the class whose own name is closest as a whole.
        var closeness = best.Keys.ToDictionary(c => c, c => _names.TryGetValue(c, out var names) ? names.Max(n => Fuzz.Ratio(canonical, n)) : 0, StringComparer.Ordinal);
        return best
            .Select(static kv => (kv.Key, kv.Value))
            .OrderByDescending(static x => x.Value)
            .ThenByDescending(x => closeness[x.Key])
            .ThenBy(static x => x.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Scores the classes with a name close to the text as a whole (plain ratio, no partial matches); best first.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Class keys with their best score.</returns>
    public List<(string Class, int Score)> RankWhole(string text)
    {
        var canonical = ProductTypeNormalizer.Canonical(text);
        if (canonical.Length == 0)
        {
            return [];
        }

        return BestPerClass(canonical, static (a, b) => Fuzz.Ratio(a, b))
            .Select(static kv => (kv.Key, kv.Value))
            .OrderByDescending(static x => x.Value)
            .ThenBy(static x => x.Key, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The closest classes above <see cref="SuggestionThreshold"/>, best first.</summary>
    /// <param name="text">The text.</param>
    /// <param name="prefer">Classes to put first (for example the ones an ambiguous text named), in their fuzzy order.</param>
    /// <returns>At most <see cref="MaxSuggestions"/> keys.</returns>
    public IReadOnlyList<string> Suggest(string text, IReadOnlyCollection<string>? prefer = null)
    {
        var ranked = Rank(text);
        var result = new List<string>(MaxSuggestions);
        if (prefer is { Count: > 0 })
        {
            result.AddRange(ranked.Where(r => prefer.Contains(r.Class)).Select(static r => r.Class));
            result.AddRange(prefer.Where(p => !result.Contains(p)).Order(StringComparer.Ordinal));
        }

        foreach (var (cls, score) in ranked)
        {
            if (result.Count >= MaxSuggestions || score < SuggestionThreshold)
            {
                break;
            }

            if (!result.Contains(cls))
            {
                result.Add(cls);
            }
        }

        return result.Take(MaxSuggestions).ToArray();
    }

    private Dictionary<string, int> BestPerClass(string canonical, Func<string, string, int> score)
    {
        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in Shortlist(canonical))
        {
            var (phrase, cls) = _phrases[i];
            var value = score(canonical, phrase);
            if (!best.TryGetValue(cls, out var current) || value > current)
            {
                best[cls] = value;
            }
        }

        return best;
    }

    /// <summary>The names sharing the most character trigrams with the text (as a share of the shorter one, then overall).</summary>
    private IEnumerable<int> Shortlist(string canonical)
    {
        var input = Trigrams(canonical);
        var scored = new (double Score, int Index)[_phrases.Length];
        for (var i = 0; i < _phrases.Length; i++)
        {
            var phrase = _trigrams[i];
            var common = CountCommon(input, phrase);
            var containment = common / (double)Math.Max(1, Math.Min(input.Length, phrase.Length));
            var dice = 2.0 * common / Math.Max(1, input.Length + phrase.Length);
            scored[i] = (Math.Max(containment * 0.9, dice) + (dice * 0.01), i);
        }

        return scored.Where(static s => s.Score > 0).OrderByDescending(static s => s.Score).ThenBy(static s => s.Index).Take(ShortlistSize).Select(static s => s.Index);
    }

    private static int CountCommon(int[] a, int[] b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return common;
    }

    private static int[] Trigrams(string text)
    {
        var padded = string.Concat(" ", text, " ");
        var set = new HashSet<int>();
        for (var i = 0; i + 3 <= padded.Length; i++)
        {
            set.Add(HashCode.Combine(padded[i], padded[i + 1], padded[i + 2]));
        }

        var array = set.ToArray();
        Array.Sort(array);
        return array;
    }
}
