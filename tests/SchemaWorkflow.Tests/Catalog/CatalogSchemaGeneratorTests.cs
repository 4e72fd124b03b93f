using Microsoft.Extensions.Time.Testing;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.Execution;
using SchemaWorkflow.Generation;
using SchemaWorkflow.Serialization;

namespace SchemaWorkflow.Tests.Catalog;

public sealed class CatalogSchemaGeneratorTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private static SchemaGenerationRequest Request(string key) => new()
    {
        Key = ProductTypeKey.Parse(key),
        RequestedName = key,
        Strategy = new SequentialExecutionStrategy(),
    };

    [Fact]
    public void Name_and_fingerprint_carry_the_catalog_data_version()
    {
        Assert.Equal("catalog", fixture.Generator.Name);
        Assert.Equal($"catalog/1.0+data.{fixture.Catalog.Version}", fixture.Generator.Fingerprint);
        Assert.Equal("catalog/1.0+data.2026.11.2", fixture.Generator.Fingerprint);
    }

    [Fact]
    public async Task A_schema_has_provenance_no_standards_and_the_class_identity()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero));
        var generator = new CatalogSchemaGenerator(fixture.Catalog, time);
        var schema = await generator.GenerateAsync(Request("temperature_transmitter"));

        Assert.Equal("temperature_transmitter", schema.Key.Value);
        Assert.Equal("Temperature transmitter", schema.DisplayName);
        Assert.False(string.IsNullOrWhiteSpace(schema.Description));
        Assert.Empty(schema.Standards);
        Assert.Equal("catalog", schema.Provenance.Generator);
        Assert.Equal(generator.Fingerprint, schema.Provenance.GeneratorFingerprint);
        Assert.Equal(time.GetUtcNow(), schema.Provenance.GeneratedAt);
        Assert.Equal(["catalog:temperature_transmitter@2026.11.2"], schema.Provenance.Sources);
    }

    [Fact]
    public void Groups_follow_the_datasheet_order_and_fields_keep_their_order()
    {
        var schema = fixture.Generator.Generate(ProductTypeKey.Parse("temperature_transmitter"));
        var order = schema.Groups.Select(static g => FieldGroups.OrderOf(g.Key)).ToList();
        Assert.Equal(order.Order(), order);
        Assert.All(schema.Groups, static g => Assert.NotEmpty(g.Fields));

        var mechanical = schema.Groups.Single(static g => g.Key == FieldGroups.Mechanical).Fields.Select(static f => f.Key).ToList();
        Assert.Equal("mounting_type", mechanical[0]);
        var electrical = schema.Groups.Single(static g => g.Key == FieldGroups.Electrical).Fields.Select(static f => f.Key).ToList();
        Assert.Equal(["output_signal", "communication_protocol", "failure_signal"], electrical.Take(3));
        Assert.Equal("tag_number", schema.Groups[0].Fields[0].Key);
    }

    [Fact]
    public void Block_fields_are_merged_removed_and_overridden()
    {
        var mag = fixture.Generator.Generate(ProductTypeKey.Parse("electromagnetic_flowmeter"));
        Assert.Null(mag.FindField("housing_material"));
        Assert.Null(mag.FindField("wetted_material"));
        Assert.NotNull(mag.FindField("transmitter_housing_material"));
        var supply = mag.FindField("supply_voltage")!;
        Assert.Equal("V", supply.Unit);
        var rating = mag.FindField("pressure_rating")!;
        Assert.Equal(RequirementLevel.Mandatory, rating.Requirement);
        Assert.NotNull(mag.FindField("ingress_protection"));
        Assert.NotNull(mag.FindField("tag_number"));
    }

    [Fact]
    public void Generation_is_deterministic_and_serves_one_cached_instance()
    {
        var key = ProductTypeKey.Parse("control_valve");
        var a = fixture.Generator.Generate(key);
        var b = fixture.Generator.Generate(key);
        Assert.Same(a, b);

        var fresh = new CatalogSchemaGenerator(new InstrumentCatalog(), new FakeTimeProvider(a.Provenance.GeneratedAt));
        var c = fresh.Generate(key);
        Assert.NotSame(a, c);
        var json = System.Text.Json.JsonSerializer.Serialize(a, SchemaWorkflowJsonContext.Default.ProductSchema);
        Assert.Equal(json, System.Text.Json.JsonSerializer.Serialize(c, SchemaWorkflowJsonContext.Default.ProductSchema));
    }

    [Fact]
    public void A_schema_is_built_once_and_then_served_as_the_same_instance()
    {
        // Speed is measured in the benchmark suite (offline generation), not by wall clock here.
        var key = ProductTypeKey.Parse("coriolis_flowmeter");
        var generator = new CatalogSchemaGenerator(fixture.Catalog);
        var first = generator.Generate(key);
        for (var i = 0; i < 100; i++)
        {
            Assert.Same(first, generator.Generate(key));
        }
    }

    [Fact]
    public void Every_class_builds_its_own_schema_once()
    {
        var generator = new CatalogSchemaGenerator(fixture.Catalog);
        var built = fixture.Catalog.Classes.Select(cls => (cls.Key, Schema: generator.Generate(cls.Key))).ToList();

        Assert.All(built, b => Assert.Equal(b.Key, b.Schema.Key));
        Assert.Equal(built.Count, built.Select(static b => b.Schema).Distinct(ReferenceEqualityComparer.Instance).Count());
        Assert.All(built, b => Assert.Same(b.Schema, generator.Generate(b.Key)));
    }

    [Fact]
    public async Task An_unknown_key_throws_not_supported_with_suggestions()
    {
        var ex = await Assert.ThrowsAsync<ProductTypeNotSupportedException>(async () => await fixture.Generator.GenerateAsync(Request("presure_gauge")));
        Assert.Equal("catalog", ex.Generator);
        Assert.Equal("presure_gauge", ex.ProductType);
        Assert.Contains("pressure_gauge", ex.Error.Suggestions);
        Assert.Equal(SchemaErrorCode.UnknownProductType, ex.Error.Code);
        Assert.Contains("Did you mean", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_cancelled_request_is_not_served()
    {
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await fixture.Generator.GenerateAsync(Request("pressure_gauge"), cts.Token));
    }

    [Fact]
    public async Task Concurrent_first_generations_of_a_class_agree()
    {
        var generator = new CatalogSchemaGenerator(fixture.Catalog);
        var schemas = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => generator.Generate(ProductTypeKey.Parse("vortex_flowmeter")))));
        Assert.All(schemas, s => Assert.Same(schemas[0], s));
    }
}
