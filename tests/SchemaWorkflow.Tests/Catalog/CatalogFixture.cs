using SchemaWorkflow.Catalog;

namespace SchemaWorkflow.Tests.Catalog;

/// <summary>One loaded catalog, resolver and generator shared by the catalog tests (loading is deterministic and immutable).</summary>
public sealed class CatalogFixture
{
    public CatalogFixture()
    {
        Catalog = new InstrumentCatalog();
        Resolver = new CatalogProductTypeResolver(Catalog);
        Generator = new CatalogSchemaGenerator(Catalog);
    }

    public InstrumentCatalog Catalog { get; }

    public CatalogProductTypeResolver Resolver { get; }

    public CatalogSchemaGenerator Generator { get; }

    /// <summary>True when the extended data file (owned by another change) is embedded.</summary>
    public bool HasExtendedFile => Catalog.Files.Any(static f => f.Name == "catalog.extended.json");
}
