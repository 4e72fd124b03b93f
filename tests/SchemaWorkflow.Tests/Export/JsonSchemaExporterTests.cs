using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SchemaWorkflow.Export;
using SchemaWorkflow.Tests.Validation;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Tests.Export;

/// <summary>The exported JSON Schema is valid draft 2020-12 and validates requirement documents as the validator does.</summary>
public sealed class JsonSchemaExporterTests(SeedSchemaFixture fixture) : IClassFixture<SeedSchemaFixture>
{
    private async Task<ProductSchema> SchemaAsync(string type) => (await fixture.Workflow.GetOrGenerateAsync(type)).EnsureSuccess();

    private static JsonSchema Compile(JsonObject exported) =>
        JsonSchema.FromText(exported.ToJsonString(), new BuildOptions { SchemaRegistry = new SchemaRegistry() });

    private static EvaluationResults Evaluate(JsonSchema schema, JsonObject document)
    {
        using var doc = JsonDocument.Parse(document.ToJsonString());
        return schema.Evaluate(doc.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });
    }

    private static string Errors(EvaluationResults results) =>
        string.Join("; ", (results.Details ?? []).Where(static d => d.Errors is not null).SelectMany(static d => d.Errors!.Select(e => d.InstanceLocation + ": " + e.Value)));

    [Theory]
    [InlineData(SeedScenarios.TT)]
    [InlineData(SeedScenarios.PG)]
    [InlineData(SeedScenarios.LS)]
    public async Task The_exported_schema_is_valid_draft_2020_12(string type)
    {
        var exported = JsonSchemaExporter.Export(await SchemaAsync(type));
        using var doc = JsonDocument.Parse(exported.ToJsonString());

        var results = MetaSchemas.Draft202012.Evaluate(doc.RootElement.Clone(), new EvaluationOptions { OutputFormat = OutputFormat.List });

        Assert.True(results.IsValid, Errors(results));
        Assert.Equal(JsonSchemaExporter.Dialect, exported["$schema"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(SeedScenarios.TT)]
    [InlineData(SeedScenarios.PG)]
    [InlineData(SeedScenarios.LS)]
    public async Task Required_is_exactly_the_mandatory_fields_and_every_field_is_a_property(string type)
    {
        var schema = await SchemaAsync(type);

        var exported = JsonSchemaExporter.Export(schema);

        Assert.Equal(schema.AllFields.Where(static f => f.Requirement == RequirementLevel.Mandatory).Select(static f => f.Key), exported["required"]!.AsArray().Select(static n => n!.GetValue<string>()));
        Assert.Equal(schema.AllFields.Select(static f => f.Key), exported["properties"]!.AsObject().Select(static p => p.Key));
    }

    [Theory]
    [InlineData(SeedScenarios.TT)]
    [InlineData(SeedScenarios.PG)]
    [InlineData(SeedScenarios.LS)]
    public async Task A_document_of_complete_validated_requirements_conforms_to_the_schema(string type)
    {
        var values = type switch
        {
            SeedScenarios.TT => SeedScenarios.TemperatureTransmitterComplete,
            SeedScenarios.PG => SeedScenarios.PressureGaugeComplete,
            _ => SeedScenarios.LevelSwitchComplete,
        };
        var report = await fixture.ValidateAsync(type, values);
        var compiled = Compile(JsonSchemaExporter.Export(await SchemaAsync(type)));

        var document = RequirementsDocument.From(report);
        var results = Evaluate(compiled, document);

        Assert.True(report.IsValid);
        Assert.True(results.IsValid, Errors(results));
    }

    [Theory]
    [InlineData("missing mandatory field", "remove:output_signal", false)]
    [InlineData("value not in the enum", "output_signal=\"0-10 V\"", false)]
    [InlineData("text for a number", "accuracy=\"0.1\"", false)]
    [InlineData("below absolute zero", "calibrated_range={\"min\":-300,\"max\":100}", false)]
    [InlineData("above the cited table span", "calibrated_range={\"min\":0,\"max\":2000}", false)]
    [InlineData("open-ended range", "ambient_temperature_range={\"max\":85}", true)]
    [InlineData("empty range", "ambient_temperature_range={}", false)]
    [InlineData("range with an extra key", "ambient_temperature_range={\"min\":0,\"max\":85,\"unit\":\"°C\"}", false)]
    [InlineData("unknown property", "colour=\"blue\"", false)]
    [InlineData("saturation outside NE 43", "saturation_limits={\"min\":3.6,\"max\":21}", false)]
    [InlineData("saturation inside NE 43", "saturation_limits={\"min\":3.8,\"max\":20.5}", true)]
    [InlineData("boolean as yes", "transient_protection=\"yes\"", false)]
    [InlineData("boolean", "transient_protection=true", true)]
    public async Task Sample_documents_are_accepted_or_refused_as_the_schema_says(string because, string change, bool valid)
    {
        var report = await fixture.ValidateAsync(SeedScenarios.TT, SeedScenarios.TemperatureTransmitterComplete);
        var document = RequirementsDocument.From(report);
        if (change.StartsWith("remove:", StringComparison.Ordinal))
        {
            document.Remove(change["remove:".Length..]);
        }
        else
        {
            var split = change.IndexOf('=', StringComparison.Ordinal);
            document[change[..split]] = JsonNode.Parse(change[(split + 1)..]);
        }

        var results = Evaluate(Compile(JsonSchemaExporter.Export(await SchemaAsync(SeedScenarios.TT))), document);

        Assert.True(valid == results.IsValid, because + ": " + Errors(results));
    }

    [Fact]
    public async Task Additional_properties_can_be_allowed()
    {
        var exported = JsonSchemaExporter.Export(await SchemaAsync(SeedScenarios.PG), new JsonSchemaExportOptions { AllowAdditionalProperties = true });
        var report = await fixture.ValidateAsync(SeedScenarios.PG, SeedScenarios.PressureGaugeComplete);
        var document = RequirementsDocument.From(report);
        document["colour"] = "black";

        Assert.True(Evaluate(Compile(exported), document).IsValid);
    }

    [Fact]
    public async Task Units_groups_requirements_conditions_and_cited_values_are_annotations()
    {
        var exported = JsonSchemaExporter.Export(await SchemaAsync(SeedScenarios.TT));
        var range = exported["properties"]!["calibrated_range"]!;
        var hazardous = exported["properties"]!["hazardous_area_certification"]!;

        Assert.Equal("°C", range["x-unit"]!.GetValue<string>());
        Assert.Equal(["°F", "K"], range["x-acceptedUnits"]!.AsArray().Select(static n => n!.GetValue<string>()));
        Assert.Equal("process_parameters", range["x-group"]!.GetValue<string>());
        Assert.Equal("mandatory", range["x-requirement"]!.GetValue<string>());
        Assert.Equal(-200, range["x-typicalRange"]!["min"]!.GetValue<double>());
        Assert.Equal(-270, range["properties"]!["min"]!["minimum"]!.GetValue<double>());
        Assert.Equal(1820, range["properties"]!["max"]!["maximum"]!.GetValue<double>());
        Assert.Contains(range["x-values"]!.AsArray(), static v => v!["label"]!.GetValue<string>() == "Pt100 curve range" && v["citations"]![0]!.GetValue<string>() == "IEC 60751:2022");
        Assert.Equal("conditional", hazardous["x-requirement"]!.GetValue<string>());
        Assert.Equal("the instrument is installed in a hazardous area", hazardous["x-condition"]!.GetValue<string>());
        Assert.Equal("Calibrated range", range["title"]!.GetValue<string>());
        Assert.False(string.IsNullOrWhiteSpace(range["description"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Conditional_cited_ranges_do_not_bound_every_value()
    {
        // "Pt100 curve range -200..850 °C" holds for Pt100 sensors only; a type K range up to 1200 °C must pass.
        var exported = JsonSchemaExporter.Export(await SchemaAsync(SeedScenarios.TT));
        var report = await fixture.ValidateAsync(SeedScenarios.TT, new(SeedScenarios.TemperatureTransmitterComplete) { ["sensor type"] = "Type K", ["range"] = "0-1200 °C", ["RTD wiring"] = "", ["CJC"] = "internal" });

        var results = Evaluate(Compile(exported), RequirementsDocument.From(report));

        Assert.True(report.IsValid, report.Summary);
        Assert.True(results.IsValid, Errors(results));
    }

    [Fact]
    public void Typical_ranges_become_limits_when_asked()
    {
        var schema = ValidationTestSchemas.TemperatureTransmitter();

        var strict = JsonSchemaExporter.Export(schema, new JsonSchemaExportOptions { TypicalRangeAsLimits = true });
        var lenient = JsonSchemaExporter.Export(schema);

        Assert.Equal(60, strict["properties"]!["damping"]!["maximum"]!.GetValue<double>());
        Assert.Null(lenient["properties"]!["damping"]!["maximum"]);
        Assert.Equal(0, lenient["properties"]!["damping"]!["minimum"]!.GetValue<double>());
    }
}
