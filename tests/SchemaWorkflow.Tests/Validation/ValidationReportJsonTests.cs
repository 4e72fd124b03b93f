using System.Text.Json;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Tests.Validation;

/// <summary>Reports serialize through source-generated metadata: camelCase, enums as strings, units unescaped.</summary>
public sealed class ValidationReportJsonTests
{
    [Fact]
    public void A_report_serializes_with_camel_case_names_string_enums_and_readable_units()
    {
        var report = RequirementsValidator.Validate(
            ValidationTestSchemas.TemperatureTransmitter(),
            RequirementSet.From(new Dictionary<string, string> { ["range"] = "32-302 °F", ["colour"] = "blue", ["IP rating"] = "IP44" }));

        var json = ValidationReportJson.Serialize(report);
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;

        Assert.Contains("°C", json, StringComparison.Ordinal);
        Assert.Equal("temperature_transmitter", root.GetProperty("productType").GetString());
        Assert.False(root.GetProperty("isValid").GetBoolean());
        var provided = root.GetProperty("provided")[0];
        Assert.Equal("calibrated_range", provided.GetProperty("field").GetString());
        Assert.Equal("Range", provided.GetProperty("value").GetProperty("kind").GetString());
        Assert.Equal(0, provided.GetProperty("value").GetProperty("range").GetProperty("min").GetDouble(), 9);
        Assert.Equal(150, provided.GetProperty("value").GetProperty("range").GetProperty("max").GetDouble(), 9);
        Assert.Equal("Synonym", provided.GetProperty("matchedBy").GetString());
        Assert.Equal("32-302 °F", provided.GetProperty("originalText").GetString());
        Assert.Equal("NotAllowedValue", root.GetProperty("invalid")[0].GetProperty("reason").GetString());
        Assert.Equal("colour", root.GetProperty("unrecognised")[0].GetProperty("name").GetString());
        Assert.Equal("Unknown", root.GetProperty("conditional")[0].GetProperty("status").GetString());
        Assert.False(root.GetProperty("invalid")[0].TryGetProperty("citation", out _));
    }

    [Fact]
    public void Compact_output_has_no_indentation()
    {
        var report = RequirementsValidator.Validate(ValidationTestSchemas.TemperatureTransmitter(), RequirementSet.Empty);

        Assert.DoesNotContain('\n', ValidationReportJson.Serialize(report, indented: false));
    }
}
