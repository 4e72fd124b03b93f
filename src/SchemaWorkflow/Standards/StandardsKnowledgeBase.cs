using System.Security.Cryptography;
using System.Text;
using SchemaWorkflow.Standards.Internal;

namespace SchemaWorkflow.Standards;

/// <summary>
/// The standards knowledge base: standards and cited facts loaded from the embedded data files (and any host files),
/// validated, merged and indexed once. Immutable and thread-safe. Answers retrieval from memory: facts that list the
/// product type (or <c>*</c>) and a field key directly, and, for fields with no direct fact, a BM25 ranking over
/// statements and keywords restricted to facts written for that same field key and for a product type this one
/// specialises.
/// </summary>
public sealed class StandardsKnowledgeBase : IStandardsRetriever
{
    private const string ResourcePrefix = "SchemaWorkflow.Standards.Data.";
    private const string SchemaResource = ResourcePrefix + "standards.schema.json";

    // Words that qualify nothing: they do not make one product type more specific than another.
    private static readonly HashSet<string> GenericClassTerms = new(StringComparer.Ordinal)
    {
        "assembly", "instrument", "device", "unit", "type", "element", "general", "purpose",
    };

    private static readonly Lazy<StandardsKnowledgeBase> EmbeddedInstance = new(static () => Build(EmbeddedFiles(), null, -1));

    private readonly Dictionary<string, StandardDefinition> _standards;
    private readonly Dictionary<string, Dictionary<string, StandardsFact[]>> _byClassAndField;
    private readonly Dictionary<string, StandardsFact[]> _wildcardByField;
    private readonly Dictionary<string, Dictionary<string, DirectEntry>> _directByClass;
    private readonly Dictionary<string, DirectEntry> _directWildcard;
    private readonly Dictionary<string, int[]> _byPayloadField;
    private readonly Dictionary<string, int> _factIndex;
    private readonly Bm25Index _lexical;
    private readonly string[][][] _classTerms;
    private readonly Dictionary<string, HashSet<string>> _standardsListingClass;
    private readonly Dictionary<string, string> _citedNames;
    private readonly StandardsOptions _options;
    private readonly IReadOnlyList<Citation>[] _directCitations;
    private readonly IReadOnlyList<Citation>[] _lexicalCitations;

    private StandardsKnowledgeBase(string version, string contentHash, List<StandardDefinition> standards, List<StandardsFact> facts, StandardsOptions options)
    {
        Version = version;
        ContentHash = contentHash;
        Standards = standards;
        Facts = facts;
        _options = options;
        _standards = standards.ToDictionary(static s => s.Id, StringComparer.Ordinal);
        _citedNames = standards.ToDictionary(static s => s.Id, static s => s.Edition is null ? s.Id : $"{s.Id}:{s.Edition}", StringComparer.Ordinal);
        _standardsListingClass = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var standard in standards)
        {
            foreach (var cls in standard.Classes.Where(static c => c != "*"))
            {
                if (!_standardsListingClass.TryGetValue(cls, out var ids))
                {
                    _standardsListingClass[cls] = ids = new HashSet<string>(StringComparer.Ordinal);
                }

                ids.Add(standard.Id);
            }
        }
        _factIndex = new Dictionary<string, int>(facts.Count, StringComparer.Ordinal);
        var byClassAndField = new Dictionary<string, Dictionary<string, List<StandardsFact>>>(StringComparer.Ordinal);
        var wildcard = new Dictionary<string, List<StandardsFact>>(StringComparer.Ordinal);
        var byPayloadField = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        var documents = new List<IReadOnlyList<string>>(facts.Count);
        _classTerms = new string[facts.Count][][];
        for (var i = 0; i < facts.Count; i++)
        {
            var fact = facts[i];
            _factIndex[fact.Id] = i;
            foreach (var field in fact.Fields.Distinct(StringComparer.Ordinal))
            {
                foreach (var cls in fact.Classes)
                {
                    if (cls == "*")
                    {
                        Add(wildcard, field, fact);
                    }
                    else
                    {
                        if (!byClassAndField.TryGetValue(cls, out var fieldsOfClass))
                        {
                            byClassAndField[cls] = fieldsOfClass = new Dictionary<string, List<StandardsFact>>(StringComparer.Ordinal);
                        }

                        Add(fieldsOfClass, field, fact);
                    }
                }
            }

            foreach (var payloadField in fact.Payload.Select(static p => p.Field).Distinct(StringComparer.Ordinal))
            {
                Add(byPayloadField, payloadField, i);
            }

            documents.Add(DocumentTerms(fact, _standards.GetValueOrDefault(fact.Standard)));
            _classTerms[i] = [.. fact.Classes.Where(static c => c != "*").Select(static c => DistinctiveTerms(c.Replace('_', ' ')).ToArray()).Where(static t => t.Length > 0)];
        }

        _byClassAndField = byClassAndField.ToDictionary(
            static kv => kv.Key,
            static kv => kv.Value.ToDictionary(static f => f.Key, static f => f.Value.ToArray(), StringComparer.Ordinal),
            StringComparer.Ordinal);
        _wildcardByField = wildcard.ToDictionary(static kv => kv.Key, static kv => kv.Value.ToArray(), StringComparer.Ordinal);

        // Retrieval answers direct matches from these tables without allocating: per (class, field) the merged
        // class-specific and wildcard facts in file order, as ready-made matches.
        _directWildcard = _wildcardByField.ToDictionary(static kv => kv.Key, static kv => DirectEntry.Create(kv.Key, kv.Value), StringComparer.Ordinal);
        _directByClass = new Dictionary<string, Dictionary<string, DirectEntry>>(StringComparer.Ordinal);
        foreach (var (cls, fieldsOfClass) in _byClassAndField)
        {
            var entries = new Dictionary<string, DirectEntry>(StringComparer.Ordinal);
            foreach (var (field, specific) in fieldsOfClass)
            {
                var any = _wildcardByField.GetValueOrDefault(field) ?? [];
                var merged = specific.Concat(any.Where(f => !specific.Contains(f))).OrderBy(f => _factIndex[f.Id]).ToArray();
                entries[field] = DirectEntry.Create(field, merged);
            }

            _directByClass[cls] = entries;
        }
        _byPayloadField = byPayloadField.ToDictionary(static kv => kv.Key, static kv => kv.Value.ToArray(), StringComparer.Ordinal);
        _lexical = new Bm25Index(documents);

        // Every value from a fact carries the same citation; immutable, so one instance serves every schema.
        _directCitations = new IReadOnlyList<Citation>[facts.Count];
        _lexicalCitations = new IReadOnlyList<Citation>[facts.Count];
        for (var i = 0; i < facts.Count; i++)
        {
            _directCitations[i] = [StandardsSchemaEnricher.Cite(this, facts[i], lexical: false)];
            _lexicalCitations[i] = [StandardsSchemaEnricher.Cite(this, facts[i], lexical: true)];
        }
    }

    /// <summary>The knowledge base built from the embedded data files only, loaded once on first use.</summary>
    public static StandardsKnowledgeBase Embedded => EmbeddedInstance.Value;

    /// <summary>The version declared by the base file (<c>standards.core.json</c>).</summary>
    public string Version { get; }

    /// <summary>
    /// The first 8 hex digits of a SHA-256 over every loaded file, so an edited or added file changes the enricher's
    /// fingerprint even when the version was not bumped.
    /// </summary>
    public string ContentHash { get; }

    /// <summary>All standards, base file first.</summary>
    public IReadOnlyList<StandardDefinition> Standards { get; }

    /// <summary>All facts, base file first.</summary>
    public IReadOnlyList<StandardsFact> Facts { get; }

    /// <summary>The embedded data files (every <c>Standards/Data/*.json</c> except the JSON Schema), base file first.</summary>
    /// <returns>The files.</returns>
    public static IReadOnlyList<StandardsDataFile> EmbeddedFiles()
    {
        var assembly = typeof(StandardsKnowledgeBase).Assembly;
        var files = new List<StandardsDataFile>();
        foreach (var name in assembly.GetManifestResourceNames().Order(StringComparer.Ordinal))
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal) || name == SchemaResource)
            {
                continue;
            }

            files.Add(new StandardsDataFile(name[ResourcePrefix.Length..], ReadResource(name)));
        }

        return files;
    }

    /// <summary>The JSON Schema (draft 2020-12) every knowledge-base file follows.</summary>
    /// <returns>The schema text.</returns>
    public static string JsonSchema() => ReadResource(SchemaResource);

    /// <summary>Builds a knowledge base from options: the embedded files (unless turned off) plus the host files.</summary>
    /// <param name="options">The options; null uses the defaults.</param>
    /// <returns>The validated knowledge base.</returns>
    /// <exception cref="StandardsValidationException">A file is unreadable or breaks a rule of the format.</exception>
    public static StandardsKnowledgeBase Load(StandardsOptions? options = null)
    {
        options ??= new StandardsOptions();
        if (options.IncludeEmbedded && options.Files.Count == 0 && IsDefaultRetrieval(options))
        {
            return Embedded;
        }

        var hostFiles = new List<StandardsDataFile>();
        var problems = new List<string>();
        foreach (var path in options.Files)
        {
            try
            {
                hostFiles.Add(new StandardsDataFile(path, File.ReadAllText(path)));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or NotSupportedException or ArgumentException)
            {
                problems.Add($"{path}: cannot be read ({ex.Message}).");
            }
        }

        if (problems.Count > 0)
        {
            throw new StandardsValidationException(problems);
        }

        var embedded = options.IncludeEmbedded ? EmbeddedFiles() : [];
        return Build([.. embedded, .. hostFiles], options, embedded.Count);
    }

    /// <summary>Builds a knowledge base from file texts; exactly one declares <c>version</c>, the others <c>extends</c>.</summary>
    /// <param name="files">The files.</param>
    /// <param name="options">Retrieval options; null uses the defaults.</param>
    /// <returns>The validated knowledge base.</returns>
    /// <exception cref="StandardsValidationException">A file is unreadable or breaks a rule of the format.</exception>
    public static StandardsKnowledgeBase FromFiles(IEnumerable<StandardsDataFile> files, StandardsOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(files);
        return Build(files.ToList(), options, 0);
    }

    /// <summary>Finds a standard by id.</summary>
    /// <param name="id">The id, for example <c>IEC 60529</c>.</param>
    /// <param name="standard">The standard.</param>
    /// <returns>True when found.</returns>
    public bool TryGetStandard(string id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out StandardDefinition? standard) =>
        _standards.TryGetValue(id, out standard);

    /// <summary>True when the standard names <paramref name="classKey"/> in its class list (not through <c>*</c>).</summary>
    /// <param name="standardId">A standard id.</param>
    /// <param name="classKey">A product type key.</param>
    /// <returns>Whether the standard lists the class.</returns>
    internal bool ListsClass(string standardId, string classKey) =>
        _standardsListingClass.TryGetValue(classKey, out var ids) && ids.Contains(standardId);

    /// <summary>The ids of the standards that name <paramref name="classKey"/> in their class list (not through <c>*</c>).</summary>
    /// <param name="classKey">A product type key.</param>
    /// <returns>The standard ids, or null when none does.</returns>
    internal HashSet<string>? StandardsListing(string classKey) => _standardsListingClass.GetValueOrDefault(classKey);

    /// <summary>
    /// The citation list of a value from one of this knowledge base's own facts, built once at load; null for a fact
    /// this knowledge base does not hold (a host retriever's).
    /// </summary>
    /// <param name="fact">The fact.</param>
    /// <param name="lexical">True for a lexical match, whose citation says so.</param>
    /// <returns>The one-element citation list, or null.</returns>
    internal IReadOnlyList<Citation>? PrebuiltCitations(StandardsFact fact, bool lexical) =>
        _factIndex.TryGetValue(fact.Id, out var i) && ReferenceEquals(Facts[i], fact)
            ? (lexical ? _lexicalCitations[i] : _directCitations[i])
            : null;

    /// <summary>The standard's id with its edition, as cited (for example <c>IEC 60751:2022</c>).</summary>
    /// <param name="standardId">A standard id.</param>
    /// <returns>The cited name; the id itself for an unknown standard.</returns>
    internal string CitedName(string standardId) => _citedNames.GetValueOrDefault(standardId) ?? standardId;

    /// <summary>Finds a fact by id.</summary>
    /// <param name="id">The fact id.</param>
    /// <returns>The fact, or null.</returns>
    public StandardsFact? FindFact(string id) => _factIndex.TryGetValue(id, out var i) ? Facts[i] : null;

    /// <summary>Facts written for a class (or <c>*</c>) and a field key, in file order.</summary>
    /// <param name="classKey">A product type key.</param>
    /// <param name="fieldKey">A field key.</param>
    /// <returns>The facts.</returns>
    public IReadOnlyList<StandardsFact> DirectFacts(string classKey, string fieldKey) => Direct(classKey, fieldKey)?.Facts ?? [];

    /// <summary>Ranks all facts against free text (statement, keywords, fields, standard) with BM25.</summary>
    /// <param name="text">The query text.</param>
    /// <param name="top">The most facts returned.</param>
    /// <returns>Facts with scores, best first.</returns>
    public IReadOnlyList<(StandardsFact Fact, double Score)> Search(string text, int top = 10)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentOutOfRangeException.ThrowIfLessThan(top, 1);
        return [.. _lexical.Search(TextTokenizer.Tokenize(text), top).Select(h => (Facts[h.Document], h.Score))];
    }

    /// <summary>Finds the facts for the fields of one group, synchronously.</summary>
    /// <param name="query">The product type and the group's fields.</param>
    /// <returns>Direct matches for fields that have them; lexical matches for the others.</returns>
    public IReadOnlyList<FactMatch> Retrieve(StandardsQuery query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var classKey = query.ProductType.Value;
        var matches = new List<FactMatch>();
        HashSet<string>? classTerms = null;
        foreach (var field in query.Fields)
        {
            if (Direct(classKey, field.Key) is { } direct)
            {
                matches.AddRange(direct.Matches);

                // A field counts as mapped only when a direct fact can supply it a value; facts that merely mention it do not.
                if (direct.Supplies)
                {
                    continue;
                }
            }

            if (!_options.LexicalMatching || !_byPayloadField.TryGetValue(field.Key, out var candidates))
            {
                continue;
            }

            classTerms ??= ClassTerms(query);
            AddLexical(field, candidates, classKey, classTerms, matches);
        }

        return matches;
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<FactMatch>> RetrieveAsync(StandardsQuery query, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(Retrieve(query));
    }

    private void AddLexical(SchemaField field, int[] candidates, string classKey, HashSet<string> classTerms, List<FactMatch> matches)
    {
        var query = new HashSet<string>(TextTokenizer.Tokenize([field.Key.Replace('_', ' '), field.DisplayName, .. field.Synonyms]), StringComparer.Ordinal);
        query.UnionWith(classTerms);
        List<(int Index, double Score)>? ranked = null;
        foreach (var index in candidates)
        {
            var fact = Facts[index];
            if (fact.AppliesTo(classKey))
            {
                continue;
            }

            // A fact written for other product types transfers only to a specialisation of one of them: every
            // distinctive word of that class name must appear in this product type's name ("thermocouple" facts reach
            // "multipoint thermocouple assembly", "differential pressure transmitter" facts do not reach "pressure transmitter").
            if (!IsSpecialisationOfAny(classTerms, _classTerms[index]))
            {
                continue;
            }

            var score = _lexical.Score(index, query);
            if (score > 0)
            {
                (ranked ??= []).Add((index, score));
            }
        }

        if (ranked is null)
        {
            return;
        }

        ranked.Sort(static (x, y) => y.Score != x.Score ? y.Score.CompareTo(x.Score) : x.Index.CompareTo(y.Index));
        for (var i = 0; i < ranked.Count && i < _options.MaxLexicalMatchesPerField; i++)
        {
            matches.Add(new FactMatch(Facts[ranked[i].Index], field.Key, FactMatchKind.Lexical, ranked[i].Score));
        }
    }

    private DirectEntry? Direct(string classKey, string fieldKey) =>
        _directByClass.TryGetValue(classKey, out var fields) && fields.TryGetValue(fieldKey, out var entry)
            ? entry
            : _directWildcard.GetValueOrDefault(fieldKey);

    private static bool HasPayloadFor(StandardsFact fact, string fieldKey)
    {
        foreach (var payload in fact.Payload)
        {
            if (string.Equals(payload.Field, fieldKey, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    private static HashSet<string> ClassTerms(StandardsQuery query) =>
        DistinctiveTerms(query.ProductType.Value.Replace('_', ' '), query.ProductDisplayName);

    private static HashSet<string> DistinctiveTerms(params string?[] texts)
    {
        var terms = new HashSet<string>(TextTokenizer.Tokenize(texts), StringComparer.Ordinal);
        terms.ExceptWith(GenericClassTerms);
        return terms;
    }

    private static bool IsSpecialisationOfAny(HashSet<string> productTerms, string[][] factClasses)
    {
        foreach (var factClass in factClasses)
        {
            var all = true;
            foreach (var term in factClass)
            {
                if (!productTerms.Contains(term))
                {
                    all = false;
                    break;
                }
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    private static List<string> DocumentTerms(StandardsFact fact, StandardDefinition? standard)
    {
        var terms = new List<string>();
        TextTokenizer.AddTokens(fact.Statement, terms);
        foreach (var keyword in fact.Keywords)
        {
            // Keywords were chosen for retrieval; count them twice against incidental words of the statement.
            TextTokenizer.AddTokens(keyword, terms);
            TextTokenizer.AddTokens(keyword, terms);
        }

        foreach (var field in fact.Fields)
        {
            TextTokenizer.AddTokens(field.Replace('_', ' '), terms);
        }

        foreach (var cls in fact.Classes)
        {
            TextTokenizer.AddTokens(cls.Replace('_', ' '), terms);
        }

        foreach (var payload in fact.Payload)
        {
            TextTokenizer.AddTokens(payload.Label, terms);
        }

        TextTokenizer.AddTokens(fact.Standard, terms);
        TextTokenizer.AddTokens(standard?.Title, terms);
        return terms;
    }

    private static StandardsKnowledgeBase Build(IReadOnlyList<StandardsDataFile> files, StandardsOptions? options, int embeddedCount)
    {
        options ??= new StandardsOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxLexicalMatchesPerField, 0);
        var (version, standards, facts) = KnowledgeBaseLoader.Load(files, embeddedCount < 0 ? files.Count : embeddedCount);
        if (options.MinimumConfidence > 0)
        {
            facts = [.. facts.Where(f => f.Confidence >= options.MinimumConfidence)];
        }

        return new StandardsKnowledgeBase(version, Hash(files), standards, facts, options);
    }

    private static bool IsDefaultRetrieval(StandardsOptions options) =>
        options.LexicalMatching && options.MaxLexicalMatchesPerField == 2 && options.MinimumConfidence <= 0;

    private static string Hash(IReadOnlyList<StandardsDataFile> files)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var file in files)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(file.Json));
            sha.AppendData([0]);
        }

        return Convert.ToHexStringLower(sha.GetHashAndReset())[..8];
    }

    private static string ReadResource(string name)
    {
        using var stream = typeof(StandardsKnowledgeBase).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource '{name}' is missing from the SchemaWorkflow assembly.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }

    private static void Add<TKey, TValue>(Dictionary<TKey, List<TValue>> map, TKey key, TValue value)
        where TKey : notnull
    {
        if (!map.TryGetValue(key, out var list))
        {
            map[key] = list = [];
        }

        list.Add(value);
    }

    private sealed record DirectEntry(StandardsFact[] Facts, FactMatch[] Matches, bool Supplies)
    {
        public static DirectEntry Create(string field, StandardsFact[] facts) => new(
            facts,
            [.. facts.Select(f => new FactMatch(f, field, FactMatchKind.Direct, 1))],
            facts.Any(f => HasPayloadFor(f, field)));
    }
}
