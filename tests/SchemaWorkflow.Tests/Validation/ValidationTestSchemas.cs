using static SchemaWorkflow.Tests.Validation.ValidationFields;

namespace SchemaWorkflow.Tests.Validation;

/// <summary>A temperature-transmitter-like schema built in the test, shaped like the catalog's (blocks from CATALOG_FORMAT.md).</summary>
internal static class ValidationTestSchemas
{
    public static readonly Citation Iec60751 = new() { Source = "IEC 60751:2022", Clause = "Table 3", FactId = "iec60751.class_validity" };

    public static ProductSchema TemperatureTransmitter(bool withStandards = false)
    {
        var range = Field("calibrated_range", FieldDataType.Range, "°C", requirement: RequirementLevel.Mandatory, typical: new NumericRange { Min = -200, Max = 1800, Unit = "°C" },
            synonyms: ["range", "LRV/URV", "span", "measuring range"], acceptedUnits: ["°F", "K"], displayName: "Calibrated range",
            values: withStandards
                ?
                [
                    new FieldValue { Kind = FieldValueKind.Range, Range = new NumericRange { Min = -50, Max = 250, Unit = "°C" }, Label = "class AA validity range (wire-wound)", Citations = [Iec60751] },
                    new FieldValue { Kind = FieldValueKind.Range, Range = new NumericRange { Min = -100, Max = 450, Unit = "°C" }, Label = "class A validity range (wire-wound)", Citations = [Iec60751] },
                ]
                : null);
        return new ProductSchema
        {
            Key = ProductTypeKey.Parse("temperature_transmitter"),
            DisplayName = "Temperature transmitter",
            Provenance = new SchemaProvenance
            {
                Generator = "test",
                GeneratorFingerprint = "test/1",
                Enricher = withStandards ? "standards" : null,
                EnricherFingerprint = withStandards ? "standards/1" : null,
            },
            Groups =
            [
                Group(FieldGroups.Identification, Field("tag_number", FieldDataType.Text, group: FieldGroups.Identification, synonyms: ["tag", "tag no"], displayName: "Tag number")),
                Group(
                    FieldGroups.ProcessParameters,
                    Field("sensor_input_type", FieldDataType.Enum, allowed: ["Pt100", "Pt1000", "Type J", "Type K", "Type N", "Type T", "mV", "Ohm"], requirement: RequirementLevel.Mandatory, synonyms: ["sensor", "input", "sensor type"], displayName: "Sensor input type"),
                    Field("tolerance_class", FieldDataType.Enum, allowed: ["AA", "A", "B", "C"], synonyms: ["sensor class", "accuracy class"], displayName: "Sensor tolerance class"),
                    Field("rtd_connection_wires", FieldDataType.Enum, allowed: ["2", "3", "4"], requirement: RequirementLevel.Conditional, condition: "sensor_input_type is an RTD", synonyms: ["wires", "RTD wiring"], displayName: "RTD connection wires"),
                    range,
                    Field("cold_junction_compensation", FieldDataType.Enum, allowed: ["Internal", "External Pt100", "Fixed value"], requirement: RequirementLevel.Conditional, condition: "sensor_input_type is a thermocouple", synonyms: ["CJC", "reference junction"], displayName: "Cold junction compensation")),
                Group(
                    FieldGroups.Performance,
                    Field("accuracy", FieldDataType.Number, "% of span", requirement: RequirementLevel.Mandatory, acceptedUnits: ["°C"], synonyms: ["digital accuracy"], displayName: "Accuracy", group: FieldGroups.Performance),
                    Field("damping", FieldDataType.Number, "s", typical: new NumericRange { Min = 0, Max = 60, Unit = "s" }, group: FieldGroups.Performance, displayName: "Damping")),
                Group(
                    FieldGroups.Electrical,
                    Field("output_signal", FieldDataType.Enum, allowed: ["4-20 mA", "4-20 mA HART", "FOUNDATION Fieldbus H1", "PROFIBUS PA"], requirement: RequirementLevel.Mandatory, synonyms: ["output", "signal"], group: FieldGroups.Electrical, displayName: "Output signal"),
                    Field("communication_protocol", FieldDataType.Enum, allowed: ["HART 5", "HART 7", "FOUNDATION Fieldbus", "PROFIBUS PA", "None"], requirement: RequirementLevel.Mandatory, synonyms: ["protocol"], group: FieldGroups.Electrical, displayName: "Communication protocol"),
                    Field("supply_voltage", FieldDataType.Range, "V DC", requirement: RequirementLevel.Mandatory, typical: new NumericRange { Min = 5, Max = 60, Unit = "V DC" }, synonyms: ["power supply", "supply"], group: FieldGroups.Electrical, displayName: "Supply voltage")),
                Group(
                    FieldGroups.Mechanical,
                    Field("housing_material", FieldDataType.Enum, allowed: ["Aluminium", "SS 316L", "Polyamide"], requirement: RequirementLevel.Mandatory, synonyms: ["housing", "enclosure material"], group: FieldGroups.Mechanical, displayName: "Housing material"),
                    Field("electrical_connection", FieldDataType.Enum, allowed: ["M20x1.5", "1/2\" NPT", "G1/2", "M12 plug"], requirement: RequirementLevel.Mandatory, synonyms: ["cable entry", "conduit entry"], group: FieldGroups.Mechanical, displayName: "Electrical connection"),
                    Field("local_display", FieldDataType.Enum, allowed: ["None", "LCD"], synonyms: ["display", "indicator"], group: FieldGroups.Mechanical, displayName: "Local display")),
                Group(
                    FieldGroups.Environmental,
                    Field("ambient_temperature_range", FieldDataType.Range, "°C", requirement: RequirementLevel.Mandatory, typical: new NumericRange { Min = -60, Max = 100, Unit = "°C" }, synonyms: ["ambient temperature", "ambient"], group: FieldGroups.Environmental, displayName: "Ambient temperature range"),
                    Field("ingress_protection", FieldDataType.Enum, allowed: ["IP65", "IP66", "IP66/IP67", "IP68", "NEMA 4X"], requirement: RequirementLevel.Mandatory, synonyms: ["IP rating", "enclosure rating", "degree of protection"], group: FieldGroups.Environmental, displayName: "Ingress protection")),
                Group(
                    FieldGroups.Compliance,
                    Field("hazardous_area_certification", FieldDataType.Enum, allowed: ["None", "Ex ia IIC T4 Ga", "Ex db IIC T6 Gb", "Ex ec IIC T4 Gc", "Class I Div 1"], requirement: RequirementLevel.Conditional, condition: "installed in a hazardous area", synonyms: ["hazardous area approval", "Ex approval", "ATEX"], group: FieldGroups.Compliance, displayName: "Hazardous area certification"),
                    Field("functional_safety", FieldDataType.Enum, allowed: ["None", "SIL 1", "SIL 2", "SIL 3"], synonyms: ["SIL"], group: FieldGroups.Compliance, displayName: "Functional safety")),
            ],
        };
    }

    private static FieldGroup Group(string key, params SchemaField[] fields) => new()
    {
        Key = key,
        DisplayName = FieldGroups.DisplayName(key),
        Fields = fields.Select(f => f with { Group = key }).ToList(),
    };
}
