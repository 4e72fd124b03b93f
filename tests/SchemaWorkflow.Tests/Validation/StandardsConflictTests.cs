using SchemaWorkflow.Validation;
using static SchemaWorkflow.Tests.Validation.ValidationFields;

namespace SchemaWorkflow.Tests.Validation;

/// <summary>Values that conflict with a cited standards fact the schema carries are invalid, with the citation.</summary>
public sealed class StandardsConflictTests
{
    private static readonly ProductSchema Enriched = ValidationTestSchemas.TemperatureTransmitter(withStandards: true);

    private static ValidationReport Validate(ProductSchema schema, Dictionary<string, string> values) =>
        RequirementsValidator.Validate(schema, RequirementSet.From(values));

    [Fact]
    public void A_class_AA_pt100_above_its_validity_range_conflicts_with_IEC_60751()
    {
        var report = Validate(Enriched, new() { ["sensor"] = "Pt100", ["sensor class"] = "AA", ["range"] = "0-400 °C" });

        var conflict = Assert.Single(report.Invalid);
        Assert.Equal("calibrated_range", conflict.Field);
        Assert.Equal(InvalidReason.ConflictsWithStandard, conflict.Reason);
        Assert.Equal("Calibrated range 0..400 °C goes beyond -50..250 °C, the class AA validity range (wire-wound) in IEC 60751:2022 Table 3.", conflict.Message);
        Assert.Equal(ValidationTestSchemas.Iec60751, conflict.Citation);
        Assert.Equal("0-400 °C", conflict.Value);
        Assert.Equal("range", conflict.OriginalName);
        Assert.DoesNotContain(report.Provided, static p => p.Field == "calibrated_range");
        Assert.DoesNotContain(report.Missing, static p => p.Field == "calibrated_range");
    }

    [Theory]
    [InlineData("A", "0-400 °C")]
    [InlineData("AA", "0-200 °C")]
    [InlineData("AA", "32-482 °F")]
    public void A_range_inside_the_validity_of_the_class_given_is_accepted(string tolerance, string range)
    {
        var report = Validate(Enriched, new() { ["sensor class"] = tolerance, ["range"] = range });

        Assert.Empty(report.Invalid);
        Assert.Contains(report.Provided, static p => p.Field == "calibrated_range");
    }

    [Fact]
    public void A_class_fact_does_not_bind_when_the_class_is_not_given()
    {
        var report = Validate(Enriched, new() { ["range"] = "0-400 °C" });

        Assert.Empty(report.Invalid);
    }

    [Fact]
    public void A_unit_converted_value_is_checked_in_the_fact_unit()
    {
        var report = Validate(Enriched, new() { ["sensor class"] = "AA", ["range"] = "32-572 °F" });

        Assert.Equal("Calibrated range 0..300 °C goes beyond -50..250 °C, the class AA validity range (wire-wound) in IEC 60751:2022 Table 3.", Assert.Single(report.Invalid).Message);
    }

    [Theory]
    [InlineData("4-20 mA HART", "200 Ω", true)]
    [InlineData("4-20 mA HART", "300 Ω", false)]
    [InlineData("PROFIBUS PA", "200 Ω", false)]
    [InlineData(null, "200 Ω", false)]
    public void A_limit_whose_label_names_a_protocol_binds_only_that_protocol(string? output, string load, bool conflicts)
    {
        var hart = new Citation { Source = "IEC 61784-1 CPF 9" };
        var schema = WithElectrical(Field("max_load_resistance", FieldDataType.Number, "Ω", displayName: "Maximum load resistance", values:
            [new FieldValue { Kind = FieldValueKind.Limit, Number = 250, Unit = "Ω", Label = "loop resistance for HART, at least", Citations = [hart] }]));
        var values = new Dictionary<string, string> { ["maximum load resistance"] = load };
        if (output is not null)
        {
            values["output"] = output;
        }

        var report = Validate(schema, values);

        if (conflicts)
        {
            Assert.Equal("Maximum load resistance 200 Ω is below 250 Ω, the loop resistance for HART, at least in IEC 61784-1 CPF 9.", Assert.Single(report.Invalid).Message);
        }
        else
        {
            Assert.Empty(report.Invalid);
        }
    }

    [Theory]
    [InlineData("upper saturation limit", "3.8-21 mA", true)]
    [InlineData("lower saturation limit", "3.6-20.5 mA", true)]
    [InlineData("upper saturation limit", "3.8-20.5 mA", false)]
    [InlineData("saturation current, typical", "3.8-21 mA", false)]
    public void A_limit_reads_its_direction_from_its_label(string label, string value, bool conflicts)
    {
        var limit = label.StartsWith("lower", StringComparison.Ordinal) ? 3.8 : 20.5;
        var schema = WithElectrical(Field("saturation_limits", FieldDataType.Range, "mA", displayName: "Saturation limits", values:
            [new FieldValue { Kind = FieldValueKind.Limit, Number = limit, Unit = "mA", Label = label, Citations = [new Citation { Source = "NAMUR NE 43" }] }]));

        var report = Validate(schema, new() { ["saturation limits"] = value });

        Assert.Equal(conflicts, report.Invalid.Count == 1);
    }

    [Fact]
    public void Allowed_value_facts_from_several_standards_do_not_narrow_the_field()
    {
        var current = new FieldValue { Kind = FieldValueKind.AllowedValues, AllowedValues = ["4-20 mA", "4-20 mA HART"], Label = "IEC 60381-1 current signal", Citations = [new Citation { Source = "IEC 60381-1" }] };
        var schema = Enriched with
        {
            Groups = Enriched.Groups.Select(g => g with { Fields = g.Fields.Select(f => f.Key == "output_signal" ? f with { Values = [current] } : f).ToList() }).ToList(),
        };

        var report = Validate(schema, new() { ["output"] = "PROFIBUS PA" });

        Assert.Empty(report.Invalid);
    }

    private static ProductSchema WithElectrical(SchemaField field) => Enriched with
    {
        Groups = Enriched.Groups.Select(g => g.Key == FieldGroups.Electrical ? g with { Fields = [.. g.Fields, field with { Group = FieldGroups.Electrical }] } : g).ToList(),
    };
}
