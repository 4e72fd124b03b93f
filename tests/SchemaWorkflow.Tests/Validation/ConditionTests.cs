using SchemaWorkflow.Validation;
using static SchemaWorkflow.Tests.Validation.ValidationFields;

namespace SchemaWorkflow.Tests.Validation;

/// <summary>Conditional fields: which conditions apply to the buyer's requirements, and why.</summary>
public sealed class ConditionTests
{
    private static readonly ProductSchema Schema = ValidationTestSchemas.TemperatureTransmitter();

    private static ConditionalRequirement Condition(ValidationReport report, string field) => report.Conditional.Single(c => c.Field == field);

    [Fact]
    public void An_rtd_needs_its_wiring_and_a_thermocouple_its_cold_junction()
    {
        var rtd = RequirementsValidator.Validate(Schema, RequirementSet.From(new Dictionary<string, string> { ["sensor"] = "Pt100" }));
        var tc = RequirementsValidator.Validate(Schema, RequirementSet.From(new Dictionary<string, string> { ["sensor"] = "type K", ["CJC"] = "internal" }));

        Assert.Equal(ConditionStatus.Applies, Condition(rtd, "rtd_connection_wires").Status);
        Assert.Equal("RTD connection wires is required because Sensor input type is Pt100, an RTD, and was not given.", Condition(rtd, "rtd_connection_wires").Message);
        Assert.Contains(rtd.Missing, static m => m.Field == "rtd_connection_wires" && m.Condition == "sensor_input_type is an RTD");
        Assert.Equal(ConditionStatus.DoesNotApply, Condition(rtd, "cold_junction_compensation").Status);
        Assert.Equal(ConditionStatus.DoesNotApply, Condition(tc, "rtd_connection_wires").Status);
        Assert.Equal(ConditionStatus.Applies, Condition(tc, "cold_junction_compensation").Status);
        Assert.Equal("Cold junction compensation is required because Sensor input type is Type K, a thermocouple; it was given.", Condition(tc, "cold_junction_compensation").Message);
        Assert.DoesNotContain(tc.Missing, static m => m.Requirement == RequirementLevel.Conditional);
    }

    [Fact]
    public void A_condition_on_a_field_not_given_is_unknown_and_not_missing()
    {
        var report = RequirementsValidator.Validate(Schema, RequirementSet.Empty);

        Assert.Equal("RTD connection wires is required when sensor_input_type is an RTD; it depends on Sensor input type, which was not given.", Condition(report, "rtd_connection_wires").Message);
        Assert.DoesNotContain(report.Missing, static m => m.Requirement == RequirementLevel.Conditional);
    }

    [Theory]
    [InlineData("Ex d IIC T6 Gb", ConditionStatus.Applies)]
    [InlineData("zone 1", ConditionStatus.Applies)]
    [InlineData("ATEX", ConditionStatus.Applies)]
    [InlineData("Class I Div 2", ConditionStatus.Applies)]
    [InlineData("safe area", ConditionStatus.DoesNotApply)]
    [InlineData("non-hazardous area", ConditionStatus.DoesNotApply)]
    [InlineData("IP66", ConditionStatus.Unknown)]
    public void A_hazardous_area_is_read_from_what_the_buyer_wrote(string text, ConditionStatus expected)
    {
        var report = RequirementsValidator.Validate(Schema, RequirementSet.FromText(text));

        Assert.Equal(expected, Condition(report, "hazardous_area_certification").Status);
    }

    [Fact]
    public void A_hazardous_area_named_elsewhere_makes_the_certification_missing()
    {
        var report = RequirementsValidator.Validate(Schema, RequirementSet.From(new Dictionary<string, string> { ["area classification"] = "Zone 1" }));

        var missing = Assert.Single(report.Missing, static m => m.Field == "hazardous_area_certification");
        Assert.Equal(
            "Hazardous area certification is required because 'area classification: Zone 1' indicates a hazardous area, and was not given; give one of None, Ex ia IIC T4 Ga, Ex db IIC T6 Gb, Ex ec IIC T4 Gc or Class I Div 1.",
            missing.Message);
    }

    [Theory]
    [InlineData("None")]
    [InlineData("N/A")]
    public void A_certification_given_as_none_means_the_area_is_not_hazardous(string value)
    {
        var report = RequirementsValidator.Validate(Schema, RequirementSet.From(new Dictionary<string, string> { ["hazardous area certification"] = value }));

        Assert.Equal(ConditionStatus.DoesNotApply, Condition(report, "hazardous_area_certification").Status);
        Assert.True(Condition(report, "hazardous_area_certification").Provided);
    }

    [Theory]
    [InlineData("0-600 °C", ConditionStatus.Applies)]
    [InlineData("0-300 °C", ConditionStatus.DoesNotApply)]
    [InlineData("32-1112 °F", ConditionStatus.Applies)]
    public void A_numeric_condition_compares_in_the_field_unit(string range, ConditionStatus expected)
    {
        var schema = WithField(Field("extension_neck", FieldDataType.Boolean, requirement: RequirementLevel.Conditional, condition: "calibrated_range above 400 °C", displayName: "Extension neck"));

        var report = RequirementsValidator.Validate(schema, RequirementSet.From(new Dictionary<string, string> { ["range"] = range }));

        Assert.Equal(expected, Condition(report, "extension_neck").Status);
    }

    [Theory]
    [InlineData("output_signal is one of FOUNDATION Fieldbus H1, PROFIBUS PA", "PROFIBUS PA", ConditionStatus.Applies)]
    [InlineData("output_signal is one of FOUNDATION Fieldbus H1, PROFIBUS PA", "4-20 mA", ConditionStatus.DoesNotApply)]
    [InlineData("output_signal is not 4-20 mA", "4-20 mA HART", ConditionStatus.Applies)]
    [InlineData("when the output signal is a fieldbus", "FOUNDATION Fieldbus H1", ConditionStatus.Applies)]
    [InlineData("local_display is given", "LCD", ConditionStatus.Applies)]
    [InlineData("the customer asks for it", "LCD", ConditionStatus.Unknown)]
    public void Condition_forms_are_read_as_well_as_they_can_be(string condition, string output, ConditionStatus expected)
    {
        var schema = WithField(Field("bus_address", FieldDataType.Text, requirement: RequirementLevel.Conditional, condition: condition, displayName: "Bus address"));

        var report = RequirementsValidator.Validate(schema, RequirementSet.From(new Dictionary<string, string> { ["output"] = output, ["display"] = "LCD" }));

        Assert.Equal(expected, Condition(report, "bus_address").Status);
    }

    private static ProductSchema WithField(SchemaField field) => Schema with
    {
        Groups = Schema.Groups.Select(g => g.Key == FieldGroups.Electrical ? g with { Fields = [.. g.Fields, field with { Group = FieldGroups.Electrical }] } : g).ToList(),
    };
}
