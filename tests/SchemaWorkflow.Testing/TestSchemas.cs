namespace SchemaWorkflow.Testing;

/// <summary>Small valid schemas for tests and benchmarks.</summary>
public static class TestSchemas
{
    public static ProductSchema Create(ProductTypeKey key, string generator = "fake", string fingerprint = "fake/1")
    {
        return new ProductSchema
        {
            Key = key,
            DisplayName = key.Value.Replace('_', ' '),
            Groups =
            [
                new FieldGroup
                {
                    Key = FieldGroups.ProcessParameters,
                    DisplayName = "Process parameters",
                    Fields =
                    [
                        new SchemaField { Key = "measuring_range", DisplayName = "Measuring range", Description = "The span the instrument measures.", Group = FieldGroups.ProcessParameters, DataType = FieldDataType.Range, Unit = "bar", Requirement = RequirementLevel.Mandatory },
                    ],
                },
                new FieldGroup
                {
                    Key = FieldGroups.Electrical,
                    DisplayName = "Electrical",
                    Fields =
                    [
                        new SchemaField { Key = "output_signal", DisplayName = "Output signal", Description = "The signal the instrument sends.", Group = FieldGroups.Electrical, DataType = FieldDataType.Enum, AllowedValues = ["4-20 mA", "4-20 mA HART"], Requirement = RequirementLevel.Mandatory },
                    ],
                },
            ],
            Provenance = new SchemaProvenance { Generator = generator, GeneratorFingerprint = fingerprint, GeneratedAt = DateTimeOffset.UnixEpoch },
        };
    }

    public static ProductSchema Create(string key) => Create(ProductTypeKey.Parse(key));
}
