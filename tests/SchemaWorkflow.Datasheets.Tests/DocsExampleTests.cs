using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.Datasheets.Tests.Infrastructure;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Execution;
using SchemaWorkflow.Generation;

namespace SchemaWorkflow.Datasheets.Tests;

/// <summary>The examples of docs/datasheets.md, compiled and run against the synthetic corpus (its folder stands for "datasheets").</summary>
[Collection(CorpusCollection.Name)]
public sealed class DocsExampleTests(CorpusFixture fixture)
{
    [Fact]
    public async Task Folder_example_serves_a_type_from_datasheets()
    {
        var datasheets = fixture.Corpus.Root;
        var services = new ServiceCollection();

        // --- docs example ---
        services.AddSchemaWorkflow()
            .UseDatasheetGenerator(o => o.AddFolder(datasheets))
            .UseCatalogGenerator();
        // --- end ---

        services.AddSchemaWorkflow().UseInMemoryStore().WithoutEnricher();
        await using var provider = services.BuildServiceProvider();
        var workflow = provider.GetRequiredService<ISchemaWorkflow>();
        var result = await workflow.GetOrGenerateAsync("pressure transmitter", cancellationToken: TestContext.Current());

        Assert.Equal("datasheets", result.GeneratedBy);
        Assert.Contains("Brennick Controls BPT-7000.pdf", result.Schema!.Provenance.Sources);
    }

    [Fact]
    public void Url_and_vendor_examples_configure_valid_options()
    {
        var services = new ServiceCollection();

        // --- docs example ---
        services.AddSchemaWorkflow()
            .UseDatasheetGenerator(o =>
            {
                o.AddUrl("Endress+Hauser", "pressure_transmitter", "https://vendor.example/TI00436P.pdf")
                 .AddUrl("Emerson", "pressure_transmitter", "https://vendor.example/00813-0100-4001.pdf");
                o.Http.MaxConcurrentDownloads = 4;
                o.Http.DownloadTimeout = TimeSpan.FromSeconds(30);
                o.Http.MaxDocumentBytes = 25 * 1024 * 1024;
                o.Http.MaxRetries = 2;
                o.Http.CacheDirectory = "datasheet-cache";
            })
            .UseCatalogGenerator();
        services.AddSchemaWorkflow()
            .UseDatasheetGenerator(o => o
                .AddFolder("datasheets")
                .SetVendors("pressure_transmitter", "Endress+Hauser", "Emerson", "Acme Controls")
                .AddVendors("control_valve", "Acme Valves"));
        // --- end ---

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<IOptions<DatasheetGeneratorOptions>>().Value;
        var generator = provider.GetRequiredService<DatasheetSchemaGenerator>();

        Assert.Equal(2, options.Http.Urls.Count);
        Assert.Equal(["folder", "http"], generator.Sources.Select(static s => s.Name));
        Assert.Contains("+host.2+", generator.Fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Direct_example_reports_steps_and_documents()
    {
        var lines = new List<string>();
        var datasheets = fixture.Corpus.Root;

        // --- docs example ---
        var options = new DatasheetGeneratorOptions().SetVendors("pressure_transmitter", "Aldor Instruments", "Brennick Controls", "Corvane Messtechnik");
        var generator = new DatasheetSchemaGenerator(
            new EmbeddedVendorDirectory(options.VendorOverrides),
            [new LocalFolderDatasheetSource(datasheets)],
            options,
            new InstrumentCatalog());

        var result = await generator.GenerateWithReportAsync(new SchemaGenerationRequest
        {
            Key = ProductTypeKey.Parse("pressure_transmitter"),
            RequestedName = "pressure transmitter",
            Strategy = ExecutionStrategies.For(ExecutionStrategyKind.Async),
            MaxConcurrency = 4,
        });

        foreach (var step in result.Report.Steps)
        {
            lines.Add($"{step.Step}: {step.Duration.TotalMilliseconds:0} ms");
        }

        foreach (var document in result.Report.Documents)
        {
            lines.Add($"{document.Document.CitationSource}: {document.Status} {document.Error}");
        }
        // --- end ---

        Assert.Equal(4 + 9, lines.Count);
        Assert.StartsWith("Discover: ", lines[0], StringComparison.Ordinal);
        Assert.Contains(lines, static l => l.StartsWith("Aldor Instruments scan-0042.pdf: NoText", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Extractor_example_runs_beside_the_layout_extractor()
    {
        var datasheets = fixture.Corpus.Root;
        var services = new ServiceCollection();
        var builder = services.AddSchemaWorkflow().UseInMemoryStore().WithoutEnricher();

        // --- docs example ---
        builder.UseDatasheetGenerator(o => o.AddFolder(datasheets)).AddDatasheetExtractor<ModelExtractor>();
        // --- end ---

        await using var provider = services.BuildServiceProvider();
        var generator = provider.GetRequiredService<DatasheetSchemaGenerator>();
        var result = await generator.GenerateWithReportAsync(Requests.For("pressure_transmitter"), TestContext.Current());

        Assert.Equal(["layout", "model"], generator.Extractors.Select(static e => e.Name));
        Assert.Contains(result.Report.Documents.SelectMany(static d => d.Specifications), static s => s.Extractor == "model" && s.FieldKey == "supply_voltage");
    }

    public sealed class ModelExtractor : IDatasheetExtractor
    {
        public string Name => "model";

        public ValueTask<IReadOnlyList<SpecificationPair>> ExtractAsync(DatasheetText text, DatasheetExtractionContext context, CancellationToken cancellationToken = default) =>
            new([new SpecificationPair { Key = "Supply voltage", Value = "10.5 ... 42 V DC", Page = 1, FieldKey = "supply_voltage" }]);
    }
}
