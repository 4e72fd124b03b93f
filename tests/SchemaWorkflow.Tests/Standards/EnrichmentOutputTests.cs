using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.Enrichment;
using SchemaWorkflow.Execution;
using SchemaWorkflow.Serialization;
using SchemaWorkflow.Standards;

namespace SchemaWorkflow.Tests.Standards;

/// <summary>
/// The enriched schema of every catalog class, byte for byte: unchanged by performance work, the same on every run,
/// whether built fresh, answered from the enricher's per-field memo or run through another execution strategy.
/// </summary>
public class EnrichmentOutputTests
{
    // SHA-256 over the JSON of every enriched catalog schema (catalog order, one line each, generated at
    // 2026-01-01T00:00:00Z). Change it only together with an intended change of the catalog, the knowledge base, the
    // generator or the enricher's output, and say so in the commit.
    private const string ExpectedDigest = "ed16c074a165e9f6a5400d24d4821c2729393c76b6386ac22aff13c83969d30f";

    private static readonly DateTimeOffset GeneratedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Every_enriched_catalog_schema_is_byte_for_byte_the_recorded_output()
    {
        var lines = await EnrichAllAsync(AsyncExecutionStrategy.Instance);

        Assert.Equal(new InstrumentCatalog().Classes.Count, lines.Count);
        Assert.Equal(ExpectedDigest, Digest(lines));
    }

    [Fact]
    public async Task Enrichment_is_deterministic_across_fresh_enrichers_memo_hits_and_strategies()
    {
        var first = await EnrichAllAsync(AsyncExecutionStrategy.Instance);
        var again = await EnrichAllAsync(AsyncExecutionStrategy.Instance);
        var sequential = await EnrichAllAsync(SequentialExecutionStrategy.Instance);
        var parallel = await EnrichAllAsync(ParallelExecutionStrategy.Instance);

        Assert.Equal(first, again);
        Assert.Equal(first, sequential);
        Assert.Equal(first, parallel);

        // The same schema instances enriched twice by one enricher: the second pass answers from the per-field memo.
        var catalog = new InstrumentCatalog();
        var generator = new CatalogSchemaGenerator(catalog, new FakeTimeProvider(GeneratedAt));
        var enricher = new StandardsSchemaEnricher(StandardsKnowledgeBase.Embedded);
        var context = new EnrichmentContext { Strategy = AsyncExecutionStrategy.Instance };
        for (var i = 0; i < catalog.Classes.Count; i++)
        {
            var schema = generator.Generate(catalog.Classes[i].Key);
            var fresh = await enricher.EnrichAsync(schema, context);
            var memo = await enricher.EnrichAsync(schema, context);
            Assert.Equal(first[i], Json(fresh.Schema));
            Assert.Equal(first[i], Json(memo.Schema));
            Assert.Equal(Facts(fresh.Report), Facts(memo.Report));
        }
    }

    private static async Task<List<string>> EnrichAllAsync(IExecutionStrategy strategy)
    {
        var catalog = new InstrumentCatalog();
        var generator = new CatalogSchemaGenerator(catalog, new FakeTimeProvider(GeneratedAt));
        var enricher = new StandardsSchemaEnricher(StandardsKnowledgeBase.Embedded);
        var context = new EnrichmentContext { Strategy = strategy };
        var lines = new List<string>();
        foreach (var cls in catalog.Classes)
        {
            var outcome = await enricher.EnrichAsync(generator.Generate(cls.Key), context);
            lines.Add(Json(outcome.Schema));
        }

        return lines;
    }

    private static string Json(ProductSchema schema) => JsonSerializer.Serialize(schema, SchemaWorkflowJsonContext.Default.ProductSchema);

    private static string Digest(List<string> lines) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat(lines.Select(static l => l + "\n")))));

    private static string Facts(EnrichmentReport report) =>
        string.Join(";", report.Groups.Select(static g => $"{g.Group}:{g.FieldsPopulated}:{string.Join(",", g.FactsUsed)}:{string.Join(",", g.Rejected)}"));
}
