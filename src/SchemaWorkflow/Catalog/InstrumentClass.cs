namespace SchemaWorkflow.Catalog;

/// <summary>A product class of the catalog, such as <c>temperature_transmitter</c>, with its merged fields in datasheet order.</summary>
public sealed record InstrumentClass
{
    /// <summary>The canonical key.</summary>
    public required ProductTypeKey Key { get; init; }

    /// <summary>Display name, for example "Temperature transmitter".</summary>
    public required string DisplayName { get; init; }

    /// <summary>One sentence a buyer understands.</summary>
    public required string Description { get; init; }

    /// <summary>The family, one of <see cref="InstrumentCatalog.Families"/>.</summary>
    public required string Family { get; init; }

    /// <summary>What the class's fields may be about, from <see cref="InstrumentCatalog.Measurands"/>.</summary>
    public IReadOnlyList<string> Measurands { get; init; } = [];

    /// <summary>ISA-5.1 letter codes that name this class, for example <c>TT</c>.</summary>
    public IReadOnlyList<string> IsaCodes { get; init; } = [];

    /// <summary>Names buyers and vendors use for the class, lowercase.</summary>
    public IReadOnlyList<string> Synonyms { get; init; } = [];

    /// <summary>The blocks the class uses, in order.</summary>
    public IReadOnlyList<string> Blocks { get; init; } = [];

    /// <summary>The merged fields, ordered by group and then by <c>order</c> (file position when absent).</summary>
    public IReadOnlyList<CatalogField> Fields { get; init; } = [];

    /// <summary>The catalog file that defines the class (a resource name or a host file path).</summary>
    public required string SourceFile { get; init; }

    /// <summary>The data version of the file that defines the class.</summary>
    public required string SourceVersion { get; init; }

    /// <summary>True when the class comes from a host file (added or overriding a built-in class).</summary>
    public bool FromHostFile { get; init; }

    /// <summary>Finds a field by key.</summary>
    /// <param name="key">A field key.</param>
    /// <returns>The field, or null.</returns>
    public CatalogField? FindField(string key)
    {
        foreach (var field in Fields)
        {
            if (string.Equals(field.Key, key, StringComparison.Ordinal))
            {
                return field;
            }
        }

        return null;
    }
}
