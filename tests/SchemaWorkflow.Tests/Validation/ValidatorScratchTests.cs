using SchemaWorkflow.Validation;
using Xunit.Abstractions;

namespace SchemaWorkflow.Tests.Validation;

public sealed class ValidatorScratchTests(ITestOutputHelper output)
{
    [Fact]
    public void Scratch()
    {
        var schema = ValidationTestSchemas.TemperatureTransmitter(withStandards: true);
        var report = RequirementsValidator.Validate(schema, RequirementSet.FromText("4-20mA HART, 0-150 °C, ±0.1 % of span, IP66/67, Ex d IIC T6 Gb, 1/2\" NPT, 316L"));
        output.WriteLine(ValidationReportJson.Serialize(report));
        report = RequirementsValidator.Validate(schema, RequirementSet.From(new Dictionary<string, string> { ["output"] = "4-20mA HART", ["Output signal"] = "4..20 mA HART", ["signal output"] = "4-20 mA HART", ["outputSignal"] = "HART", ["range"] = "0-150 C", ["colr"] = "blue", ["sensor"] = "Pt100", ["sensor class"] = "AA" }, "ambient -40..85 °C, supply 24 V DC, tag TT-101"));
        output.WriteLine(ValidationReportJson.Serialize(report));
    }
}
