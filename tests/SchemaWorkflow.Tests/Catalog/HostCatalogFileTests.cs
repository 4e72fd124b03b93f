using SchemaWorkflow.Catalog;

namespace SchemaWorkflow.Tests.Catalog;

public sealed class HostCatalogFileTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sw-catalog-" + Guid.NewGuid().ToString("N"));

    public HostCatalogFileTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    internal const string AddedClass = """
        {
          "$schema": "./catalog.schema.json",
          "version": "plant-7",
          "classes": [
            {
              "key": "steam_trap", "displayName": "Steam trap", "description": "Lets condensate out of a steam line while holding the steam back.",
              "family": "valve", "measurands": ["none"], "synonyms": ["condensate trap", "thermodynamic trap"],
              "blocks": ["identification", "process_connection_block"],
              "fields": [
                { "key": "trap_type", "displayName": "Trap type", "description": "How the trap tells steam from condensate.", "group": "process_parameters", "dataType": "enum", "allowedValues": ["Thermodynamic", "Float", "Inverted bucket", "Bimetallic"], "requirement": "mandatory" },
                { "key": "maximum_differential_pressure", "displayName": "Maximum differential pressure", "description": "The largest pressure difference the trap works against.", "group": "process_parameters", "dataType": "number", "unit": "bar", "acceptedUnits": ["psi"], "typicalRange": { "min": 0.1, "max": 40 }, "requirement": "mandatory" },
                { "key": "condensate_load", "displayName": "Condensate load", "description": "The condensate flow the trap must discharge.", "group": "process_parameters", "dataType": "number", "unit": "kg/h", "requirement": "mandatory", "order": 5 }
              ]
            }
          ]
        }
        """;

    private const string OverrideGauge = """
        {
          "version": "plant-7",
          "classes": [
            {
              "key": "pressure_gauge", "displayName": "Pressure gauge (plant standard)", "description": "The plant's standard dial gauge.",
              "family": "gauge", "measurands": ["pressure"], "blocks": ["identification"],
              "fields": [
                { "key": "scale_range", "displayName": "Scale range", "description": "The dial span.", "group": "process_parameters", "dataType": "range", "unit": "bar", "requirement": "mandatory", "measurand": "pressure" },
                { "key": "nominal_size", "displayName": "Nominal size", "description": "The dial diameter; the plant uses 100 mm only.", "group": "mechanical", "dataType": "enum", "allowedValues": ["100"], "requirement": "mandatory" }
              ]
            }
          ]
        }
        """;

    [Fact]
    public void A_host_file_adds_a_class_that_resolves_and_generates()
    {
        var path = Write("plant.json", AddedClass);
        var catalog = new InstrumentCatalog(new CatalogOptions().AddFile(path));

        Assert.True(catalog.TryGetClass(ProductTypeKey.Parse("steam_trap"), out var trap));
        Assert.True(trap.FromHostFile);
        Assert.Equal(path, trap.SourceFile);
        Assert.Equal("plant-7", trap.SourceVersion);
        Assert.Contains(trap.Fields, static f => f.Key == "process_connection" && f.Block == "process_connection_block");
        Assert.Equal("2026.11.2+host.plant-7", catalog.Version.Text);

        var resolution = new CatalogProductTypeResolver(catalog).Resolve("Thermodynamic steam traps");
        Assert.Equal("steam_trap", resolution.Key?.Value);
        var schema = new CatalogSchemaGenerator(catalog).Generate(ProductTypeKey.Parse("steam_trap"));
        Assert.Empty(SchemaWorkflow.Quality.SchemaQualityGate.Validate(schema));
        var process = schema.Groups.Single(static g => g.Key == FieldGroups.ProcessParameters).Fields.Select(static f => f.Key).ToArray();
        Assert.Equal(["condensate_load", "trap_type", "maximum_differential_pressure"], process);
    }

    [Fact]
    public void A_host_file_overrides_a_built_in_class_with_the_same_key()
    {
        var catalog = new InstrumentCatalog(new CatalogOptions().AddFile(Write("gauges.json", OverrideGauge)));
        Assert.True(catalog.TryGetClass(ProductTypeKey.Parse("pressure_gauge"), out var gauge));
        Assert.Equal("Pressure gauge (plant standard)", gauge.DisplayName);
        Assert.Equal(["100"], gauge.FindField("nominal_size")!.AllowedValues);
        Assert.Null(gauge.FindField("case_filling"));
        Assert.Equal(new InstrumentCatalog().Classes.Count, catalog.Classes.Count);
    }

    [Fact]
    public void A_later_host_file_overrides_an_earlier_one_and_both_versions_enter_the_fingerprint()
    {
        var first = Write("a.json", AddedClass);
        var second = Write("b.json", AddedClass.Replace("\"plant-7\"", "\"plant-8\"", StringComparison.Ordinal).Replace("Steam trap\"", "Steam trap, plant 8\"", StringComparison.Ordinal));
        var catalog = new InstrumentCatalog(new CatalogOptions().AddFile(first).AddFile(second));
        catalog.TryGetClass(ProductTypeKey.Parse("steam_trap"), out var trap);
        Assert.Equal("Steam trap, plant 8", trap!.DisplayName);
        Assert.Equal("catalog/1.0+data.2026.11.2+host.plant-7+host.plant-8", new CatalogSchemaGenerator(catalog).Fingerprint);
    }

    [Fact]
    public void A_host_file_without_a_version_is_fingerprinted_by_its_content()
    {
        var json = AddedClass.Replace("\"version\": \"plant-7\",", "\"extends\": \"2026.11.2\",", StringComparison.Ordinal);
        var a = new InstrumentCatalog(new CatalogOptions().AddFile(Write("a.json", json)));
        var b = new InstrumentCatalog(new CatalogOptions().AddFile(Write("b.json", json.Replace("Float", "Float and thermostatic", StringComparison.Ordinal))));
        Assert.StartsWith("2026.11.2+host.sha-", a.Version.Text, StringComparison.Ordinal);
        Assert.NotEqual(a.Version, b.Version);
    }

    [Fact]
    public void A_missing_host_file_names_the_path()
    {
        var path = Path.Combine(_folder, "nope.json");
        var ex = Assert.Throws<CatalogValidationException>(() => new InstrumentCatalog(new CatalogOptions().AddFile(path)));
        Assert.Equal(path, Assert.Single(ex.Problems).File);
        Assert.Contains("does not exist", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("\"dataType\": \"enum\", \"allowedValues\": [\"Thermodynamic\", \"Float\", \"Inverted bucket\", \"Bimetallic\"]", "\"dataType\": \"enum\"", "trap_type", "lists no allowedValues")]
    [InlineData("\"unit\": \"kg/h\"", "\"unit\": \"lb/h\"", "condensate_load", "'lb/h' is not in the unit list")]
    [InlineData("\"group\": \"process_parameters\", \"dataType\": \"enum\"", "\"group\": \"process\", \"dataType\": \"enum\"", "trap_type", "group 'process' is not one of")]
    [InlineData("\"requirement\": \"mandatory\", \"order\": 5", "\"requirement\": \"conditional\", \"order\": 5", "condensate_load", "has no \"condition\"")]
    [InlineData("\"unit\": \"bar\", \"acceptedUnits\"", "\"unit\": \"Bar\", \"acceptedUnits\"", "maximum_differential_pressure", "Did you mean 'bar'?")]
    public void A_broken_host_field_fails_with_file_class_field_and_problem(string find, string replace, string field, string message)
    {
        var path = Write("plant.json", AddedClass.Replace(find, replace, StringComparison.Ordinal));
        var ex = Assert.Throws<CatalogValidationException>(() => new InstrumentCatalog(new CatalogOptions().AddFile(path)));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal((path, "steam_trap", field), (problem.File, problem.Class, problem.Field));
        Assert.Contains(message, problem.Message, StringComparison.Ordinal);
        Assert.Contains($"{path}: class 'steam_trap', field '{field}'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_block_is_named_with_the_known_ones()
    {
        var path = Write("plant.json", AddedClass.Replace("\"process_connection_block\"", "\"process_conection_block\"", StringComparison.Ordinal));
        var ex = Assert.Throws<CatalogValidationException>(() => new InstrumentCatalog(new CatalogOptions().AddFile(path)));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("process_conection_block", problem.Block);
        Assert.Contains("Known blocks:", problem.Message, StringComparison.Ordinal);
        Assert.Contains("process_connection_block", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_key_twice_in_a_class_and_an_unknown_removal_are_reported_together()
    {
        var json = AddedClass.Replace("\"key\": \"condensate_load\"", "\"key\": \"trap_type\"", StringComparison.Ordinal)
            .Replace("\"blocks\": [\"identification\", \"process_connection_block\"],", "\"blocks\": [\"identification\", \"process_connection_block\"], \"removeFields\": [\"colour\"],", StringComparison.Ordinal);
        var ex = Assert.Throws<CatalogValidationException>(() => new InstrumentCatalog(new CatalogOptions().AddFile(Write("plant.json", json))));
        Assert.Contains(ex.Problems, static p => p.Field == "trap_type" && p.Message.Contains("twice", StringComparison.Ordinal));
        Assert.Contains(ex.Problems, static p => p.Field == "colour" && p.Message.Contains("removeFields", StringComparison.Ordinal));
    }

    [Fact]
    public void Malformed_json_and_unknown_properties_name_the_line()
    {
        var broken = Write("broken.json", "{ \"version\": \"1\", \"classes\": [ { \"key\": \"x\", } ");
        var ex = Assert.Throws<CatalogValidationException>(() => new InstrumentCatalog(new CatalogOptions().AddFile(broken)));
        Assert.Contains("line", Assert.Single(ex.Problems).Message, StringComparison.Ordinal);

        var unknown = Write("unknown.json", AddedClass.Replace("\"family\": \"valve\"", "\"family\": \"valve\", \"colour\": \"red\"", StringComparison.Ordinal));
        ex = Assert.Throws<CatalogValidationException>(() => new InstrumentCatalog(new CatalogOptions().AddFile(unknown)));
        var problem = Assert.Single(ex.Problems);
        Assert.Contains("not part of the catalog format", problem.Message, StringComparison.Ordinal);
        Assert.Contains("line", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_host_file_may_not_redefine_a_built_in_block()
    {
        var json = AddedClass.Replace("\"classes\": [", "\"blocks\": { \"identification\": { \"fields\": [ { \"key\": \"tag_number\", \"displayName\": \"Tag\", \"description\": \"The tag.\", \"group\": \"identification\", \"dataType\": \"text\", \"requirement\": \"optional\" } ] } },\n  \"classes\": [", StringComparison.Ordinal);
        var ex = Assert.Throws<CatalogValidationException>(() => new InstrumentCatalog(new CatalogOptions().AddFile(Write("plant.json", json))));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal("identification", problem.Block);
        Assert.Contains("already defined in catalog.core.json", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Built_in_files_may_not_share_a_class_key()
    {
        var core = CatalogLoader.EmbeddedSources()[0];
        var duplicate = new CatalogSource("catalog.more.json", """{ "extends": "2026.11.2", "classes": [ { "key": "pressure_gauge", "displayName": "Gauge", "description": "Another gauge.", "family": "gauge", "measurands": ["pressure"], "blocks": ["identification"], "fields": [ { "key": "scale_range", "displayName": "Scale", "description": "The span.", "group": "process_parameters", "dataType": "range", "unit": "bar", "requirement": "mandatory" } ] } ] }""", IsHostFile: false);
        var ex = Assert.Throws<CatalogValidationException>(() => InstrumentCatalog.FromSources([core, duplicate]));
        var problem = Assert.Single(ex.Problems);
        Assert.Equal(("catalog.more.json", "pressure_gauge"), (problem.File, problem.Class));
        Assert.Contains("already defined in catalog.core.json", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_built_in_file_must_extend_the_core_version()
    {
        var core = CatalogLoader.EmbeddedSources()[0];
        var stale = new CatalogSource("catalog.more.json", """{ "extends": "2025.1.0", "classes": [] }""", IsHostFile: false);
        var ex = Assert.Throws<CatalogValidationException>(() => InstrumentCatalog.FromSources([core, stale]));
        Assert.Contains("set \"extends\" to '2026.11.2'", Assert.Single(ex.Problems).Message, StringComparison.Ordinal);
    }

    private string Write(string name, string json)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, json);
        return path;
    }
}
