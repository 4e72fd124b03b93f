namespace SchemaWorkflow.Benchmarks.Simulation;

/// <summary>
/// A schema of realistic size for the simulated providers: the five enrichment groups of the replaced system with 31
/// fields between them (ranges with units, enums with allowed values), so validation, hashing and JSON cost what
/// they cost for a real schema. Built once; each product type gets a copy with its own key.
/// </summary>
public static class BenchSchemas
{
    private static readonly ProductSchema Template = Build();

    public static ProductSchema Realistic(ProductTypeKey key, string generator = "simulated", string fingerprint = "simulated/1") =>
        Template with
        {
            Key = key,
            DisplayName = key.Value.Replace('_', ' '),
            Provenance = new SchemaProvenance { Generator = generator, GeneratorFingerprint = fingerprint, GeneratedAt = DateTimeOffset.UnixEpoch },
        };

    private static ProductSchema Build()
    {
        FieldGroup Group(string key, params SchemaField[] fields) =>
            new() { Key = key, DisplayName = FieldGroups.DisplayName(key), Fields = fields };

        SchemaField Range(string group, string key, string name, string unit, double min, double max, RequirementLevel req = RequirementLevel.Mandatory) => new()
        {
            Key = key,
            DisplayName = name,
            Description = $"{name} of the instrument, in {unit}.",
            Group = group,
            DataType = FieldDataType.Range,
            Unit = unit,
            TypicalRange = new NumericRange { Min = min, Max = max, Unit = unit },
            Requirement = req,
        };

        SchemaField Number(string group, string key, string name, string unit, RequirementLevel req = RequirementLevel.Optional) => new()
        {
            Key = key,
            DisplayName = name,
            Description = $"{name}, in {unit}.",
            Group = group,
            DataType = FieldDataType.Number,
            Unit = unit,
            Requirement = req,
        };

        SchemaField Choice(string group, string key, string name, RequirementLevel req, params string[] values) => new()
        {
            Key = key,
            DisplayName = name,
            Description = $"The {name.ToLowerInvariant()} the buyer selects.",
            Group = group,
            DataType = FieldDataType.Enum,
            AllowedValues = values,
            Requirement = req,
        };

        const string P = FieldGroups.ProcessParameters;
        const string F = FieldGroups.Performance;
        const string E = FieldGroups.Electrical;
        const string M = FieldGroups.Mechanical;
        const string C = FieldGroups.Compliance;
        const RequirementLevel Must = RequirementLevel.Mandatory;
        const RequirementLevel May = RequirementLevel.Optional;

        return new ProductSchema
        {
            Key = ProductTypeKey.Parse("template"),
            DisplayName = "template",
            Description = "A schema of realistic size used by the benchmarks.",
            Groups =
            [
                Group(P,
                    Range(P, "measuring_range", "Measuring range", "°C", -200, 850),
                    Range(P, "process_temperature", "Process temperature", "°C", -50, 400),
                    Range(P, "process_pressure", "Process pressure", "bar", 0, 400),
                    Choice(P, "process_medium", "Process medium", Must, "liquid", "gas", "steam"),
                    Number(P, "flow_velocity", "Flow velocity", "m/s"),
                    Number(P, "immersion_length", "Immersion length", "mm"),
                    Choice(P, "sensor_type", "Sensor type", Must, "Pt100", "Pt1000", "thermocouple type K", "thermocouple type J")),
                Group(F,
                    Number(F, "accuracy", "Accuracy", "%", Must),
                    Number(F, "long_term_stability", "Long-term stability", "%"),
                    Number(F, "response_time", "Response time", "s"),
                    Number(F, "repeatability", "Repeatability", "%"),
                    Number(F, "ambient_temperature_effect", "Ambient temperature effect", "%"),
                    Choice(F, "tolerance_class", "Tolerance class", May, "AA", "A", "B")),
                Group(E,
                    Choice(E, "output_signal", "Output signal", Must, "4-20 mA", "4-20 mA HART", "PROFIBUS PA", "FOUNDATION Fieldbus"),
                    Range(E, "supply_voltage", "Supply voltage", "V", 10.5, 42),
                    Choice(E, "sensor_connection", "Sensor connection", May, "2-wire", "3-wire", "4-wire"),
                    Number(E, "load_resistance", "Load resistance", "Ω"),
                    Choice(E, "failure_signal", "Failure signal", May, "downscale", "upscale"),
                    Choice(E, "electrical_connection", "Electrical connection", May, "M20x1.5", "1/2 NPT", "M12 plug")),
                Group(M,
                    Choice(M, "process_connection", "Process connection", Must, "G1/2", "1/2 NPT", "flange DN25", "weld-in"),
                    Choice(M, "housing_material", "Housing material", May, "aluminium", "stainless steel 316L", "polyamide"),
                    Choice(M, "wetted_material", "Wetted material", May, "stainless steel 316L", "Hastelloy C276", "Inconel 600"),
                    Number(M, "weight", "Weight", "kg"),
                    Choice(M, "mounting", "Mounting", May, "head mounted", "field housing", "DIN rail"),
                    Number(M, "sheath_diameter", "Sheath diameter", "mm")),
                Group(C,
                    Choice(C, "ingress_protection", "Ingress protection", Must, "IP65", "IP66", "IP67", "IP68"),
                    Choice(C, "hazardous_area_approval", "Hazardous area approval", May, "ATEX Ex ia", "ATEX Ex d", "IECEx Ex ia", "none"),
                    Choice(C, "safety_integrity_level", "Safety integrity level", May, "SIL 1", "SIL 2", "SIL 3"),
                    Choice(C, "emc_compliance", "EMC compliance", May, "IEC 61326-1", "NAMUR NE 21"),
                    Choice(C, "calibration_certificate", "Calibration certificate", May, "factory", "ISO 17025", "none"),
                    Choice(C, "marine_approval", "Marine approval", May, "DNV", "ABS", "none")),
            ],
            Provenance = new SchemaProvenance { Generator = "simulated", GeneratorFingerprint = "simulated/1", GeneratedAt = DateTimeOffset.UnixEpoch },
        };
    }
}
