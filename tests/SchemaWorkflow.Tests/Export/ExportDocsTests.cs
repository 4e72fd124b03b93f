using SchemaWorkflow.Export;
using SchemaWorkflow.Tests.Validation;

namespace SchemaWorkflow.Tests.Export;

/// <summary>The examples in docs/export.md are what the exporters produce for the built-in catalog.</summary>
public sealed class ExportDocsTests(SeedSchemaFixture fixture) : IClassFixture<SeedSchemaFixture>
{
    [Fact]
    public async Task The_legacy_example_is_the_level_switch_export()
    {
        var schema = (await fixture.Workflow.GetOrGenerateAsync(SeedScenarios.LS)).EnsureSuccess();

        var text = SchemaExporter.Export(schema, SchemaExportFormat.Legacy).ReplaceLineEndings("\n");

        Assert.Equal(DocsExampleTests.ReadDocsBlock("export.md", "<!-- example-legacy -->"), text);
    }

    [Fact]
    public async Task The_property_example_is_the_temperature_transmitter_calibrated_range()
    {
        var schema = (await fixture.Workflow.GetOrGenerateAsync(SeedScenarios.TT)).EnsureSuccess();

        var property = JsonSchemaExporter.Export(schema)["properties"]!["calibrated_range"]!.DeepClone().AsObject();

        Assert.Equal(DocsExampleTests.ReadDocsBlock("export.md", "<!-- example-property -->"), LegacyFormat.ToText(property).ReplaceLineEndings("\n"));
    }
}
