namespace SchemaWorkflow.Tests.Validation;

/// <summary>Requirement sets for the three seed types, as buyers write them.</summary>
internal static class SeedScenarios
{
    public const string TT = "Temperature Transmitter";
    public const string PG = "Pressure Gauge";
    public const string LS = "Level Switch";

    public static readonly Dictionary<string, string> TemperatureTransmitterComplete = new()
    {
        ["sensor type"] = "Pt100", ["RTD wiring"] = "3 wire", ["range"] = "0-150 C", ["accuracy"] = "±0.1 °C",
        ["ambientTemperatureEffect"] = "0.0015 °C/°C", ["stability"] = "0.1 % of reading", ["output"] = "4-20mA HART",
        ["protocol"] = "HART 7", ["failure mode"] = "downscale", ["Supply voltage"] = "10.5-42.4 V DC", ["mounting"] = "head mount",
        ["housingMaterial"] = "316L", ["cable entry"] = "M20x1.5", ["ambient temperature"] = "-40 to 85 degC", ["IP rating"] = "IP66/67",
        ["EMC"] = "IEC 61326-1 and NE 21",
    };

    public static readonly Dictionary<string, string> PressureGaugeComplete = new()
    {
        ["pressure type"] = "gauge", ["range"] = "0-10 bar", ["unit"] = "bar", ["overpressure limit"] = "13 bar", ["medium temperature"] = "60 °C",
        ["class"] = "1.6", ["dial size"] = "100 mm", ["element"] = "C-type Bourdon", ["element material"] = "316L", ["socket material"] = "SS 316L",
        ["connection"] = "G1/2B", ["connection location"] = "bottom", ["mounting"] = "stem", ["case material"] = "SS 304", ["window"] = "safety glass",
        ["filling"] = "glycerine", ["safety pattern"] = "S3", ["ambient temperature"] = "-20..60 °C", ["IP rating"] = "IP65", ["standard"] = "EN 837-1",
    };

    public static readonly Dictionary<string, string> LevelSwitchComplete = new()
    {
        ["switching function"] = "MAX", ["principle"] = "tuning fork", ["medium"] = "liquid", ["density"] = "0.7 g/cm³", ["viscosity"] = "500 cP",
        ["medium temperature"] = "-20..120 °C", ["vessel pressure"] = "-1..16 bar", ["fail safe"] = "overfill", ["delay"] = "1 s",
        ["output"] = "relay DPDT", ["switching capacity"] = "6 A 250 V AC", ["power supply"] = "19-253 V AC", ["connection"] = "G 1",
        ["orientation"] = "side", ["probe length"] = "100 mm", ["wetted material"] = "316L", ["housingMaterial"] = "aluminium",
        ["cable entry"] = "M20", ["ambient temperature"] = "-40..70 °C", ["IP rating"] = "IP66/IP67", ["EMC"] = "IEC 61326-1",
    };

    public static IEnumerable<(string Title, string Type, Dictionary<string, string>? Values, string? Text)> All =>
    [
        ("TT complete", TT, TemperatureTransmitterComplete, null),
        ("TT missing", TT, new() { ["sensor type"] = "Pt100", ["range"] = "0-150 C", ["output"] = "4-20mA HART", ["protocol"] = "HART 7", ["supply"] = "12-30 V DC" }, null),
        ("TT invalid", TT, new()
        {
            ["output_signal"] = "0-10 V", ["range"] = "0-10 bar", ["supply"] = "230 V AC", ["ambient temperature"] = "85..-40 °C", ["IP rating"] = "IP44",
            ["saturation limits"] = "3.6-21 mA", ["sensor type"] = "Type K", ["damping"] = "TBD", ["EMC"] = "n/a",
        }, null),
        ("TT unknown", TT, new() { ["colour"] = "blue", ["weight"] = "2 kg", ["sensr typ"] = "Pt100", ["outputSignal"] = "4..20 mA", ["paint"] = "RAL 7035" }, null),
        ("TT text", TT, null, "4-20mA HART, 0-150 °C, ±0.1 % of span, IP66/67, Ex d IIC T6 Gb, 1/2\" NPT, 316L"),
        ("TT mixed", TT, new() { ["sensor type"] = "Type K", ["range"] = "0-1200 °C" }, "4-20mA HART; HART 7; downscale; 24 V DC; field mount dual compartment; aluminium; M20x1.5; -40..85 °C; IP66; IEC 61326-1; cold junction: internal; tag TT-4711"),
        ("PG complete", PG, PressureGaugeComplete, null),
        ("PG missing", PG, new() { ["range"] = "0-16 bar", ["class"] = "1.0", ["size"] = "NS 160" }, null),
        ("PG invalid", PG, new()
        {
            ["range"] = "0-10 °C", ["class"] = "0.5", ["nominal size"] = "300 mm", ["design standard"] = "EN 837-1", ["process temperature"] = "-300 °C", ["case filling"] = "honey",
            ["ingress protection"] = "IP69K", ["element"] = "Bourdon tube",
        }, null),
        ("PG unknown", PG, new() { ["dial colour"] = "white", ["pointer colour"] = "red", ["scale"] = "0-10 bar", ["accuracy class"] = "1.6" }, null),
        ("PG text", PG, null, "0-10 bar, class 1.6, NS 100, G 1/2 B, glycerine filled, SS316 case, IP65, EN 837-1, oxygen"),
        ("PG mixed", PG, new() { ["pressure type"] = "compound", ["range"] = "-1..5 bar" }, "accuracy class 1.0\n4\" dial\nbottom connection\n1/2\" NPT\n316L socket\nsafety glass\nsolid front\nstem mounted\n-20 to 60 degC"),
        ("LS complete", LS, LevelSwitchComplete, null),
        ("LS missing", LS, new() { ["principle"] = "vibronic fork", ["function"] = "MAX", ["output"] = "relay DPDT" }, null),
        ("LS invalid", LS, new()
        {
            ["density"] = "-5 kg/m³", ["process pressure"] = "0-10 °C", ["process temperature range"] = "150..-50 °C", ["insertion length"] = "long",
            ["ingress protection"] = "IP99", ["wetted parts material"] = "TBD", ["supply voltage"] = "24 V DC",
        }, null),
        ("LS unknown", LS, new() { ["fork length"] = "40 mm", ["approval"] = "WHG", ["colour"] = "blue", ["medium"] = "liquid" }, null),
        ("LS text", LS, null, "tuning fork, MAX, liquid, 0.7 g/cm³, -20..120 °C, -1..16 bar, relay DPDT, 24 V DC, G 1\", 316L, IP66/67, Ex ia IIC T6 Ga"),
        ("LS mixed", LS, new() { ["switching function"] = "MIN", ["principle"] = "vibronic fork", ["density"] = "SG 0.5", ["output"] = "PNP" }, "dry run protection, side mounted, 100 mm, 19-253 V AC, M20x1.5, aluminium, safe area"),
    ];
}
