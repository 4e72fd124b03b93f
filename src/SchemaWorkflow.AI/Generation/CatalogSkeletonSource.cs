using SchemaWorkflow.Catalog;
using SchemaWorkflow.Generation;

namespace SchemaWorkflow.AI;

/// <summary>
/// The default skeleton source: the built-in catalog's class of the product type. A type the catalog lacks has no
/// skeleton (checked by key, without the catalog's suggestion search).
/// </summary>
public sealed class CatalogSkeletonSource : ISchemaSkeletonSource
{
    private readonly InstrumentCatalog _catalog;
    private readonly CatalogSchemaGenerator _generator;

    /// <summary>Creates the source.</summary>
    /// <param name="catalog">The catalog.</param>
    /// <param name="generator">The catalog's generator, which builds and caches class schemas.</param>
    public CatalogSkeletonSource(InstrumentCatalog catalog, CatalogSchemaGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(generator);
        _catalog = catalog;
        _generator = generator;
    }

    /// <inheritdoc />
    public string Fingerprint => _generator.Fingerprint;

    /// <inheritdoc />
    public ValueTask<ProductSchema?> GetSkeletonAsync(SchemaGenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new(_catalog.Contains(request.Key) ? _generator.Generate(request.Key) : null);
    }
}
