using SchemaWorkflow.Validation;
using Xunit.Abstractions;

namespace SchemaWorkflow.Tests.Validation;

public sealed class ValidatorScratchTests(ITestOutputHelper output) : IClassFixture<SeedSchemaFixture>
{
    [Fact]
    public async Task Scratch()
    {
        var f = new SeedSchemaFixture();
        async Task Show(string title, string type, Dictionary<string, string>? v = null, string? t = null)
        {
            var r = await f.ValidateAsync(type, v, t);
            output.WriteLine("### " + title);
            output.WriteLine(SeedSchemaFixture.Render(r));
            foreach (var i in r.Invalid) output.WriteLine("   msg: " + i.Message);
            foreach (var u in r.Unrecognised) output.WriteLine("   msg: " + u.Message);
            foreach (var p in r.Provided.Where(p => p.Notes.Count > 0)) output.WriteLine($"   note {p.Field}: " + string.Join(" | ", p.Notes));
            output.WriteLine(r.Summary);
        }

        await Show("TT complete", "Temperature Transmitter", new()
        {
            ["sensor type"] = "Pt100", ["RTD wiring"] = "3 wire", ["range"] = "0-150 C", ["accuracy"] = "±0.1 °C",
            ["ambientTemperatureEffect"] = "0.0015 °C/°C", ["stability"] = "0.1 % of reading", ["output"] = "4-20mA HART",
            ["protocol"] = "HART 7", ["failure mode"] = "downscale", ["Supply voltage"] = "10.5-42.4 V DC", ["mounting"] = "head mount",
            ["housingMaterial"] = "316L", ["cable entry"] = "M20x1.5", ["ambient temperature"] = "-40 to 85 degC", ["IP rating"] = "IP66/67",
            ["EMC"] = "IEC 61326-1 and NE 21",
        });
        await Show("TT free text", "Temperature Transmitter", null, "4-20mA HART, 0-150 °C, ±0.1 % of span, IP66/67, Ex d IIC T6 Gb, 1/2\" NPT, 316L");
        await Show("TT invalid", "Temperature Transmitter", new()
        {
            ["output_signal"] = "0-10 V", ["range"] = "0-10 bar", ["supply"] = "230 V AC", ["ambient temperature"] = "85..-40 °C", ["IP rating"] = "IP44",
            ["saturation limits"] = "3.6-21 mA", ["sensor type"] = "Type K", ["calibrated range"] = "-300..100 °C", ["damping"] = "TBD",
        });
        await Show("TT unknown", "Temperature Transmitter", new() { ["colour"] = "blue", ["weight"] = "2 kg", ["sensr typ"] = "Pt100", ["outputSignal"] = "4..20 mA" });
        await Show("PG complete", "Pressure Gauge", new()
        {
            ["pressure type"] = "gauge", ["range"] = "0-10 bar", ["unit"] = "bar", ["overpressure limit"] = "1.3 x FSV", ["medium temperature"] = "60 °C",
            ["class"] = "1.6", ["dial size"] = "100 mm", ["element"] = "Bourdon tube", ["element material"] = "316L", ["socket material"] = "SS 316L",
            ["connection"] = "G1/2B", ["connection location"] = "bottom", ["mounting"] = "stem", ["case material"] = "SS 304", ["window"] = "safety glass",
            ["filling"] = "glycerine", ["safety pattern"] = "S3", ["ambient temperature"] = "-20..60 °C", ["IP rating"] = "IP65", ["standard"] = "EN 837-1",
        });
        await Show("PG free text", "Pressure Gauge", null, "0-10 bar, class 1.6, NS 100, G 1/2 B, glycerine filled, SS316 case, IP65, EN 837-1, oxygen");
        await Show("LS free text", "Level Switch", null, "tuning fork, MAX, liquid, 0.7 g/cm³, -20..120 °C, -1..16 bar, relay DPDT, 24 V DC, G 1\", 316L, IP66/67, Ex ia IIC T6 Ga");
        await Show("LS mixed", "Level Switch", new() { ["switching function"] = "MIN", ["principle"] = "vibronic fork", ["density"] = "SG 0.5", ["output"] = "PNP" }, "dry run protection, side mounted, 100 mm, 19-253 V AC, M20x1.5, aluminium, safe area");
    }
}
