using SchemaWorkflow.Catalog;
using SchemaWorkflow.Enrichment;
using SchemaWorkflow.Execution;
using SchemaWorkflow.Standards;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Tests.Catalog;

/// <summary>Fields that hold a quantity are numbers with a unit, not rating lists or units written into the name.</summary>
public sealed class CatalogUnitFieldTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    [Theory]
    [InlineData("control_valve", "noise_level", "dB", "Noise level")]
    [InlineData("temperature_sensor_assembly", "fluid_velocity", "m/s", "Fluid velocity")]
    [InlineData("thermowell", "fluid_velocity", "m/s", "Fluid velocity")]
    [InlineData("junction_box", "conductor_size", "mm²", "Terminal size")]
    [InlineData("cable_connector", "current_rating", "A", "Current rating")]
    [InlineData("power_supply", "output_current", "A", "Output current")]
    [InlineData("variable_frequency_drive", "motor_power", "kW", "Motor power")]
    [InlineData("variable_frequency_drive", "rated_current", "A", "Rated output current")]
    public void A_quantity_field_is_a_number_with_its_unit(string cls, string key, string unit, string displayName)
    {
        var field = fixture.Generator.Generate(ProductTypeKey.Parse(cls)).FindField(key);

        Assert.NotNull(field);
        Assert.Equal(FieldDataType.Number, field.DataType);
        Assert.Equal(unit, field.Unit);
        Assert.Empty(field.AllowedValues);
        Assert.Equal(displayName, field.DisplayName);
        Assert.True(field.TypicalRange is null || field.TypicalRange.Unit == unit);
    }

    [Fact]
    public void No_catalog_field_writes_its_unit_into_its_display_name()
    {
        foreach (var cls in fixture.Catalog.Classes)
        {
            foreach (var field in fixture.Generator.Generate(cls.Key).AllFields.Where(static f => f.Unit is not null))
            {
                Assert.DoesNotContain($"({field.Unit})", field.DisplayName, StringComparison.Ordinal);
            }
        }
    }

    [Theory]
    [InlineData("2.5 mm2", "2.5 mm²")]
    [InlineData("800 W", "0.8 kW")]
    public void A_catalog_quantity_field_reads_a_value_in_another_spelling(string input, string display)
    {
        var key = display.EndsWith("kW", StringComparison.Ordinal) ? "motor_power" : "conductor_size";
        var cls = key == "motor_power" ? "variable_frequency_drive" : "junction_box";
        var field = fixture.Generator.Generate(ProductTypeKey.Parse(cls)).FindField(key)!;

        var result = ValueParser.Parse(field, input);

        Assert.True(result.Success, result.Message);
        Assert.Equal(display, result.Value!.Display);
    }

    [Fact]
    public async Task The_valve_noise_limit_still_binds_the_noise_level_now_that_it_has_a_unit()
    {
        var schema = fixture.Generator.Generate(ProductTypeKey.Parse("control_valve"));
        var enriched = (await new StandardsSchemaEnricher(StandardsKnowledgeBase.Embedded)
            .EnrichAsync(schema, new EnrichmentContext { Strategy = SequentialExecutionStrategy.Instance })).Schema;

        var limit = Assert.Single(enriched.FindField("noise_level")!.Values, static v => v.Kind == FieldValueKind.Limit);
        Assert.Equal(85, limit.Number);
        Assert.Equal("dB", limit.Unit);

        var loud = RequirementsValidator.Validate(enriched, RequirementSet.From(new Dictionary<string, string> { ["noise level"] = "92 dB(A)" }));
        var conflict = Assert.Single(loud.Invalid, static i => i.Field == "noise_level");
        Assert.Equal(InvalidReason.ConflictsWithStandard, conflict.Reason);

        var quiet = RequirementsValidator.Validate(enriched, RequirementSet.From(new Dictionary<string, string> { ["noise level"] = "80 dB(A)" }));
        Assert.DoesNotContain(quiet.Invalid, static i => i.Field == "noise_level");
        Assert.Contains(quiet.Provided, static p => p.Field == "noise_level" && p.Value.Number == 80);
    }
}
