using System.Text.Json.Nodes;
using SchemaWorkflow.Export;
using SchemaWorkflow.Tests.Validation;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Tests.Export;

/// <summary>The shapes the replaced UI consumed, exactly.</summary>
public sealed class LegacyFormatTests
{
    private static readonly ProductSchema Schema = ValidationTestSchemas.TemperatureTransmitter();

    [Theory]
    [InlineData("output_signal", "outputSignal")]
    [InlineData("rtd_connection_wires", "rtdConnectionWires")]
    [InlineData("accuracy", "accuracy")]
    [InlineData("tag_number", "tagNumber")]
    [InlineData("max_load_resistance_2", "maxLoadResistance2")]
    public void Keys_become_camel_case(string key, string expected) => Assert.Equal(expected, LegacyFormat.CamelCase(key));

    [Fact]
    public void The_requirements_form_groups_fields_by_display_name_with_empty_strings()
    {
        var legacy = LegacyFormat.ToRequirements(Schema);

        Assert.Equal(
            """
            {
              "mandatory_requirements": {
                "Process parameters": {
                  "sensorInputType": "",
                  "calibratedRange": ""
                },
                "Performance": {
                  "accuracy": ""
                },
                "Electrical": {
                  "outputSignal": "",
                  "communicationProtocol": "",
                  "supplyVoltage": ""
                },
                "Mechanical": {
                  "housingMaterial": "",
                  "electricalConnection": ""
                },
                "Environmental": {
                  "ambientTemperatureRange": "",
                  "ingressProtection": ""
                }
              },
              "optional_requirements": {
                "Identification": {
                  "tagNumber": ""
                },
                "Process parameters": {
                  "toleranceClass": "",
                  "rtdConnectionWires": "",
                  "coldJunctionCompensation": ""
                },
                "Performance": {
                  "damping": ""
                },
                "Mechanical": {
                  "localDisplay": ""
                },
                "Compliance": {
                  "hazardousAreaCertification": "",
                  "functionalSafety": ""
                }
              }
            }
            """.ReplaceLineEndings("\n"),
            LegacyFormat.ToText(legacy).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void The_validation_answer_has_the_four_legacy_keys()
    {
        var report = RequirementsValidator.Validate(Schema, RequirementSet.From(new Dictionary<string, string>
        {
            ["outputSignal"] = "4-20mA HART", ["calibratedRange"] = "0-150 C", ["sensorInputType"] = "Pt100", ["ingressProtection"] = "IP44", ["localDisplay"] = "LCD",
        }));

        var answer = LegacyFormat.ToValidationAnswer(report, Schema);

        Assert.Equal(
            """
            {
              "provided_requirements": {
                "sensorInputType": "Pt100",
                "calibratedRange": "0..150 °C",
                "outputSignal": "4-20 mA HART",
                "localDisplay": "LCD"
              },
              "missing_fields": [
                "rtdConnectionWires",
                "accuracy",
                "communicationProtocol",
                "supplyVoltage",
                "housingMaterial",
                "electricalConnection",
                "ambientTemperatureRange",
                "ingressProtection"
              ],
              "optional_fields": [
                "tagNumber",
                "toleranceClass",
                "coldJunctionCompensation",
                "damping",
                "hazardousAreaCertification",
                "functionalSafety"
              ],
              "is_valid": false
            }
            """.ReplaceLineEndings("\n"),
            LegacyFormat.ToText(answer).ReplaceLineEndings("\n"));
    }

    [Fact]
    public void A_complete_answer_is_valid_with_no_missing_fields()
    {
        var values = LegacyFormat.ToRequirements(Schema)["mandatory_requirements"]!.AsObject()
            .SelectMany(static g => g.Value!.AsObject().Select(static f => f.Key))
            .ToDictionary(static k => k, static k => k switch
            {
                "sensorInputType" => "Type K",
                "calibratedRange" => "0-400 °C",
                "accuracy" => "±0.1 % of span",
                "outputSignal" => "4-20 mA",
                "communicationProtocol" => "none",
                "supplyVoltage" => "12-30 V DC",
                "housingMaterial" => "aluminium",
                "electricalConnection" => "M20x1.5",
                "ambientTemperatureRange" => "-40..85 °C",
                _ => "IP66",
            });
        values["cjc"] = "internal";

        var answer = LegacyFormat.ToValidationAnswer(RequirementsValidator.Validate(Schema, RequirementSet.From(values)), Schema);

        Assert.True(answer["is_valid"]!.GetValue<bool>());
        Assert.Empty(answer["missing_fields"]!.AsArray());
        Assert.Equal(11, answer["provided_requirements"]!.AsObject().Count);
    }

    [Fact]
    public void Every_export_format_writes_indented_json_with_readable_units()
    {
        foreach (var format in Enum.GetValues<SchemaExportFormat>())
        {
            var text = SchemaExporter.Export(Schema, format);

            Assert.NotNull(JsonNode.Parse(text));
            Assert.Contains("\n  ", text, StringComparison.Ordinal);
            if (format != SchemaExportFormat.Legacy)
            {
                Assert.Contains("°C", text, StringComparison.Ordinal);
            }
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => SchemaExporter.Export(Schema, (SchemaExportFormat)42));
    }

    [Fact]
    public void The_native_export_reads_back_as_the_same_schema()
    {
        var text = SchemaExporter.Export(Schema, SchemaExportFormat.Native);

        var read = System.Text.Json.JsonSerializer.Deserialize(text, SchemaWorkflow.Serialization.SchemaWorkflowJsonContext.Default.ProductSchema)!;

        Assert.Equal(Schema.AllFields.Select(static f => f.Key), read.AllFields.Select(static f => f.Key));
        Assert.Equal(Schema.Key, read.Key);
    }
}
