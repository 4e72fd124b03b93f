using FuzzySharp;
using SchemaWorkflow.Catalog.Resolution;

namespace SchemaWorkflow.Catalog;

/// <summary>Ranks catalog classes by fuzzy similarity to a text (FuzzySharp weighted ratio over every name of a class).</summary>
internal sealed class CatalogSuggester
{
    /// <summary>The lowest score (0..100) a class needs to be suggested.</summary>
    public const int SuggestionThreshold = 60;

    /// <summary>How many suggestions are returned at most.</summary>
    public const int MaxSuggestions = 5;

    private readonly (string Phrase, string Class)[] _phrases;

    public CatalogSuggester(InstrumentCatalog catalog)
        : this(new PhraseIndex(catalog))
    {
    }

    public CatalogSuggester(PhraseIndex index) => _phrases = index.AllPhrases.ToArray();

    /// <summary>Scores every class; best first.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Class keys with their best score.</returns>
    public List<(string Class, int Score)> Rank(string text)
    {
        var canonical = ProductTypeNormalizer.Canonical(text);
        if (canonical.Length == 0)
        {
            return [];
        }

        var best = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (phrase, cls) in _phrases)
        {
            var score = Fuzz.WeightedRatio(canonical, phrase);
            if (!best.TryGetValue(cls, out var current) || score > current)
            {
                best[cls] = score;
            }
        }

        return best.Select(static kv => (kv.Key, kv.Value)).OrderByDescending(static x => x.Value).ThenBy(static x => x.Key, StringComparer.Ordinal).ToList();
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
}
