using SchemaWorkflow.Catalog;

namespace SchemaWorkflow.Tests.Catalog;

public sealed class CatalogLoadingTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Fact]
    public void Embedded_catalog_loads_with_core_version_and_all_reference_classes()
    {
        var catalog = fixture.Catalog;
        Assert.Equal("2026.11.2", catalog.Version.BuiltIn);
        Assert.Empty(catalog.Version.HostVersions);
        Assert.Equal("2026.11.2", catalog.Version.ToString());
        Assert.Equal("catalog.core.json", catalog.Files[0].Name);
        Assert.Equal(12, catalog.Files[0].ClassCount);
        Assert.All(catalog.Files, static f => Assert.False(f.IsHostFile));
        foreach (var key in ReferenceClasses.Keys)
        {
            Assert.True(catalog.Contains(ProductTypeKey.Parse(key)), $"missing reference class {key}");
        }
    }

    [Fact]
    public void Class_keys_are_unique_and_every_standard_block_is_defined()
    {
        var keys = fixture.Catalog.Classes.Select(static c => c.Key.Value).ToList();
        Assert.Equal(keys.Count, keys.Distinct(StringComparer.Ordinal).Count());
        string[] standard = ["identification", "transmitter_electrical_2wire", "transmitter_housing", "field_environment", "hazardous_area_compliance", "switch_contact_output", "process_connection_block"];
        foreach (var id in standard)
        {
            Assert.True(fixture.Catalog.Blocks.TryGetValue(id, out var block), $"block {id} is missing");
            Assert.Equal("catalog.core.json", block.SourceFile);
            Assert.NotEmpty(block.Fields);
        }
    }

    [Fact]
    public void Every_json_file_in_the_data_folder_is_embedded_including_the_schema()
    {
        var names = typeof(InstrumentCatalog).Assembly.GetManifestResourceNames();
        Assert.Contains("SchemaWorkflow.Catalog.Data.catalog.core.json", names);
        Assert.Contains("SchemaWorkflow.Catalog.Data.catalog.schema.json", names);
        Assert.Contains("\"$schema\"", CatalogLoader.ReadSchemaText(), StringComparison.Ordinal);
        Assert.DoesNotContain(CatalogLoader.EmbeddedSources(), static s => s.Name == "catalog.schema.json");
    }

    [Fact]
    public void The_extended_file_defines_exactly_the_extended_keys_of_the_format()
    {
        if (!fixture.HasExtendedFile)
        {
            Assert.DoesNotContain(fixture.Catalog.Classes, static c => c.SourceFile == "catalog.extended.json");
            return;
        }

        var extended = fixture.Catalog.Classes.Where(static c => c.SourceFile == "catalog.extended.json").Select(static c => c.Key.Value).Order(StringComparer.Ordinal);
        Assert.Equal(ReferenceClasses.ExtendedKeys.Order(StringComparer.Ordinal), extended);
    }

    [Fact]
    public void A_class_lookup_by_an_empty_key_finds_nothing()
    {
        Assert.False(fixture.Catalog.TryGetClass(default, out _));
        Assert.False(fixture.Catalog.Contains(default));
    }

    [Fact]
    public void Unit_symbols_are_exact_and_near_misses_get_a_suggestion()
    {
        Assert.True(CatalogUnits.IsKnown("µS/cm"));
        Assert.True(CatalogUnits.IsKnown("Ω"));
        Assert.False(CatalogUnits.IsKnown("Bar"));
        Assert.Equal("bar", CatalogUnits.Suggest("Bar"));
        Assert.Equal("Ω", CatalogUnits.Suggest("\u2126"));
        Assert.Equal("m³/h", CatalogUnits.Suggest("m3/h"));
        Assert.Null(CatalogUnits.Suggest("furlong"));
    }
}
