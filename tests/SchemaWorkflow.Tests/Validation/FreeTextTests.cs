using SchemaWorkflow.Validation;
using SchemaWorkflow.Validation.Internal;

namespace SchemaWorkflow.Tests.Validation;

/// <summary>Free text is split into segments, each routed to the field its value fits, explainably.</summary>
public sealed class FreeTextTests
{
    private static readonly ProductSchema Schema = ValidationTestSchemas.TemperatureTransmitter();

    [Theory]
    [InlineData("4-20mA HART, 0-150 °C, IP66/67", new[] { "4-20mA HART", "0-150 °C", "IP66/67" })]
    [InlineData("0,5..99,5 °C; 1,000 psi", new[] { "0,5..99,5 °C", "1,000 psi" })]
    [InlineData("- Pt100\n- 0-150 °C\r\n* IP66", new[] { "Pt100", "0-150 °C", "IP66" })]
    [InlineData("-40..85 °C | 24 V DC • M20x1.5", new[] { "-40..85 °C", "24 V DC", "M20x1.5" })]
    [InlineData("Aluminium housing. SS 316L / IP66", new[] { "Aluminium housing. SS 316L", "IP66" })]
    [InlineData("  ,, ;  ", new string[0])]
    public void Free_text_splits_at_list_separators_but_not_inside_numbers(string text, string[] segments) =>
        Assert.Equal(segments, FreeTextSplitter.Split(text));

    [Fact]
    public void The_example_line_is_routed_field_by_field()
    {
        var report = RequirementsValidator.Validate(Schema, RequirementSet.FromText("4-20mA HART, 0-150 °C, ±0.1 % of span, IP66/67, Ex d IIC T6 Gb, 1/2\" NPT, 316L"));

        Assert.Equal(
            [
                "calibrated_range = 0..150 °C",
                "accuracy = ±0.1 % of span",
                "output_signal = 4-20 mA HART",
                "housing_material = SS 316L",
                "electrical_connection = 1/2\" NPT",
                "ingress_protection = IP66/IP67",
                "hazardous_area_certification = Ex db IIC T6 Gb",
            ],
            report.Provided.Select(static p => p.Field + " = " + p.Value.Display));
        Assert.All(report.Provided, static p => Assert.Equal(MatchedBy.ValuePattern, p.MatchedBy));
        Assert.All(report.Provided, static p => Assert.Null(p.OriginalName));
        Assert.Empty(report.Unrecognised);
    }

    [Fact]
    public void Words_left_over_from_one_value_fill_another_field()
    {
        var report = RequirementsValidator.Validate(Schema, RequirementSet.FromText("1/2\" NPT 316L"));

        Assert.Equal(["housing_material = SS 316L", "electrical_connection = 1/2\" NPT"], report.Provided.Select(static p => p.Field + " = " + p.Value.Display));
        var implied = report.Provided.Single(static p => p.Field == "housing_material");
        Assert.Equal(MatchedBy.Implied, implied.MatchedBy);
        Assert.Equal(["Implied by '1/2\" NPT 316L', given for Electrical connection."], implied.Notes);
    }

    [Fact]
    public void Name_value_lines_in_free_text_are_read_as_named_entries()
    {
        var report = RequirementsValidator.Validate(Schema, RequirementSet.FromText("Output: 4-20 mA HART\nRange = 0-150 °C\nSupply 24 V DC"));

        Assert.Equal(
            ["calibrated_range = 0..150 °C [Synonym, Range]", "output_signal = 4-20 mA HART [Synonym, Output]", "supply_voltage = 24..24 V DC [Synonym, Supply]"],
            report.Provided.Select(static p => $"{p.Field} = {p.Value.Display} [{p.MatchedBy}, {p.OriginalName}]"));
    }

    [Fact]
    public void Words_in_a_segment_steer_it_to_the_field_they_name()
    {
        var report = RequirementsValidator.Validate(Schema, RequirementSet.FromText("ambient -40..85 °C, 0-200 °C"));

        Assert.Equal(["calibrated_range = 0..200 °C", "ambient_temperature_range = -40..85 °C"], report.Provided.Select(static p => p.Field + " = " + p.Value.Display));
    }

    [Fact]
    public void A_second_value_of_the_same_kind_goes_to_the_next_free_field_with_a_note()
    {
        var report = RequirementsValidator.Validate(Schema, RequirementSet.From(new Dictionary<string, string> { ["range"] = "0-150 °C" }, "-40..85 °C"));

        var ambient = report.Provided.Single(static p => p.Field == "ambient_temperature_range");
        Assert.Equal(["Read as Ambient temperature range because Calibrated range was already given; name the field to be sure."], ambient.Notes);
    }

    [Fact]
    public void Text_that_repeats_a_named_value_is_not_a_conflict_but_text_that_contradicts_it_is()
    {
        var repeated = RequirementsValidator.Validate(Schema, RequirementSet.From(new Dictionary<string, string> { ["output"] = "4-20 mA" }, "4..20 mA"));
        var contradicted = RequirementsValidator.Validate(Schema, RequirementSet.From(new Dictionary<string, string> { ["output"] = "4-20 mA" }, "FOUNDATION Fieldbus H1"));

        Assert.Empty(repeated.Invalid);
        Assert.Equal("output_signal", Assert.Single(repeated.Provided).Field);
        var conflict = Assert.Single(contradicted.Invalid);
        Assert.Equal(InvalidReason.ConflictingValues, conflict.Reason);
        Assert.Equal("'FOUNDATION Fieldbus H1' in the text conflicts with Output signal 4-20 mA (given as '4-20 mA'); keep one.", conflict.Message);
    }

    [Fact]
    public void A_segment_no_field_fits_is_unrecognised_with_a_reason()
    {
        var report = RequirementsValidator.Validate(Schema, RequirementSet.FromText("0-10 bar, painted blue, aluminum"));

        Assert.Equal("housing_material = Aluminium", Assert.Single(report.Provided).Field + " = " + report.Provided[0].Value.Display);
        Assert.Equal(
            [
                "'0-10 bar' is a pressure, and a temperature transmitter has no field for a pressure.",
                "Could not tell which field of a temperature transmitter 'painted blue' is for; give it as name=value.",
            ],
            report.Unrecognised.Select(static u => u.Message));
    }

    [Fact]
    public void A_name_value_segment_with_an_unknown_name_is_reported_as_an_unknown_name()
    {
        var report = RequirementsValidator.Validate(Schema, RequirementSet.FromText("colour: blue, IP: 66"));

        var unknown = Assert.Single(report.Unrecognised);
        Assert.Equal("colour", unknown.Name);
        Assert.Equal("blue", unknown.Value);
        Assert.Equal("'colour' is not a field of a temperature transmitter. Check the name against the schema's fields.", unknown.Message);
    }

    [Fact]
    public void An_out_of_range_segment_is_reported_against_the_field_it_belongs_to()
    {
        var report = RequirementsValidator.Validate(Schema, RequirementSet.FromText("150..0 °C"));

        var invalid = Assert.Single(report.Invalid);
        Assert.Equal("calibrated_range", invalid.Field);
        Assert.Equal(InvalidReason.ReversedRange, invalid.Reason);
    }

    [Fact]
    public void More_than_a_hundred_segments_are_read_up_to_the_limit_and_the_rest_reported()
    {
        var text = string.Join(", ", Enumerable.Range(1, 150).Select(static i => "x" + i));

        var report = RequirementsValidator.Validate(Schema, RequirementSet.FromText(text));

        Assert.Empty(report.Provided);
        Assert.Empty(report.Invalid);
        Assert.Equal(101, report.Unrecognised.Count);
        Assert.Equal("The free text has 150 parts; only the first 100 were read. Pass the requirements of one product.", report.Unrecognised[^1].Message);
    }
}
