using SchemaWorkflow.Catalog;
using SchemaWorkflow.Enrichment;
using SchemaWorkflow.Execution;
using SchemaWorkflow.Standards;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Tests.Validation;

/// <summary>
/// The IEC 60751 class validity ranges reach the built-in RTD schemas as typed ranges, so the class check fires on the
/// shipped catalog and knowledge base, not only on a hand-built schema.
/// </summary>
public sealed class BuiltInClassValidityTests
{
    private const string FactId = "iec60751.class_validity_ranges";

    private static readonly Lazy<Task<ProductSchema>> RtdSensor = new(() => EnrichAsync("rtd_sensor"));
    private static readonly Lazy<Task<ProductSchema>> SensorAssembly = new(() => EnrichAsync("temperature_sensor_assembly"));

    private static async Task<ProductSchema> EnrichAsync(string key)
    {
        var schema = new CatalogSchemaGenerator(new InstrumentCatalog()).Generate(ProductTypeKey.Parse(key));
        var outcome = await new StandardsSchemaEnricher(StandardsKnowledgeBase.Embedded)
            .EnrichAsync(schema, new EnrichmentContext { Strategy = SequentialExecutionStrategy.Instance });
        return outcome.Schema;
    }

    private static async Task<ValidationReport> ValidateAsync(Lazy<Task<ProductSchema>> schema, Dictionary<string, string> values) =>
        RequirementsValidator.Validate(await schema.Value, RequirementSet.From(values));

    [Fact]
    public async Task Enrichment_gives_the_rtd_measuring_range_a_typed_validity_range_per_class()
    {
        var field = (await RtdSensor.Value).FindField("measuring_range")!;

        var ranges = field.Values
            .Where(static v => v.Kind == FieldValueKind.Range && v.Citations.Any(static c => c.FactId == FactId))
            .ToDictionary(static v => v.Label!, static v => (v.Range!.Min, v.Range.Max, v.Range.Unit));

        Assert.Equal((-50d, 250d, "°C"), ranges["class AA validity range (widest construction)"]);
        Assert.Equal((0d, 150d, "°C"), ranges["class AA validity range (thin-film)"]);
        Assert.Equal((-100d, 450d, "°C"), ranges["class A validity range (widest construction)"]);
        Assert.Equal((-30d, 300d, "°C"), ranges["class A validity range (thin-film)"]);
        Assert.Equal((-196d, 600d, "°C"), ranges["class B validity range (widest construction)"]);
        Assert.Equal((-50d, 500d, "°C"), ranges["class B validity range (thin-film)"]);
    }

    [Fact]
    public async Task A_class_AA_rtd_sensor_measuring_beyond_its_validity_range_conflicts_with_IEC_60751()
    {
        var report = await ValidateAsync(RtdSensor, new() { ["element_type"] = "Pt100", ["tolerance_class"] = "AA", ["measuring_range"] = "0-400 °C" });

        var conflict = Assert.Single(report.Invalid);
        Assert.Equal("measuring_range", conflict.Field);
        Assert.Equal(InvalidReason.ConflictsWithStandard, conflict.Reason);
        Assert.Equal(FactId, conflict.Citation?.FactId);
        Assert.Equal("Measuring range 0..400 °C goes beyond -50..250 °C, the class AA validity range (widest construction) in IEC 60751:2008.", conflict.Message);
        Assert.DoesNotContain(report.Provided, static p => p.Field == "measuring_range");
    }

    [Fact]
    public async Task The_check_fires_on_the_built_in_temperature_sensor_assembly_too()
    {
        var report = await ValidateAsync(SensorAssembly, new() { ["element_type"] = "Pt100", ["tolerance_class"] = "AA", ["measuring_range"] = "0-400 °C" });

        var conflict = Assert.Single(report.Invalid, static i => i.Field == "measuring_range");
        Assert.Equal(InvalidReason.ConflictsWithStandard, conflict.Reason);
        Assert.Equal(FactId, conflict.Citation?.FactId);
    }

    [Theory]
    [InlineData("AA", null, "0-200 °C", null)]
    [InlineData("AA", "Wire-wound", "0-200 °C", null)]
    [InlineData("AA", "Thin-film", "0-200 °C", "0..150 °C")]
    [InlineData("AA", "Thin-film", "0-100 °C", null)]
    [InlineData("A", null, "0-400 °C", null)]
    [InlineData("A", "Thin-film", "0-400 °C", "-30..300 °C")]
    [InlineData("B", null, "-200..100 °C", "-196..600 °C")]
    [InlineData("AA", null, "32-572 °F", "-50..250 °C")]
    public async Task The_range_of_the_class_and_construction_given_is_the_one_checked(string tolerance, string? construction, string range, string? brokenRange)
    {
        var values = new Dictionary<string, string> { ["tolerance_class"] = tolerance, ["measuring_range"] = range };
        if (construction is not null)
        {
            values["rtd_element_construction"] = construction;
        }

        var report = await ValidateAsync(RtdSensor, values);

        if (brokenRange is null)
        {
            Assert.DoesNotContain(report.Invalid, static i => i.Field == "measuring_range");
            Assert.Contains(report.Provided, static p => p.Field == "measuring_range");
        }
        else
        {
            var conflict = Assert.Single(report.Invalid, static i => i.Field == "measuring_range");
            Assert.Equal(InvalidReason.ConflictsWithStandard, conflict.Reason);
            Assert.Contains($"goes beyond {brokenRange}, the class {tolerance} validity range", conflict.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Without_a_tolerance_class_no_class_range_is_applied()
    {
        var report = await ValidateAsync(RtdSensor, new() { ["element_type"] = "Pt100", ["measuring_range"] = "0-700 °C" });

        Assert.DoesNotContain(report.Invalid, static i => i.Field == "measuring_range");
    }

    [Fact]
    public async Task A_temperature_transmitter_has_no_class_field_so_no_class_range_binds_its_calibrated_range()
    {
        var schema = await EnrichAsync("temperature_transmitter");

        Assert.Null(schema.FindField("tolerance_class"));
        Assert.DoesNotContain(schema.FindField("calibrated_range")!.Values, static v => v.Citations.Any(static c => c.FactId == FactId));
        var report = RequirementsValidator.Validate(schema, RequirementSet.From(new Dictionary<string, string> { ["sensor_input_type"] = "Pt100", ["calibrated_range"] = "0-400 °C" }));
        Assert.DoesNotContain(report.Invalid, static i => i.Field == "calibrated_range");
    }
}
