using System.Collections.Concurrent;
using SchemaWorkflow.Catalog.Resolution;

namespace SchemaWorkflow.Catalog;

/// <summary>
/// Resolves what a buyer wrote to one catalog class key. It folds case, plurals, punctuation and spelling variants,
/// reads ISA-5.1 letter codes and trade abbreviations, sets option qualifiers ("4-20mA HART", "DN100", "Ex d",
/// "SIL 2", "316L") aside as <see cref="ResolutionHint"/>s, and lets the longest, most specific name win, so
/// "differential pressure transmitter" never becomes a pressure transmitter or the reverse. Unknown or ambiguous
/// text gets fuzzy-ranked suggestions. Answers are memoized per text: a repeated text resolves without allocating.
/// </summary>
public sealed class CatalogProductTypeResolver : IProductTypeResolver
{
    /// <summary>How many distinct texts are memoized at most.</summary>
    public const int MemoLimit = 8192;

    /// <summary>Fuzzy score (0..100) a single class needs, clear of the runner-up, to be resolved without a name match.</summary>
    public const int FuzzyResolveThreshold = 90;

    private const int FuzzyMargin = 8;

    private static readonly HashSet<string> SegmentBreaks = new(StringComparer.Ordinal) { "with", "w", "for", "incl", "including", "plus" };

    private readonly InstrumentCatalog _catalog;
    private readonly PhraseIndex _index;
    private readonly CatalogSuggester _suggester;
    private readonly ConcurrentDictionary<string, ProductTypeResolution> _memo = new(StringComparer.Ordinal);
    private int _memoCount;

    /// <summary>Creates the resolver over a catalog.</summary>
    /// <param name="catalog">The catalog whose classes are the answers.</param>
    public CatalogProductTypeResolver(InstrumentCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        _catalog = catalog;
        _index = new PhraseIndex(catalog);
        _suggester = new CatalogSuggester(_index);
    }

    /// <inheritdoc />
    public ValueTask<ProductTypeResolution> ResolveAsync(string text, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (_memo.TryGetValue(text, out var known))
        {
            return new(known);
        }

        cancellationToken.ThrowIfCancellationRequested();
        var resolution = Resolve(text);
        if (Volatile.Read(ref _memoCount) < MemoLimit && _memo.TryAdd(text, resolution))
        {
            Interlocked.Increment(ref _memoCount);
        }

        return new(resolution);
    }

    /// <summary>Resolves without the memo (the work behind <see cref="ResolveAsync"/>).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The resolution.</returns>
    internal ProductTypeResolution Resolve(string text)
    {
        var qualifiers = QualifierExtractor.Extract(text, _index.IsIsaCode);
        var tokens = ProductTypeNormalizer.Tokenize(QualifierExtractor.Blank(text, qualifiers));
        var corrected = Correct(tokens);

        var (head, tail) = Split(tokens);
        var match = BestMatch(tokens, head.Start, head.End);
        if (match is null && head.Start == head.End)
        {
            match = BestMatch(tokens, tail.Start, tail.End);
        }

        if (match is { Classes.Count: 1 })
        {
            var key = match.Classes[0];
            _catalog.TryGetClass(ProductTypeKey.Parse(key), out var cls);
            var tailHasClass = tail.Start < tail.End && BestMatch(tokens, tail.Start, tail.End) is not null;
            return new ProductTypeResolution
            {
                Key = ProductTypeKey.Parse(key),
                Confidence = Confidence(tokens, match, corrected),
                Hints = Hints(qualifiers, cls, tokens, match, tailHasClass),
            };
        }

        var searchText = string.Join(' ', tokens.Where(static t => !ProductTypeNormalizer.StopWords.Contains(t.Text)).Select(static t => t.Text));
        if (match is null && searchText.Length > 0)
        {
            var ranked = _suggester.Rank(searchText);
            if (ranked.Count > 0 && ranked[0].Score >= FuzzyResolveThreshold && (ranked.Count == 1 || ranked[1].Score <= ranked[0].Score - FuzzyMargin))
            {
                var key = ProductTypeKey.Parse(ranked[0].Class);
                _catalog.TryGetClass(key, out var cls);
                return new ProductTypeResolution
                {
                    Key = key,
                    Confidence = Math.Round(0.7 * ranked[0].Score / 100.0, 3),
                    Hints = Hints(qualifiers, cls, tokens, null, tailHasClass: false),
                };
            }
        }

        return new ProductTypeResolution
        {
            Key = null,
            Confidence = 0,
            Suggestions = searchText.Length == 0 ? [] : _suggester.Suggest(searchText, match?.Classes),
            Hints = Hints(qualifiers, null, tokens, null, tailHasClass: false),
        };
    }

    private static ((int Start, int End) Head, (int Start, int End) Tail) Split(List<TextToken> tokens)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (SegmentBreaks.Contains(tokens[i].Text))
            {
                return ((0, i), (i + 1, tokens.Count));
            }
        }

        return ((0, tokens.Count), (tokens.Count, tokens.Count));
    }

    /// <summary>Replaces misspelled words by the one vocabulary word within a small edit distance.</summary>
    private bool Correct(List<TextToken> tokens)
    {
        var corrected = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Text;
            if (word.Length < 4 || _index.Vocabulary.Contains(word) || ProductTypeNormalizer.StopWords.Contains(word) || !word.All(char.IsAsciiLetter))
            {
                continue;
            }

            var limit = word.Length >= 8 ? 2 : 1;
            string? best = null;
            var bestDistance = int.MaxValue;
            var tie = false;
            foreach (var candidate in _index.Vocabulary)
            {
                if (Math.Abs(candidate.Length - word.Length) > limit || candidate.Length < 4)
                {
                    continue;
                }

                var d = EditDistance.Osa(word, candidate, limit);
                if (d > limit)
                {
                    continue;
                }

                if (d < bestDistance)
                {
                    best = candidate;
                    bestDistance = d;
                    tie = false;
                }
                else if (d == bestDistance && !string.Equals(candidate, best, StringComparison.Ordinal))
                {
                    tie = true;
                }
            }

            if (best is not null && !tie)
            {
                var split = ProductTypeNormalizer.Tokenize(best);
                tokens[i] = tokens[i] with { Text = split.Count == 1 ? split[0].Text : best };
                corrected = true;
            }
        }

        return corrected;
    }

    private Match? BestMatch(List<TextToken> tokens, int from, int to)
    {
        var candidates = new List<Match>();
        for (var i = from; i < to; i++)
        {
            var word = tokens[i].Text;
            if (_index.IsIsaCode(word) && !(i > 0 && ProductTypeNormalizer.IsNumber(tokens[i - 1].Text)))
            {
                var isaClasses = _index.ResolveIsa(word);
                if (isaClasses.Count > 0)
                {
                    candidates.Add(new Match(isaClasses, i, i + 1, 1.0, PhraseKind.Name, IsIsa: true));
                }
            }

            var max = Math.Min(_index.MaxLength, to - i);
            var joined = word;
            for (var len = 1; len <= max; len++)
            {
                if (len > 1)
                {
                    joined = string.Concat(joined, " ", tokens[i + len - 1].Text);
                }

                if (_index.TryGet(joined, out var entries))
                {
                    foreach (var group in entries.GroupBy(static e => (e.Weight, e.Kind)))
                    {
                        candidates.Add(new Match(group.Select(static e => e.ClassKey).Distinct().ToList(), i, i + len, group.Key.Weight, group.Key.Kind, IsIsa: false));
                    }
                }
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        var top = candidates.Max(static c => c.Weight);
        var best = candidates.Where(c => c.Weight == top).ToList();
        var latestEnd = best.Max(static c => c.End);
        best = best.Where(c => c.End == latestEnd).ToList();
        var classes = best.SelectMany(static c => c.Classes).Distinct().ToList();
        if (classes.Count > 1)
        {
            // Several classes share the name ("ultrasonic"): a measured-quantity word in the text decides.
            var words = tokens.Skip(from).Take(to - from).Select(static t => t.Text).ToHashSet(StringComparer.Ordinal);
            var measurands = ProductTypeNormalizer.MeasurandWords.Where(kv => words.Contains(kv.Key)).Select(static kv => kv.Value).ToHashSet(StringComparer.Ordinal);
            if (measurands.Count > 0)
            {
                var narrowed = classes.Where(c => _index.Measurands.TryGetValue(c, out var m) && m.Any(measurands.Contains)).ToList();
                if (narrowed.Count >= 1)
                {
                    classes = narrowed;
                }
            }
        }

        var first = best[0];
        return first with { Classes = classes };
    }

    private static double Confidence(List<TextToken> tokens, Match match, bool corrected)
    {
        var unmatched = 0;
        for (var i = 0; i < tokens.Count; i++)
        {
            if (i >= match.Start && i < match.End)
            {
                continue;
            }

            var word = tokens[i].Text;
            if (!ProductTypeNormalizer.StopWords.Contains(word) && !ProductTypeNormalizer.IsNumber(word))
            {
                unmatched++;
            }
        }

        var confidence = unmatched == 0 ? 1.0 : Math.Max(0.6, 0.95 - (0.1 * (unmatched - 1)));
        if (match.Kind == PhraseKind.Modifier || match.IsIsa)
        {
            confidence *= 0.95;
        }

        if (corrected)
        {
            confidence *= 0.9;
        }

        return Math.Round(confidence, 3);
    }

    private static IReadOnlyList<ResolutionHint> Hints(List<QualifierMatch> qualifiers, InstrumentClass? cls, List<TextToken> tokens, Match? match, bool tailHasClass)
    {
        if (qualifiers.Count == 0)
        {
            return [];
        }

        var hints = new List<ResolutionHint>(qualifiers.Count);
        var matchStart = match is null ? -1 : tokens[match.Start].Start;
        var matchEnd = match is null ? -1 : tokens[match.End - 1].End;
        foreach (var q in qualifiers)
        {
            if (q.Soft && match is not null && q.Start < matchEnd && q.End > matchStart)
            {
                continue;
            }

            if (q.Soft && tailHasClass && q.FieldCandidates.Contains("process_fluid"))
            {
                continue;
            }

            string? field = null;
            if (cls is not null)
            {
                field = q.FieldCandidates.FirstOrDefault(f => cls.FindField(f) is not null);
            }
            else if (q.FieldCandidates.Count > 0)
            {
                field = q.FieldCandidates[0];
            }

            hints.Add(new ResolutionHint(q.Text, field));
        }

        return hints;
    }

    private sealed record Match(IReadOnlyList<string> Classes, int Start, int End, double Weight, PhraseKind Kind, bool IsIsa);
}
