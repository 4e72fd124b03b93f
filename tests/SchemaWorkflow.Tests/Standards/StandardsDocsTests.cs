using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Enrichment;
using SchemaWorkflow.Standards;

namespace SchemaWorkflow.Tests.Standards;

/// <summary>Keeps docs/standards-enrichment.md true: its standards table and its examples.</summary>
public sealed class StandardsDocsTests : IDisposable
{
    private const string Start = "<!-- standards-table:start -->";
    private const string End = "<!-- standards-table:end -->";
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "sw-standards-docs-" + Guid.NewGuid().ToString("N"));

    public StandardsDocsTests() => Directory.CreateDirectory(_dir);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Docs_table_lists_every_standard_with_its_fact_count()
    {
        var page = File.ReadAllText(DocsPath());
        var start = page.IndexOf(Start, StringComparison.Ordinal);
        var end = page.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/standards-enrichment.md lacks the {Start} … {End} markers.");

        var documented = page[(start + Start.Length)..end].Trim().ReplaceLineEndings("\n");
        var expected = Table(StandardsKnowledgeBase.Embedded).Trim();

        Assert.True(documented == expected, "The standards table in docs/standards-enrichment.md is out of date; replace it with:\n" + expected);
    }

    [Fact]
    public void Docs_totals_match_the_knowledge_base()
    {
        var page = File.ReadAllText(DocsPath());
        var kb = StandardsKnowledgeBase.Embedded;

        Assert.Contains($"**{kb.Facts.Count} facts** from **{kb.Standards.Count} standards**", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Docs_example_host_file_loads_and_applies()
    {
        var page = File.ReadAllText(DocsPath());
        var json = Block(page, "```json", "plant-facts.json");
        var path = Path.Combine(_dir, "plant-facts.json");
        await File.WriteAllTextAsync(path, json);

        var kb = StandardsKnowledgeBase.Load(new StandardsOptions().AddFile(path));
        var outcome = await new StandardsSchemaEnricher(kb).EnrichAsync(StandardsTestSupport.TemperatureTransmitter(), StandardsTestSupport.Context());

        Assert.Contains(outcome.Schema.FindField("housing_material")!.Values, static v => v.Citations[0].Source == "PLANT-SPEC 12:2025");
    }

    [Fact]
    public async Task Docs_example_host_enricher_runs_in_the_workflow()
    {
        var services = new ServiceCollection();
        services.AddSingleton<StandardsSchemaEnricher>();
        services.AddSchemaWorkflow().UseInMemoryStore().UseEnricher<PlantRulesEnricher>();
        await using var sp = services.BuildServiceProvider();

        var result = await sp.GetRequiredService<ISchemaWorkflow>().GetOrGenerateAsync("temperature transmitter");

        var schema = result.EnsureSuccess();
        Assert.Equal("plant-rules", schema.Provenance.Enricher);
        var ip = schema.FindField("ingress_protection")!.Values;
        Assert.Contains(ip, static v => v is { Kind: FieldValueKind.RecommendedDefault, Text: "IP66/IP67" });
        Assert.Contains(ip, static v => v.Citations[0].Source == "IEC 60529");
    }

    [Fact]
    public void Docs_example_code_is_the_code_the_tests_compile()
    {
        var page = File.ReadAllText(DocsPath()).ReplaceLineEndings("\n");
        var source = File.ReadAllText(Path.Combine(RepoRoot(), "tests", "SchemaWorkflow.Tests", "Standards", "PlantRulesEnricher.cs")).ReplaceLineEndings("\n");
        var body = source[source.IndexOf("public sealed class PlantRulesEnricher", StringComparison.Ordinal)..].Trim();

        Assert.Contains(body, page, StringComparison.Ordinal);
    }

    internal static string Table(StandardsKnowledgeBase kb)
    {
        var sb = new StringBuilder();
        sb.Append("| Standard | Edition | Facts | Defined in |\n");
        sb.Append("|---|---|---:|---|\n");
        foreach (var standard in kb.Standards)
        {
            var count = kb.Facts.Count(f => f.Standard == standard.Id);
            sb.Append($"| {standard.Id} | {standard.Edition ?? "–"} | {count} | {standard.File} |\n");
        }

        return sb.ToString();
    }

    private static string Block(string page, string fence, string marker)
    {
        var at = page.IndexOf(marker, StringComparison.Ordinal);
        var open = page.IndexOf(fence, at, StringComparison.Ordinal) + fence.Length;
        var close = page.IndexOf("```", open, StringComparison.Ordinal);
        return page[open..close];
    }

    private static string DocsPath() => Path.Combine(RepoRoot(), "docs", "standards-enrichment.md");

    private static string RepoRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "SchemaWorkflow.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Cannot find the repository root (SchemaWorkflow.sln).");
    }
}
