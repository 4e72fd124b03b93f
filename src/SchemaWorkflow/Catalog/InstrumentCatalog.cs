namespace SchemaWorkflow.Catalog;

/// <summary>
/// The built-in instrument catalog: every product class with its merged, ordered fields, loaded from the embedded
/// data files plus any host files (<see cref="CatalogOptions.AddFile"/>). Immutable after construction and safe
/// to share; loading checks the data and throws <see cref="CatalogValidationException"/> naming each problem.
/// </summary>
public sealed class InstrumentCatalog
{
    private readonly Dictionary<string, InstrumentClass> _byKey;

    /// <summary>Loads the embedded catalog and the host files of <paramref name="options"/>.</summary>
    /// <param name="options">Host files to add; null for the embedded catalog alone.</param>
    /// <exception cref="CatalogValidationException">A file is unreadable or breaks a rule; the message names file, class and field.</exception>
    public InstrumentCatalog(CatalogOptions? options = null)
        : this(Read(options))
    {
    }

    private InstrumentCatalog(LoadedCatalog loaded)
    {
        Version = loaded.Version;
        Classes = loaded.Classes;
        Blocks = loaded.Blocks;
        Files = loaded.Files;
        _byKey = loaded.Classes.ToDictionary(static c => c.Key.Value, StringComparer.Ordinal);
    }

    /// <summary>The families a class may belong to.</summary>
    public static IReadOnlyList<string> Families { get; } =
        ["transmitter", "switch", "gauge", "flowmeter", "level", "valve", "valve_accessory", "sensor", "accessory", "electrical", "analyzer", "drive", "calibrator"];

    /// <summary>The measurands a class's fields may be about.</summary>
    public static IReadOnlyList<string> Measurands { get; } =
        ["temperature", "pressure", "differential_pressure", "level", "flow", "analysis", "none"];

    /// <summary>The data version: the embedded version plus every host file's version.</summary>
    public CatalogVersion Version { get; }

    /// <summary>Every class, built-in first in file order, then classes added by host files.</summary>
    public IReadOnlyList<InstrumentClass> Classes { get; }

    /// <summary>The reusable field blocks by id.</summary>
    public IReadOnlyDictionary<string, CatalogBlock> Blocks { get; }

    /// <summary>The files loaded, embedded first.</summary>
    public IReadOnlyList<CatalogFile> Files { get; }

    /// <summary>Finds a class by key.</summary>
    /// <param name="key">A canonical key.</param>
    /// <param name="instrumentClass">The class when found.</param>
    /// <returns>True when the catalog has the class.</returns>
    public bool TryGetClass(ProductTypeKey key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out InstrumentClass? instrumentClass)
    {
        if (key.IsEmpty)
        {
            instrumentClass = null;
            return false;
        }

        return _byKey.TryGetValue(key.Value, out instrumentClass);
    }

    /// <summary>True when the catalog has a class with this key.</summary>
    /// <param name="key">A canonical key.</param>
    /// <returns>Whether the class exists.</returns>
    public bool Contains(ProductTypeKey key) => !key.IsEmpty && _byKey.ContainsKey(key.Value);

    /// <summary>Loads a catalog from JSON texts instead of files (tests, tools).</summary>
    /// <param name="hostFiles">Name and JSON of each host file, in order.</param>
    /// <returns>The catalog.</returns>
    internal static InstrumentCatalog FromHostTexts(params (string Name, string Json)[] hostFiles)
    {
        var sources = CatalogLoader.EmbeddedSources().Concat(hostFiles.Select(static h => new CatalogSource(h.Name, h.Json, IsHostFile: true))).ToList();
        return new InstrumentCatalog(CatalogLoader.Load(sources));
    }

    /// <summary>Loads a catalog from the given sources only (no embedded files unless passed).</summary>
    /// <param name="sources">The sources.</param>
    /// <returns>The catalog.</returns>
    internal static InstrumentCatalog FromSources(IReadOnlyList<CatalogSource> sources) => new(CatalogLoader.Load(sources));

    private static LoadedCatalog Read(CatalogOptions? options)
    {
        var problems = new List<CatalogProblem>();
        var sources = CatalogLoader.EmbeddedSources().ToList();
        if (options is not null)
        {
            sources.AddRange(CatalogLoader.ReadHostFiles(options.Files, problems));
        }

        return CatalogLoader.Load(sources, problems);
    }
}
