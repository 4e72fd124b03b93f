namespace SchemaWorkflow.Catalog.Resolution;

/// <summary>
/// Every name of every class as canonical word sequences: key, display name, synonyms, and the distinguishing
/// modifier of a compound name ("coriolis" from "coriolis flowmeter"), plus the ISA-5.1 codes.
/// </summary>
internal sealed class PhraseIndex
{
    /// <summary>Generic heads stripped from a class name to get its modifier ("guided wave radar" + "level transmitter").</summary>
    private static readonly string[][] GenericHeads =
    [
        ["level", "transmitter"], ["flow", "meter"], ["transmitter"], ["analyzer"], ["level", "probe"],
    ];

    /// <summary>Measured-quantity words that never stand alone for a class ("pressure" is not a pressure transmitter).</summary>
    private static readonly HashSet<string> BareMeasurands = new(StringComparer.Ordinal)
    {
        "temperature", "pressure", "differential pressure", "level", "flow", "mass", "gas",
    };

    /// <summary>ISA-5.1 letter codes decoded to a canonical phrase, used when a code is not in the data or is claimed by several classes.</summary>
    private static readonly Dictionary<string, string> IsaDecoding = new(StringComparer.Ordinal)
    {
        ["tt"] = "temperature transmitter", ["tit"] = "temperature transmitter", ["te"] = "temperature element",
        ["tw"] = "thermowell", ["ti"] = "temperature indicator", ["ts"] = "temperature switch", ["tsh"] = "temperature switch",
        ["tsl"] = "temperature switch", ["pt"] = "pressure transmitter", ["pit"] = "pressure transmitter",
        ["pdt"] = "differential pressure transmitter", ["dpt"] = "differential pressure transmitter", ["pdit"] = "differential pressure transmitter",
        ["pi"] = "pressure gauge", ["pg"] = "pressure gauge", ["pdi"] = "differential pressure gauge", ["dpi"] = "differential pressure gauge",
        ["ps"] = "pressure switch", ["psh"] = "pressure switch", ["psl"] = "pressure switch", ["pshh"] = "pressure switch", ["psll"] = "pressure switch",
        ["pds"] = "differential pressure switch", ["pdsh"] = "differential pressure switch", ["pdsl"] = "differential pressure switch",
        ["lt"] = "level transmitter", ["lit"] = "level transmitter", ["ls"] = "level switch", ["lsh"] = "level switch", ["lsl"] = "level switch",
        ["lshh"] = "level switch", ["lsll"] = "level switch", ["lg"] = "level gauge", ["li"] = "level indicator",
        ["ft"] = "flow transmitter", ["fit"] = "flow transmitter", ["fe"] = "orifice plate", ["fi"] = "flow indicator",
        ["fs"] = "flow switch", ["fsh"] = "flow switch", ["fsl"] = "flow switch", ["fq"] = "flow totalizer",
        ["fv"] = "control valve", ["fcv"] = "control valve", ["pv"] = "control valve", ["pcv"] = "control valve",
        ["lv"] = "control valve", ["lcv"] = "control valve", ["tv"] = "control valve", ["tcv"] = "control valve",
        ["psv"] = "safety relief valve", ["prv"] = "safety relief valve", ["xv"] = "on off valve", ["hv"] = "hand valve",
        ["fy"] = "ip converter", ["py"] = "ip converter", ["ly"] = "ip converter", ["zt"] = "position transmitter",
        ["ae"] = "analyzer element", ["at"] = "analyzer transmitter",
    };

    private readonly Dictionary<string, List<PhraseEntry>> _phrases = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<string>> _isa = new(StringComparer.Ordinal);
    private readonly HashSet<string> _generic = new(StringComparer.Ordinal);

    public PhraseIndex(InstrumentCatalog catalog)
    {
        foreach (var cls in catalog.Classes)
        {
            var key = cls.Key.Value;
            Measurands[key] = cls.Measurands;
            var keyWords = ProductTypeNormalizer.Tokenize(key.Replace('_', ' ')).Select(static t => t.Text).ToArray();
            if (GenericHeads.Any(h => h.AsSpan().SequenceEqual(keyWords)))
            {
                _generic.Add(key);
            }

            var names = new List<string> { key.Replace('_', ' '), cls.DisplayName };
            names.AddRange(cls.Synonyms);
            foreach (var name in names)
            {
                var words = ProductTypeNormalizer.Tokenize(name).Select(static t => t.Text).ToArray();
                if (words.Length == 0)
                {
                    continue;
                }

                Add(words, key, words.Length, PhraseKind.Name);
            }

            foreach (var name in new[] { key.Replace('_', ' '), cls.DisplayName })
            {
                var words = ProductTypeNormalizer.Tokenize(name).Select(static t => t.Text).ToArray();
                foreach (var head in GenericHeads)
                {
                    if (words.Length <= head.Length || !words.AsSpan(words.Length - head.Length).SequenceEqual(head))
                    {
                        continue;
                    }

                    var modifier = words[..^head.Length];
                    if (!BareMeasurands.Contains(string.Join(' ', modifier)))
                    {
                        Add(modifier, key, modifier.Length - 0.25, PhraseKind.Modifier);
                    }

                    break;
                }
            }

            foreach (var code in cls.IsaCodes)
            {
                var lower = code.ToLowerInvariant();
                if (!_isa.TryGetValue(lower, out var list))
                {
                    _isa[lower] = list = [];
                }

                if (!list.Contains(key))
                {
                    list.Add(key);
                }
            }
        }

        foreach (var code in IsaDecoding.Keys)
        {
            Vocabulary.Add(code);
        }

        foreach (var code in _isa.Keys)
        {
            Vocabulary.Add(code);
        }
    }

    /// <summary>The longest phrase, in words.</summary>
    public int MaxLength { get; private set; }

    /// <summary>Every word of every phrase, for spelling correction.</summary>
    public HashSet<string> Vocabulary { get; } = new(StringComparer.Ordinal);

    /// <summary>Each class's measurands.</summary>
    public Dictionary<string, IReadOnlyList<string>> Measurands { get; } = new(StringComparer.Ordinal);

    /// <summary>All phrases with their classes (for fuzzy suggestions).</summary>
    public IEnumerable<(string Phrase, string Class)> AllPhrases =>
        _phrases.SelectMany(static p => p.Value.Where(static e => e.Kind == PhraseKind.Name).Select(e => (p.Key, e.ClassKey)));

    /// <summary>The classes a joined word sequence names.</summary>
    /// <param name="phrase">Canonical words joined by spaces.</param>
    /// <param name="entries">The entries.</param>
    /// <returns>True when the phrase is known.</returns>
    public bool TryGet(string phrase, out List<PhraseEntry> entries) => _phrases.TryGetValue(phrase, out entries!);

    /// <summary>True for a class whose name is only a generic head, such as <c>level_transmitter</c> or <c>flow_transmitter</c>.</summary>
    /// <param name="classKey">A class key.</param>
    /// <returns>Whether the class is generic.</returns>
    public bool IsGeneric(string classKey) => _generic.Contains(classKey);

    /// <summary>True when the word is an ISA-5.1 code known to the data or the decoder.</summary>
    /// <param name="word">A lowercase word.</param>
    /// <returns>Whether it is a code.</returns>
    public bool IsIsaCode(string word) => _isa.ContainsKey(word) || IsaDecoding.ContainsKey(word);

    /// <summary>Resolves an ISA-5.1 code: the one class that claims it, or the class its decoded phrase names.</summary>
    /// <param name="code">A lowercase code.</param>
    /// <returns>The class keys (one when unambiguous, several when ambiguous, none when unknown).</returns>
    public IReadOnlyList<string> ResolveIsa(string code)
    {
        _isa.TryGetValue(code, out var claimed);
        if (claimed is { Count: 1 })
        {
            return claimed;
        }

        if (IsaDecoding.TryGetValue(code, out var phrase) && _phrases.TryGetValue(ProductTypeNormalizer.Canonical(phrase), out var named))
        {
            var names = named.Where(static e => e.Kind == PhraseKind.Name).Select(static e => e.ClassKey).Distinct().ToList();
            if (names.Count == 1)
            {
                return names;
            }
        }

        return claimed ?? (IReadOnlyList<string>)[];
    }

    private void Add(string[] words, string classKey, double weight, PhraseKind kind)
    {
        var phrase = string.Join(' ', words);
        if (!_phrases.TryGetValue(phrase, out var list))
        {
            _phrases[phrase] = list = [];
        }

        if (!list.Any(e => e.ClassKey == classKey && e.Kind == kind))
        {
            list.Add(new PhraseEntry(classKey, weight, kind));
        }

        foreach (var w in words)
        {
            Vocabulary.Add(w);
        }

        MaxLength = Math.Max(MaxLength, words.Length);
    }
}

/// <summary>How a phrase names a class.</summary>
internal enum PhraseKind
{
    /// <summary>A full name: key, display name or synonym.</summary>
    Name,

    /// <summary>The distinguishing modifier of a compound name.</summary>
    Modifier,
}

/// <summary>A class a phrase names, and how strongly.</summary>
/// <param name="ClassKey">The class key.</param>
/// <param name="Weight">The number of words, less a little for a modifier.</param>
/// <param name="Kind">Name or modifier.</param>
internal sealed record PhraseEntry(string ClassKey, double Weight, PhraseKind Kind);
