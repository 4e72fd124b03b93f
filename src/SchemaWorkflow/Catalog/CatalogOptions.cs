namespace SchemaWorkflow.Catalog;

/// <summary>Options of the built-in instrument catalog: host catalog files that add or override classes.</summary>
public sealed class CatalogOptions
{
    private readonly List<string> _files = [];

    /// <summary>Host catalog files, in the order added; a later file overrides a class of an earlier one.</summary>
    public IReadOnlyList<string> Files => _files;

    /// <summary>
    /// Adds a host catalog file. It follows the same format as the built-in files (see docs/catalog.md); its
    /// classes are added, or replace a built-in class with the same key. Errors fail at start with the file,
    /// class and field named.
    /// </summary>
    /// <param name="path">The path of a JSON catalog file.</param>
    /// <returns>These options, for chaining.</returns>
    public CatalogOptions AddFile(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _files.Add(path);
        return this;
    }
}
