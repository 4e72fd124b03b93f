using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.DependencyInjection;
using SchemaWorkflow.Benchmarks.Infrastructure;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Enrichment;
using SchemaWorkflow.Execution;
using SchemaWorkflow.Quality;

namespace SchemaWorkflow.Benchmarks.Suites;

/// <summary>
/// 6. Offline cold generation with the embedded defaults — catalog resolver, catalog generator, standards enricher —
/// and no simulated latency: N = 3 (the seed types) or every catalog class. Each iteration starts from a new service
/// provider (a fresh catalog generator, enricher and in-memory store, loaded in the setup), so every schema is built
/// and enriched for the first time. Baseline: generator, enricher and quality gate called directly. Time/item and
/// Alloc/item are per schema.
/// </summary>
[MemoryDiagnoser]
[PerItemColumns(PerItem.Mean, PerItem.Allocation)]
[SuiteJob(SuiteJobKind.Macro, iterations: 10)]
public class OfflineGenerationBenchmarks : IDisposable
{
    private static readonly string[] SeedTypes = ["Temperature Transmitter", "Pressure Gauge", "Level Switch"];

    private static readonly EnrichmentContext Context = new() { Strategy = AsyncExecutionStrategy.Instance };

    private string[] _names = [];
    private ServiceProvider? _services;
    private ISchemaWorkflow _workflow = null!;
    private CatalogSchemaGenerator _generator = null!;
    private ISchemaEnricher _enricher = null!;
    private ProductTypeKey[] _keys = [];

    /// <summary>3 = the seed types; the larger value = every class of the embedded catalog.</summary>
    [ParamsSource(nameof(Sizes))]
    public int N { get; set; }

    public static IEnumerable<int> Sizes => Suite.Pick([SeedTypes.Length, new InstrumentCatalog().Classes.Count], [SeedTypes.Length]);

    [GlobalSetup]
    public void Setup()
    {
        var catalog = new InstrumentCatalog();
        _names = N == SeedTypes.Length ? SeedTypes : [.. catalog.Classes.Select(static c => c.DisplayName)];
        BenchmarkCheck.That(_names.Length == N, $"The catalog has {catalog.Classes.Count} classes, the benchmark expected {N}.");
        NewServices();
        _keys = new ProductTypeKey[N];
        for (var i = 0; i < N; i++)
        {
            var resolution = _services!.GetRequiredService<IProductTypeResolver>().ResolveAsync(_names[i]).AsTask().GetAwaiter().GetResult();
            BenchmarkCheck.That(resolution.Key is not null, $"'{_names[i]}' does not resolve.");
            _keys[i] = resolution.Key!.Value;
        }
    }

    [IterationSetup]
    public void NewServices()
    {
        _services?.Dispose();
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore();
        _services = services.BuildServiceProvider();
        _workflow = _services.GetRequiredService<ISchemaWorkflow>();
        _generator = _services.GetRequiredService<CatalogSchemaGenerator>();
        _enricher = _services.GetRequiredService<ISchemaEnricher>();
        _ = _services.GetRequiredService<IProductTypeResolver>();
    }

    [Benchmark(Baseline = true, Description = "Direct: catalog generate + standards enrich + quality gate")]
    public async Task Direct()
    {
        foreach (var key in _keys)
        {
            var schema = _generator.Generate(key);
            var outcome = await _enricher.EnrichAsync(schema, Context).ConfigureAwait(false);
            var problems = SchemaQualityGate.Validate(outcome.Schema);
            BenchmarkCheck.That(problems.Count == 0, $"'{key}' failed the quality gate: {string.Join(" ", problems.Take(3))}");
        }
    }

    [Benchmark(Description = "GetOrGenerateAsync, one type after another")]
    public async Task WorkflowOneByOne()
    {
        foreach (var name in _names)
        {
            var result = await _workflow.GetOrGenerateAsync(name).ConfigureAwait(false);
            Check(result);
        }
    }

    [Benchmark(Description = "GetOrGenerateManyAsync")]
    public async Task WorkflowBatch()
    {
        var results = await _workflow.GetOrGenerateManyAsync(_names).ConfigureAwait(false);
        foreach (var result in results)
        {
            Check(result);
        }
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _services?.Dispose();
        _services = null;
        GC.SuppressFinalize(this);
    }

    private static void Check(SchemaResult result) =>
        BenchmarkCheck.That(
            result is { Succeeded: true, Source: SchemaSource.Generated, Enrichment: not null, Persisted: true } && result.Schema!.Standards.Count > 0,
            $"'{result.RequestedName}' was not generated, enriched and stored: {result.Source} {result.Error?.Message}");
}
