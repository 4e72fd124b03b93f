using System.Text.Json;
using Json.Schema;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.Quality;

namespace SchemaWorkflow.Tests.Catalog;

public sealed class CatalogDataTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private static readonly Lazy<JsonSchema> FormatSchema = new(static () => JsonSchema.FromText(CatalogLoader.ReadSchemaText()));

    public static TheoryData<string> DataFiles()
    {
        var data = new TheoryData<string>();
        foreach (var source in CatalogLoader.EmbeddedSources())
        {
            data.Add(source.Name);
        }

        return data;
    }

    public static TheoryData<string> AllClassKeys()
    {
        var data = new TheoryData<string>();
        foreach (var cls in new InstrumentCatalog().Classes)
        {
            data.Add(cls.Key.Value);
        }

        return data;
    }

    public static TheoryData<string> ReferenceClassKeys()
    {
        var data = new TheoryData<string>();
        foreach (var key in ReferenceClasses.Keys)
        {
            data.Add(key);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(DataFiles))]
    public void Every_embedded_data_file_is_valid_against_the_catalog_json_schema(string file)
    {
        var source = CatalogLoader.EmbeddedSources().Single(s => s.Name == file);
        using var doc = JsonDocument.Parse(source.Json);
        var result = FormatSchema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(static d => d.Errors is { Count: > 0 }).SelectMany(static d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).Take(20);
        Assert.True(result.IsValid, $"{file} breaks catalog.schema.json:{Environment.NewLine}{string.Join(Environment.NewLine, errors)}");
    }

    [Theory]
    [InlineData("""{"version":"1","classes":[{"key":"x","displayName":"X","description":"d","family":"gauge","measurands":["pressure"],"fields":[{"key":"a","displayName":"A","description":"d","group":"performance","dataType":"enum","requirement":"mandatory"}]}]}""")]
    [InlineData("""{"version":"1","classes":[{"key":"x","displayName":"X","description":"d","family":"gauge","measurands":["pressure"],"fields":[{"key":"a","displayName":"A","description":"d","group":"performance","dataType":"number","unit":"furlong","requirement":"mandatory"}]}]}""")]
    [InlineData("""{"version":"1","classes":[{"key":"x","displayName":"X","description":"d","family":"gauge","measurands":["pressure"],"fields":[{"key":"a","displayName":"A","description":"d","group":"looks","dataType":"text","requirement":"mandatory"}]}]}""")]
    [InlineData("""{"version":"1","classes":[{"key":"x","displayName":"X","description":"d","family":"gauge","measurands":["pressure"],"fields":[{"key":"a","displayName":"A","description":"d","group":"performance","dataType":"text","requirement":"conditional"}]}]}""")]
    [InlineData("""{"version":"1","classes":[{"key":"Bad Key","displayName":"X","description":"d","family":"gauge","measurands":["pressure"]}]}""")]
    [InlineData("""{"classes":[]}""")]
    [InlineData("""{"version":"1","colour":"red","classes":[]}""")]
    public void The_json_schema_rejects_files_that_break_the_format(string json)
    {
        using var doc = JsonDocument.Parse(json);
        Assert.False(FormatSchema.Value.Evaluate(doc.RootElement).IsValid);
    }

    [Theory]
    [MemberData(nameof(AllClassKeys))]
    public void Every_class_is_complete_and_its_schema_passes_the_quality_gate(string key)
    {
        Assert.True(fixture.Catalog.TryGetClass(ProductTypeKey.Parse(key), out var cls));
        Assert.False(string.IsNullOrWhiteSpace(cls.DisplayName));
        Assert.False(string.IsNullOrWhiteSpace(cls.Description));
        Assert.Contains(cls.Family, InstrumentCatalog.Families);
        Assert.NotEmpty(cls.Measurands);
        Assert.Equal(cls.Fields.Count, cls.Fields.Select(static f => f.Key).Distinct().Count());
        Assert.Contains(cls.Fields, static f => f.Requirement == RequirementLevel.Mandatory);
        foreach (var field in cls.Fields)
        {
            Assert.False(string.IsNullOrWhiteSpace(field.Description), $"{key}.{field.Key} has no description");
            Assert.True(FieldGroups.IsKnown(field.Group), $"{key}.{field.Key} group {field.Group}");
            Assert.True(field.Unit is null || CatalogUnits.IsKnown(field.Unit), $"{key}.{field.Key} unit {field.Unit}");
            Assert.All(field.AcceptedUnits, u => Assert.True(CatalogUnits.IsKnown(u), $"{key}.{field.Key} accepted unit {u}"));
            Assert.True(field.TypicalRange?.Unit is null || CatalogUnits.IsKnown(field.TypicalRange.Unit), $"{key}.{field.Key} range unit");
            Assert.True(field.DataType != FieldDataType.Enum || field.AllowedValues.Count > 0, $"{key}.{field.Key} enum without values");
            Assert.True(field.Requirement != RequirementLevel.Conditional || !string.IsNullOrWhiteSpace(field.Condition), $"{key}.{field.Key} has no condition");
            Assert.True(field.Measurand is null || cls.Measurands.Contains(field.Measurand), $"{key}.{field.Key} is about {field.Measurand}");
        }

        foreach (var blockId in cls.Blocks)
        {
            Assert.True(fixture.Catalog.Blocks.ContainsKey(blockId), $"{key} uses unknown block {blockId}");
        }

        var schema = fixture.Generator.Generate(cls.Key);
        var problems = SchemaQualityGate.Validate(schema);
        Assert.True(problems.Count == 0, $"{key}: {string.Join(" | ", problems)}");
        Assert.Equal(cls.Fields.Count, schema.CountFields().Total);
    }

    [Theory]
    [MemberData(nameof(AllClassKeys))]
    public void Every_class_has_enough_fields(string key)
    {
        fixture.Catalog.TryGetClass(ProductTypeKey.Parse(key), out var cls);
        var minimum = ReferenceClasses.Keys.Contains(key) ? 25 : 12;
        Assert.True(cls!.Fields.Count >= minimum, $"{key} has {cls.Fields.Count} fields; at least {minimum} are required");
    }

    [Theory]
    [MemberData(nameof(ReferenceClassKeys))]
    public void Reference_classes_carry_every_reference_field_with_its_group_and_requirement(string key)
    {
        fixture.Catalog.TryGetClass(ProductTypeKey.Parse(key), out var cls);
        Assert.NotNull(cls);
        Assert.Equal("catalog.core.json", cls.SourceFile);
        foreach (var (fieldKey, group, mark) in ReferenceFields.ByClass[key])
        {
            var field = cls.FindField(fieldKey);
            Assert.True(field is not null, $"{key} lacks REFERENCE.md field '{fieldKey}' ({mark})");
            Assert.True(group == field.Group, $"{key}.{fieldKey} is in {field.Group}; REFERENCE.md puts it in {group}");
            var expected = mark switch
            {
                "M" => [RequirementLevel.Mandatory],
                _ when mark.StartsWith("M (", StringComparison.Ordinal) => new[] { RequirementLevel.Mandatory, RequirementLevel.Conditional },
                _ when mark.StartsWith('C') => [RequirementLevel.Conditional],
                _ => [RequirementLevel.Optional],
            };
            Assert.True(expected.Contains(field.Requirement), $"{key}.{fieldKey} is {field.Requirement}; REFERENCE.md marks it {mark}");
        }
    }

    [Fact]
    public void Every_reference_m_field_count_is_covered()
    {
        var total = ReferenceFields.ByClass.Values.Sum(static rows => rows.Count(static r => r.Mark.StartsWith('M')));
        Assert.True(total > 200, $"only {total} mandatory reference rows were transcribed");
        Assert.Equal(ReferenceClasses.Keys.Order(), ReferenceFields.ByClass.Keys.Order());
    }

    [Fact]
    public void Iec_cdd_property_ids_are_set_where_the_reference_gives_them()
    {
        var expected = new Dictionary<string, string>
        {
            ["manufacturer"] = "0112/2///61987#ABA565#007",
            ["model_number"] = "0112/2///61987#ABA567#007",
            ["tag_number"] = "0112/2///61987#ABB271#007",
            ["damping"] = "0112/2///61987#ABH526#002",
            ["rtd_connection_wires"] = "0112/2///61987#ABB091#002",
            ["cold_junction_compensation"] = "0112/2///61987#ABB093#002",
            ["low_flow_cutoff"] = "0112/2///61987#ABJ724#002",
            ["actuator_type"] = "0112/2///61987#ABD742#002",
        };
        foreach (var key in ReferenceClasses.Keys)
        {
            fixture.Catalog.TryGetClass(ProductTypeKey.Parse(key), out var cls);
            foreach (var field in cls!.Fields.Where(f => expected.ContainsKey(f.Key)))
            {
                Assert.Equal(expected[field.Key], field.PropertyId);
            }
        }
    }

    [Fact]
    public void No_temperature_class_carries_a_pressure_specific_field_and_the_reverse()
    {
        foreach (var cls in fixture.Catalog.Classes)
        {
            foreach (var field in cls.Fields.Where(static f => f.Measurand is not null))
            {
                Assert.Contains(field.Measurand!, cls.Measurands);
            }
        }

        fixture.Catalog.TryGetClass(ProductTypeKey.Parse("temperature_transmitter"), out var tt);
        Assert.DoesNotContain(tt!.Fields, static f => f.Measurand is "pressure" or "differential_pressure" or "flow" or "level");
        Assert.DoesNotContain(tt.Fields, static f => f.Unit is "bar" or "mbar" or "psi" or "kPa" or "MPa");
        fixture.Catalog.TryGetClass(ProductTypeKey.Parse("pressure_gauge"), out var pg);
        Assert.DoesNotContain(pg!.Fields, static f => f.Measurand is "temperature");
    }

    [Fact]
    public void A_field_about_another_measurand_than_its_class_fails_to_load()
    {
        const string host = """
            {
              "version": "plant-1",
              "classes": [
                {
                  "key": "furnace_temperature_transmitter", "displayName": "Furnace temperature transmitter", "description": "A transmitter for furnace temperatures.",
                  "family": "transmitter", "measurands": ["temperature"], "blocks": ["identification"],
                  "fields": [
                    { "key": "calibrated_range", "displayName": "Calibrated range", "description": "The output range.", "group": "process_parameters", "dataType": "range", "unit": "°C", "requirement": "mandatory", "measurand": "temperature" },
                    { "key": "overpressure_limit", "displayName": "Overpressure limit", "description": "The pressure the cell survives.", "group": "process_parameters", "dataType": "number", "unit": "bar", "requirement": "optional", "measurand": "pressure" }
                  ]
                }
              ]
            }
            """;
        var ex = Assert.Throws<CatalogValidationException>(() => InstrumentCatalog.FromHostTexts(("plant.json", host)));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("plant.json", problem.File);
        Assert.Equal("furnace_temperature_transmitter", problem.Class);
        Assert.Equal("overpressure_limit", problem.Field);
        Assert.Contains("pressure", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_name_of_a_class_is_also_a_name_of_another_class()
    {
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var clashes = new List<string>();
        foreach (var cls in fixture.Catalog.Classes)
        {
            foreach (var name in cls.Synonyms.Append(cls.DisplayName).Append(cls.Key.Value.Replace('_', ' ')).Select(SchemaWorkflow.Catalog.Resolution.ProductTypeNormalizer.Canonical).Distinct())
            {
                if (owners.TryGetValue(name, out var other) && other != cls.Key.Value)
                {
                    clashes.Add($"'{name}': {other} and {cls.Key.Value}");
                }

                owners[name] = cls.Key.Value;
            }
        }

        Assert.True(clashes.Count == 0, "names shared by two classes: " + string.Join("; ", clashes));
    }
}
