namespace SchemaWorkflow.Standards;

/// <summary>Options of the standards enricher and its knowledge base.</summary>
public sealed class StandardsOptions
{
    private readonly List<string> _files = [];

    /// <summary>Host fact files added with <see cref="AddFile"/>, merged after the embedded files.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>When true (default) the embedded knowledge base is loaded; false serves host files only.</summary>
    public bool IncludeEmbedded { get; set; } = true;

    /// <summary>
    /// When true (default) fields with no direct fact are matched lexically against facts written for the same field
    /// key of other product types.
    /// </summary>
    public bool LexicalMatching { get; set; } = true;

    /// <summary>The most lexically matched facts applied to one field. Default 2.</summary>
    public int MaxLexicalMatchesPerField { get; set; } = 2;

    /// <summary>Facts below this confidence are not applied. Default 0 (apply all).</summary>
    public double MinimumConfidence { get; set; }

    /// <summary>
    /// Adds a host fact file in the knowledge-base format (<c>"extends"</c> the embedded version, with its own
    /// standards and facts). Its facts must not reuse embedded fact ids.
    /// </summary>
    /// <param name="path">The path of a JSON file.</param>
    /// <returns>These options.</returns>
    public StandardsOptions AddFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _files.Add(path);
        return this;
    }
}
