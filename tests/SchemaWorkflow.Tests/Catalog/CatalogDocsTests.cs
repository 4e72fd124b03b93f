using System.Text;
using System.Text.RegularExpressions;
using SchemaWorkflow.Catalog;

namespace SchemaWorkflow.Tests.Catalog;

/// <summary>Keeps docs/catalog.md in step with the data: the class table is regenerated and compared, and the host-file example is loaded.</summary>
public sealed partial class CatalogDocsTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private const string Start = "<!-- catalog-classes:start -->";
    private const string End = "<!-- catalog-classes:end -->";
    private const string UpdateVariable = "SCHEMAWORKFLOW_UPDATE_DOCS";

    /// <summary>The class table as docs/catalog.md shows it.</summary>
    internal static string RenderClassTable(InstrumentCatalog catalog)
    {
        var sb = new StringBuilder();
        sb.Append("| key | display name | family | ISA codes | fields | file |\n");
        sb.Append("|---|---|---|---|---|---|\n");
        foreach (var cls in catalog.Classes)
        {
            var codes = cls.IsaCodes.Count == 0 ? "–" : string.Join(", ", cls.IsaCodes);
            sb.Append($"| `{cls.Key.Value}` | {cls.DisplayName} | {cls.Family} | {codes} | {cls.Fields.Count} | {cls.SourceFile} |\n");
        }

        sb.Append($"\n{catalog.Classes.Count} classes, catalog version {catalog.Version}.\n");
        return sb.ToString();
    }

    [Fact]
    public void The_class_table_in_docs_matches_the_data()
    {
        var path = DocsPath();
        var text = File.ReadAllText(path).ReplaceLineEndings("\n");
        var start = text.IndexOf(Start, StringComparison.Ordinal);
        var end = text.IndexOf(End, StringComparison.Ordinal);
        Assert.True(start >= 0 && end > start, $"docs/catalog.md lost its {Start} / {End} markers.");

        var expected = "\n" + RenderClassTable(fixture.Catalog);
        var actual = text[(start + Start.Length)..end];
        if (actual != expected && Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, string.Concat(text.AsSpan(0, start + Start.Length), expected, text.AsSpan(end)));
            return;
        }

        Assert.True(
            actual == expected,
            $"The class table in docs/catalog.md is stale (the catalog data changed). Regenerate it with: {UpdateVariable}=1 dotnet test tests/SchemaWorkflow.Tests --filter FullyQualifiedName~CatalogDocsTests — then commit docs/catalog.md.");
    }

    [Fact]
    public void The_host_file_example_in_docs_loads_resolves_and_generates()
    {
        var text = File.ReadAllText(DocsPath());
        var json = HostFileExample().Match(text);
        Assert.True(json.Success, "docs/catalog.md has no ```json host file example.");

        var catalog = InstrumentCatalog.FromHostTexts(("docs-example.json", json.Groups["json"].Value));
        Assert.True(catalog.TryGetClass(ProductTypeKey.Parse("steam_trap"), out var trap));
        Assert.True(catalog.TryGetClass(ProductTypeKey.Parse("pressure_gauge"), out var gauge));
        Assert.True(gauge.FromHostFile);
        Assert.Equal("steam_trap", new CatalogProductTypeResolver(catalog).Resolve("condensate traps").Key?.Value);
        Assert.Empty(SchemaWorkflow.Quality.SchemaQualityGate.Validate(new CatalogSchemaGenerator(catalog).Generate(trap.Key)));
    }

    private static string DocsPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SchemaWorkflow.sln")))
            {
                return Path.Combine(dir.FullName, "docs", "catalog.md");
            }
        }

        throw new InvalidOperationException("SchemaWorkflow.sln not found above the test output folder.");
    }

    [GeneratedRegex(@"<!-- host-file-example -->\s*```json\s*(?<json>.*?)```", RegexOptions.Singleline)]
    private static partial Regex HostFileExample();
}
