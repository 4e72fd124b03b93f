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

    /// <summary>Whole-text fuzzy score (0..100) a single class needs, clear of the runner-up, to be resolved without a name match.</summary>
    public const int FuzzyResolveThreshold = 88;

    private const int FuzzyMargin = 8;

    private static readonly HashSet<string> AmbiguousCodes = new(StringComparer.Ordinal) { "at", "ae", "sc", "as", "is", "it", "ft" };

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
        _suggester = new CatalogSuggester(_index, catalog);
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
        var tokens = ProductTypeNormalizer.Tokenize(text);
        var masked = MaskQualifiers(tokens, qualifiers);
        var corrected = Correct(tokens, masked);

        var (head, tail) = Split(tokens, masked);

        // A name that spans the "with"/"for" ("RTD with thermowell") wins; otherwise the words before it name the class.
        var whole = tail.Start > head.End ? BestMatch(text, tokens, masked, 0, tokens.Count) : null;
        var match = whole is not null && whole.Start < head.End && whole.End > head.End
            ? whole
            : BestMatch(text, tokens, masked, head.Start, head.End);
        if (match is null && !HasContent(tokens, masked, head.Start, head.End))
        {
            match = BestMatch(text, tokens, masked, tail.Start, tail.End);
        }

        if (match is { Classes.Count: 1 })
        {
            var key = ProductTypeKey.Parse(match.Classes[0]);
            _catalog.TryGetClass(key, out var cls);
            var tailHasClass = tail.Start < tail.End && BestMatch(text, tokens, masked, tail.Start, tail.End) is not null;
            return new ProductTypeResolution
            {
                Key = key,
                Confidence = Confidence(tokens, masked, qualifiers, match, head.End, corrected),
                Hints = Hints(qualifiers, cls, tokens, match, tailHasClass),
            };
        }

        var searchText = string.Join(' ', tokens.Where((t, i) => !masked[i] && !ProductTypeNormalizer.StopWords.Contains(t.Text)).Select(static t => t.Text));
        if (match is null && searchText.Length > 0)
        {
            var ranked = _suggester.RankWhole(searchText);
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

    /// <summary>Marks the words that belong to a hard qualifier (a tag number keeps its letter code unmarked).</summary>
    private static bool[] MaskQualifiers(List<TextToken> tokens, List<QualifierMatch> qualifiers)
    {
        var masked = new bool[tokens.Count];
        foreach (var q in qualifiers)
        {
            if (q.Soft)
            {
                continue;
            }

            var start = q.Start + q.KeepLength;
            for (var i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Start >= start && tokens[i].End <= q.End)
                {
                    masked[i] = true;
                }
            }
        }

        return masked;
    }

    private static bool HasContent(List<TextToken> tokens, bool[] masked, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!masked[i] && !ProductTypeNormalizer.StopWords.Contains(tokens[i].Text) && !ProductTypeNormalizer.IsNumber(tokens[i].Text))
            {
                return true;
            }
        }

        return false;
    }

    private static ((int Start, int End) Head, (int Start, int End) Tail) Split(List<TextToken> tokens, bool[] masked)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (!masked[i] && SegmentBreaks.Contains(tokens[i].Text))
            {
                return ((0, i), (i + 1, tokens.Count));
            }
        }

        return ((0, tokens.Count), (tokens.Count, tokens.Count));
    }

    /// <summary>Replaces misspelled words by the one vocabulary word within a small edit distance.</summary>
    private bool Correct(List<TextToken> tokens, bool[] masked)
    {
        var corrected = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var word = tokens[i].Text;
            if (masked[i] || word.Length < 4 || _index.Vocabulary.Contains(word) || ProductTypeNormalizer.StopWords.Contains(word) || !word.All(char.IsAsciiLetter))
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

    private Match? BestMatch(string text, List<TextToken> tokens, bool[] masked, int from, int to)
    {
        var candidates = new List<Match>();
        for (var i = from; i < to; i++)
        {
            var word = tokens[i].Text;
            if (!masked[i] && _index.IsIsaCode(word) && !(i > 0 && ProductTypeNormalizer.IsNumber(tokens[i - 1].Text)) && IsCodeAsWritten(text, tokens[i]))
            {
                var isaClasses = _index.ResolveIsa(word);
                if (isaClasses.Count > 0)
                {
                    candidates.Add(new Match(isaClasses, i, i + 1, 1.0, PhraseKind.Name, IsIsa: true));
                }
            }

            var max = Math.Min(_index.MaxLength, to - i);
            var joined = word;
            var allMasked = masked[i];
            for (var len = 1; len <= max; len++)
            {
                if (len > 1)
                {
                    joined = string.Concat(joined, " ", tokens[i + len - 1].Text);
                    allMasked &= masked[i + len - 1];
                }

                if (_index.TryGet(joined, out var entries))
                {
                    AddCandidates(candidates, entries, i, i + len, allMasked);
                }
            }

            if (masked[i])
            {
                continue;
            }

            // The same names with qualifier words skipped: "RTD Pt100 class A with thermowell" holds "rtd with thermowell".
            var words = new List<string>(_index.MaxLength) { word };
            var skipped = false;
            for (var j = i + 1; j < to && words.Count < _index.MaxLength && !SeparatedBefore(text, tokens, j); j++)
            {
                if (masked[j])
                {
                    skipped = true;
                    continue;
                }

                words.Add(tokens[j].Text);
                if (skipped && _index.TryGet(string.Join(' ', words), out var entries))
                {
                    // A little weaker than the same number of adjacent words, so "control valve, … positioner" stays a control valve.
                    AddCandidates(candidates, entries, i, j + 1, allMasked: false, penalty: 0.1);
                }
            }
        }

        if (candidates.Count == 0)
        {
            return null;
        }

        // A modifier right before a generic name ("vortex" + "flow sensor", "radar" + "level sensor") names the specific class.
        var combined = new List<Match>();
        foreach (var modifier in candidates.Where(static c => c.Kind == PhraseKind.Modifier))
        {
            foreach (var generic in candidates.Where(c => c.Kind == PhraseKind.Name && !c.IsIsa && c.Start == modifier.End && c.Classes.All(_index.IsGeneric)))
            {
                combined.Add(modifier with { End = generic.End, Weight = modifier.Weight + generic.Weight + 0.5, Kind = PhraseKind.Name });
            }
        }

        candidates.AddRange(combined);
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

        var covered = new bool[tokens.Count];
        foreach (var candidate in candidates.Where(c => c.Classes.Any(classes.Contains)))
        {
            Array.Fill(covered, true, candidate.Start, candidate.End - candidate.Start);
        }

        return best[0] with { Classes = classes, Covered = covered };
    }

    private static void AddCandidates(List<Match> candidates, List<PhraseEntry> entries, int start, int end, bool allMasked, double penalty = 0)
    {
        foreach (var group in entries.GroupBy(static e => (e.Weight, e.Kind)))
        {
            // A name made only of qualifier words ("Pt100") counts, but less than any real name beside it.
            var weight = (allMasked ? group.Key.Weight * 0.5 : group.Key.Weight) - penalty;
            candidates.Add(new Match(group.Select(static e => e.ClassKey).Distinct().ToList(), start, end, weight, group.Key.Kind, IsIsa: false));
        }
    }

    /// <summary>True when a list separator (comma, semicolon, bracket) stands between word <paramref name="index"/> and the one before it.</summary>
    private static bool SeparatedBefore(string text, List<TextToken> tokens, int index)
    {
        for (var i = tokens[index - 1].End; i < tokens[index].Start; i++)
        {
            if (text[i] is ',' or ';' or '(' or ')' or '|')
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Letter codes that are also English words count only when written in capitals ("AT", not "at").</summary>
    private static bool IsCodeAsWritten(string text, TextToken token)
    {
        if (!AmbiguousCodes.Contains(token.Text))
        {
            return true;
        }

        for (var i = token.Start; i < token.End; i++)
        {
            if (char.IsLower(text[i]))
            {
                return false;
            }
        }

        return true;
    }

    private static double Confidence(List<TextToken> tokens, bool[] masked, List<QualifierMatch> qualifiers, Match match, int headEnd, bool corrected)
    {
        // Only the words that name the product count: not qualifiers, not what follows "with"/"for".
        var end = match.End <= headEnd ? headEnd : tokens.Count;
        var unmatched = 0;
        for (var i = 0; i < end; i++)
        {
            if ((i >= match.Start && i < match.End) || masked[i] || match.Covered?[i] == true || InSoftQualifier(tokens[i], qualifiers))
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

    private static bool InSoftQualifier(TextToken token, List<QualifierMatch> qualifiers)
    {
        foreach (var q in qualifiers)
        {
            if (q.Soft && token.Start >= q.Start && token.End <= q.End)
            {
                return true;
            }
        }

        return false;
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

    private sealed record Match(IReadOnlyList<string> Classes, int Start, int End, double Weight, PhraseKind Kind, bool IsIsa)
    {
        /// <summary>Words covered by any name of the chosen class (not just the winning one).</summary>
        public bool[]? Covered { get; init; }
    }
}
