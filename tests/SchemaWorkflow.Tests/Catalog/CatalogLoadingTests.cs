using SchemaWorkflow.Catalog;

namespace SchemaWorkflow.Tests.Catalog;

public sealed class CatalogLoadingTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public void Embedded_catalog_loads_with_core_version_and_all_reference_classes()
    {
        var catalog = fixture.Catalog;
        Assert.Equal("2026.11.1", catalog.Version.BuiltIn);
        Assert.Equal("catalog.core.json", catalog.Files[0].Name);
        foreach (var key in ReferenceClasses.Keys)
        {
            Assert.True(catalog.Contains(ProductTypeKey.Parse(key)), $"missing reference class {key}");
        }
    }
}
