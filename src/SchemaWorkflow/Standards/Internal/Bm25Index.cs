namespace SchemaWorkflow.Standards.Internal;

/// <summary>
/// A small Okapi BM25 ranking over a fixed set of documents, built once at load. Term frequencies, document lengths
/// and inverse document frequencies are precomputed, so scoring a query against a few candidate documents costs a
/// handful of dictionary lookups.
/// </summary>
internal sealed class Bm25Index
{
    private readonly Dictionary<string, int>[] _termFrequencies;
    private readonly int[] _lengths;
    private readonly Dictionary<string, double> _idf;
    private readonly double _averageLength;
    private readonly double _k1;
    private readonly double _b;

    public Bm25Index(IReadOnlyList<IReadOnlyList<string>> documents, double k1 = 1.2, double b = 0.75)
    {
        ArgumentNullException.ThrowIfNull(documents);
        _k1 = k1;
        _b = b;
        _termFrequencies = new Dictionary<string, int>[documents.Count];
        _lengths = new int[documents.Count];
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        long total = 0;
        for (var d = 0; d < documents.Count; d++)
        {
            var tf = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var term in documents[d])
            {
                tf[term] = tf.TryGetValue(term, out var n) ? n + 1 : 1;
            }

            foreach (var term in tf.Keys)
            {
                documentFrequency[term] = documentFrequency.TryGetValue(term, out var n) ? n + 1 : 1;
            }

            _termFrequencies[d] = tf;
            _lengths[d] = documents[d].Count;
            total += documents[d].Count;
        }

        _averageLength = documents.Count == 0 ? 1 : Math.Max(1, (double)total / documents.Count);
        var count = documents.Count;
        _idf = new Dictionary<string, double>(documentFrequency.Count, StringComparer.Ordinal);
        foreach (var (term, df) in documentFrequency)
        {
            // The "plus one" form keeps every idf positive, even for a term in most documents.
            _idf[term] = Math.Log(1 + ((count - df + 0.5) / (df + 0.5)));
        }
    }

    public int Count => _lengths.Length;

    /// <summary>True when <paramref name="document"/> contains <paramref name="term"/>.</summary>
    public bool Contains(int document, string term) => _termFrequencies[document].ContainsKey(term);

    /// <summary>The BM25 score of one document for a query (each distinct query term counted once).</summary>
    public double Score(int document, IReadOnlyCollection<string> distinctQueryTerms)
    {
        var tfs = _termFrequencies[document];
        var norm = _k1 * (1 - _b + (_b * _lengths[document] / _averageLength));
        var score = 0.0;
        foreach (var term in distinctQueryTerms)
        {
            if (tfs.TryGetValue(term, out var tf) && _idf.TryGetValue(term, out var idf))
            {
                score += idf * (tf * (_k1 + 1)) / (tf + norm);
            }
        }

        return score;
    }

    /// <summary>The best documents for a query, highest score first; ties keep document order.</summary>
    public IReadOnlyList<(int Document, double Score)> Search(IEnumerable<string> query, int top)
    {
        var terms = new HashSet<string>(query, StringComparer.Ordinal);
        var hits = new List<(int Document, double Score)>();
        for (var d = 0; d < _lengths.Length; d++)
        {
            var s = Score(d, terms);
            if (s > 0)
            {
                hits.Add((d, s));
            }
        }

        hits.Sort(static (x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Document.CompareTo(y.Document));
        return hits.Count > top ? hits.GetRange(0, top) : hits;
    }
}
