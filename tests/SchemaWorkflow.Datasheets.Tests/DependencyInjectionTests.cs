using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SchemaWorkflow.Datasheets.Tests.Corpus;
using SchemaWorkflow.Datasheets.Tests.Infrastructure;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Generation;

namespace SchemaWorkflow.Datasheets.Tests;

/// <summary><c>UseDatasheetGenerator</c> in a workflow: chain order, fallback, host registrations, validation at start.</summary>
[Collection(CorpusCollection.Name)]
public sealed class DependencyInjectionTests(CorpusFixture fixture)
{
    private ServiceProvider Build(Action<DatasheetGeneratorOptions> configure, Action<IServiceCollection>? before = null, Action<ISchemaWorkflowBuilder>? after = null)
    {
        var services = new ServiceCollection();
        before?.Invoke(services);
        var builder = services.AddSchemaWorkflow()
            .UseInMemoryStore()
            .WithoutEnricher()
            .UseDatasheetGenerator(configure)
            .UseCatalogGenerator();
        after?.Invoke(builder);
        return services.BuildServiceProvider(validateScopes: true);
    }

    [Fact]
    public async Task Types_with_datasheets_come_from_them_and_the_rest_fall_back_to_the_catalog()
    {
        var reports = new List<DatasheetGenerationReport>();
        await using var provider = Build(o => o.AddFolder(fixture.Corpus.Root)
            .SetVendors("pressure_transmitter", SyntheticCorpus.Vendors)
            .OnReport = r =>
            {
                lock (reports)
                {
                    reports.Add(r);
                }
            });
        var workflow = provider.GetRequiredService<ISchemaWorkflow>();

        var pressure = await workflow.GetOrGenerateAsync("Pressure transmitter", cancellationToken: TestContext.Current());
        var valve = await workflow.GetOrGenerateAsync("control valve", cancellationToken: TestContext.Current());

        Assert.Equal((SchemaSource.Generated, "datasheets"), (pressure.Source, pressure.GeneratedBy));
        Assert.Contains("Corvane Messtechnik CPT-2.pdf", pressure.Schema!.Provenance.Sources);
        Assert.NotNull(pressure.Schema.FindField("weight"));
        Assert.Equal((SchemaSource.Fallback, "catalog"), (valve.Source, valve.GeneratedBy));
        Assert.Equal(["pressure_transmitter", "control_valve"], reports.Select(static r => r.ProductType.Value));
        Assert.Null(reports[0].Error);
        Assert.NotNull(reports[1].Error);
    }

    [Fact]
    public void The_chain_holds_the_datasheet_generator_once_and_before_the_catalog()
    {
        using var provider = Build(o => o.AddFolder(fixture.Corpus.Root), after: b => b.UseDatasheetGenerator(o => o.MaxVendors = 3));

        var chain = provider.GetRequiredService<SchemaGeneratorChain>();

        Assert.Equal(["datasheets", "catalog"], chain.Generators.Select(static g => g.Name));
        Assert.Equal(3, provider.GetRequiredService<IOptions<DatasheetGeneratorOptions>>().Value.MaxVendors);
    }

    [Fact]
    public void Host_registrations_of_directory_sources_and_extractors_are_used()
    {
        var directory = new EmbeddedVendorDirectory([new VendorListOverride("pressure_transmitter", ["Acme Controls"], Replace: true)]);
        using var provider = Build(
            o => o.AddFolder(fixture.Corpus.Root).AddUrl("Acme Controls", "pressure_transmitter", "http://127.0.0.1:9/a.pdf"),
            before: s => s.AddSingleton<IVendorDirectory>(directory),
            after: b => b.AddDatasheetExtractor<NoPairsExtractor>().AddDatasheetSource<EmptySource>());

        var generator = provider.GetRequiredService<DatasheetSchemaGenerator>();

        Assert.Same(directory, provider.GetRequiredService<IVendorDirectory>());
        Assert.Equal(["folder", "http", "empty"], generator.Sources.Select(static s => s.Name));
        Assert.Equal(["layout", "none"], generator.Extractors.Select(static e => e.Name));
        Assert.Contains("+host.1+", generator.Fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_options_fail_when_the_workflow_starts_with_each_setting_named()
    {
        using var provider = Build(o =>
        {
            o.FuzzyThreshold = 10;
            o.Http.MaxConcurrentDownloads = 0;
            o.SetVendors("Pressure Transmitter", "Acme");
        });

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<DatasheetGeneratorOptions>>().Value);

        Assert.Contains("Datasheets:FuzzyThreshold is 10; it must be between 50 and 100.", ex.Failures);
        Assert.Contains("Datasheets:Http.MaxConcurrentDownloads is 0; it must be between 1 and 64.", ex.Failures);
        Assert.Contains(ex.Failures, static f => f.Contains("'Pressure Transmitter', which is not a canonical key", StringComparison.Ordinal));
    }

    private sealed class NoPairsExtractor : IDatasheetExtractor
    {
        public string Name => "none";

        public ValueTask<IReadOnlyList<SpecificationPair>> ExtractAsync(DatasheetText text, DatasheetExtractionContext context, CancellationToken cancellationToken = default) => new([]);
    }

    private sealed class EmptySource : IDatasheetSource
    {
        public string Name => "empty";

        public ValueTask<IReadOnlyList<string>> GetVendorNamesAsync(ProductTypeKey productType, CancellationToken cancellationToken = default) => new([]);

        public ValueTask<IReadOnlyList<DatasheetReference>> DiscoverAsync(DatasheetVendor vendor, ProductTypeKey productType, CancellationToken cancellationToken = default) => new([]);

        public ValueTask<DatasheetContent> FetchAsync(DatasheetReference reference, CancellationToken cancellationToken = default) => throw new NotSupportedException();
    }
}
