using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Tests.Validation;

/// <summary>Names in any form a buyer writes land on the right field, and say how they matched.</summary>
public sealed class NameResolutionTests(SeedSchemaFixture fixture) : IClassFixture<SeedSchemaFixture>
{
    [Theory]
    [InlineData("output", MatchedBy.Synonym)]
    [InlineData("Output signal", MatchedBy.DisplayName)]
    [InlineData("outputSignal", MatchedBy.FieldKey)]
    [InlineData("signal output", MatchedBy.WordOrder)]
    [InlineData("OUTPUT_SIGNAL", MatchedBy.FieldKey)]
    [InlineData("output-signal", MatchedBy.FieldKey)]
    [InlineData("Output Signals", MatchedBy.FieldKey)]
    [InlineData("ouput signal", MatchedBy.CloseSpelling)]
    [InlineData("the output signal", MatchedBy.FieldKey)]
    public async Task Every_form_of_a_name_lands_on_output_signal(string name, MatchedBy expected)
    {
        var report = await fixture.ValidateAsync(SeedScenarios.TT, new() { [name] = "4-20mA HART" });

        var provided = Assert.Single(report.Provided);
        Assert.Equal("output_signal", provided.Field);
        Assert.Equal("4-20 mA HART", provided.Value.Display);
        Assert.Equal(name, provided.OriginalName);
        Assert.Equal("4-20mA HART", provided.OriginalText);
        Assert.Equal(expected, provided.MatchedBy);
    }

    [Theory]
    [InlineData("IP rating", "ingress_protection")]
    [InlineData("ingressProtection", "ingress_protection")]
    [InlineData("degree of protection", "ingress_protection")]
    [InlineData("CJC", "cold_junction_compensation")]
    [InlineData("LRV/URV", "calibrated_range")]
    [InlineData("Tag no", "tag_number")]
    [InlineData("supply", "supply_voltage")]
    public async Task Synonyms_and_abbreviations_resolve(string name, string field)
    {
        var value = field switch
        {
            "ingress_protection" => "IP66",
            "cold_junction_compensation" => "internal",
            "calibrated_range" => "0-100 °C",
            "tag_number" => "TT-100",
            _ => "24 V DC",
        };

        var report = await fixture.ValidateAsync(SeedScenarios.TT, new() { [name] = value });

        Assert.Equal(field, Assert.Single(report.Provided).Field);
    }

    [Fact]
    public async Task An_unknown_name_is_reported_with_the_closest_fields()
    {
        var report = await fixture.ValidateAsync(SeedScenarios.TT, new() { ["housing materal colour"] = "grey", ["ambient temprature"] = "-20..60 °C" });

        Assert.Equal("ambient_temperature_range", Assert.Single(report.Provided).Field);
        var unknown = Assert.Single(report.Unrecognised);
        Assert.Equal("housing materal colour", unknown.Name);
        Assert.Equal("grey", unknown.Value);
        Assert.Equal("housing_material", unknown.Suggestions[0].Field);
        Assert.StartsWith("'housing materal colour' is not a field of a temperature transmitter. Did you mean Housing material", unknown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_name_that_is_part_of_several_fields_is_decided_by_its_value()
    {
        var decided = await fixture.ValidateAsync(SeedScenarios.LS, new() { ["approval"] = "WHG" });
        var undecided = await fixture.ValidateAsync(SeedScenarios.LS, new() { ["approval"] = "none" });

        var provided = Assert.Single(decided.Provided);
        Assert.Equal("overfill_prevention_approval", provided.Field);
        Assert.Equal(MatchedBy.PartialName, provided.MatchedBy);
        var unknown = Assert.Single(undecided.Unrecognised);
        Assert.Equal("'approval' could be Hazardous area certification, Overfill prevention approval or Hygienic approval of a level switch; use the full field name.", unknown.Message);
        Assert.Equal(["hazardous_area_certification", "overfill_prevention_approval", "hygienic_approval"], unknown.Suggestions.Select(static s => s.Field));
    }

    [Fact]
    public async Task The_same_field_given_twice_with_one_value_is_one_entry_and_with_two_values_is_a_conflict()
    {
        var same = await fixture.ValidateAsync(SeedScenarios.TT, new() { ["output"] = "4-20mA HART", ["Output signal"] = "4..20 mA HART" });
        var different = await fixture.ValidateAsync(SeedScenarios.TT, new() { ["output"] = "4-20mA HART", ["Output signal"] = "PROFIBUS PA" });

        var provided = Assert.Single(same.Provided);
        Assert.Equal(["Also given as '4..20 mA HART'."], provided.Notes);
        Assert.Empty(different.Provided);
        var conflict = Assert.Single(different.Invalid);
        Assert.Equal(InvalidReason.ConflictingValues, conflict.Reason);
        Assert.Equal("Output signal was given twice with different values: '4-20mA HART' (4-20 mA HART) and 'PROFIBUS PA' (PROFIBUS PA); keep one.", conflict.Message);
        Assert.DoesNotContain(different.Missing, static m => m.Field == "output_signal");
    }
}
