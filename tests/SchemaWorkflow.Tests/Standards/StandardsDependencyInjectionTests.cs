using Microsoft.Extensions.DependencyInjection;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Enrichment;
using SchemaWorkflow.Standards;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.Tests.Standards;

public sealed class StandardsDependencyInjectionTests : IDisposable
{
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sw-standards-" + Guid.NewGuid().ToString("N"));

    public StandardsDependencyInjectionTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Standards_enricher_is_the_embedded_default()
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore();
        using var sp = services.BuildServiceProvider();

        var enricher = Assert.Single(sp.GetServices<ISchemaEnricher>());

        var standards = Assert.IsType<StandardsSchemaEnricher>(enricher);
        Assert.Same(StandardsKnowledgeBase.Embedded, standards.KnowledgeBase);
    }

    [Fact]
    public void Without_enricher_turns_the_default_off()
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().WithoutEnricher();
        using var sp = services.BuildServiceProvider();

        Assert.Empty(sp.GetServices<ISchemaEnricher>());
    }

    [Fact]
    public void A_host_enricher_registered_first_wins_over_the_default()
    {
        var services = new ServiceCollection();
        services.AddSingleton<ISchemaEnricher, FakeSchemaEnricher>();
        services.AddSchemaWorkflow();
        using var sp = services.BuildServiceProvider();

        Assert.IsType<FakeSchemaEnricher>(Assert.Single(sp.GetServices<ISchemaEnricher>()));
    }

    [Fact]
    public void Use_standards_enricher_replaces_another_enricher()
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseEnricher<FakeSchemaEnricher>().UseStandardsEnricher();
        using var sp = services.BuildServiceProvider();

        Assert.IsType<StandardsSchemaEnricher>(Assert.Single(sp.GetServices<ISchemaEnricher>()));
    }

    [Fact]
    public async Task Host_fact_files_are_merged_and_applied()
    {
        var path = Path.Combine(_dir, "plant-facts.json");
        await File.WriteAllTextAsync(path, HostFile);
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseStandardsEnricher(o => o.AddFile(path));
        using var sp = services.BuildServiceProvider();
        var enricher = Assert.IsType<StandardsSchemaEnricher>(sp.GetRequiredService<ISchemaEnricher>());

        var outcome = await enricher.EnrichAsync(StandardsTestSupport.TemperatureTransmitter(), StandardsTestSupport.Context());

        Assert.NotNull(enricher.KnowledgeBase.FindFact("plant.housing"));
        Assert.Contains(enricher.KnowledgeBase.Facts, static f => f.Id == "namur_ne43.failure_levels");
        var value = outcome.Schema.FindField("housing_material")!.Values.Single(static v => v.Kind == FieldValueKind.RecommendedDefault);
        Assert.Equal("stainless steel 316", value.Text);
        Assert.Equal("PLANT-STD 7:2025", value.Citations[0].Source);
        Assert.NotEqual(new StandardsSchemaEnricher().Fingerprint, enricher.Fingerprint);
    }

    [Fact]
    public void An_invalid_host_file_fails_on_resolve_naming_file_and_fact()
    {
        var path = Path.Combine(_dir, "broken.json");
        File.WriteAllText(path, HostFile.Replace("\"PLANT-STD 7\", \"statement\"", "\"NO-SUCH-STD\", \"statement\"", StringComparison.Ordinal));
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseStandardsEnricher(o => o.AddFile(path));
        using var sp = services.BuildServiceProvider();

        var ex = Assert.Throws<StandardsValidationException>(() => sp.GetRequiredService<ISchemaEnricher>());

        Assert.Contains("broken.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("plant.housing", ex.Message, StringComparison.Ordinal);
        Assert.Contains("NO-SUCH-STD", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_registered_retriever_replaces_knowledge_base_retrieval()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IStandardsRetriever>(new ScriptedRetriever(StandardsKnowledgeBase.Embedded));
        services.AddSchemaWorkflow();
        using var sp = services.BuildServiceProvider();

        var enricher = Assert.IsType<StandardsSchemaEnricher>(sp.GetRequiredService<ISchemaEnricher>());

        Assert.EndsWith("+retriever.ScriptedRetriever", enricher.Fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_workflow_enriches_generated_schemas_with_cited_standards_values()
    {
        var generator = new FakeSchemaGenerator { Produce = _ => StandardsTestSupport.TemperatureTransmitter() };
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore().UseGenerator(_ => generator);
        await using var sp = services.BuildServiceProvider();
        var workflow = sp.GetRequiredService<ISchemaWorkflow>();

        var result = await workflow.GetOrGenerateAsync("temperature transmitter");

        var schema = result.EnsureSuccess();
        Assert.Equal("standards", schema.Provenance.Enricher);
        Assert.StartsWith("standards/1.0+kb.", schema.Provenance.EnricherFingerprint, StringComparison.Ordinal);
        Assert.NotEmpty(schema.FindField("failure_signal")!.Values);
        Assert.Empty(result.Enrichment!.FailedGroups);
    }

    private const string HostFile = """
        {
          "extends": "2026.11.1",
          "standards": [ { "id": "PLANT-STD 7", "edition": "2025", "title": "Plant instrument standard", "reason": "Our plant's rules for field instruments.", "classes": ["*"] } ],
          "facts": [
            { "id": "plant.housing", "standard": "PLANT-STD 7", "statement": "Field housings are stainless steel in the coastal plant.",
              "classes": ["temperature_transmitter"], "fields": ["housing_material"], "keywords": ["housing", "stainless"],
              "confidence": 0.9, "verification": "V",
              "payload": [ { "kind": "default", "field": "housing_material", "text": "stainless steel 316", "label": "plant default" } ] }
          ]
        }
        """;
}
