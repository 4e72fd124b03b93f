using BenchmarkDotNet.Attributes;
using SchemaWorkflow.Benchmarks.Infrastructure;
using SchemaWorkflow.Benchmarks.Simulation;

namespace SchemaWorkflow.Benchmarks.Suites;

/// <summary>
/// 2. The Parallel and Async strategies on the replaced system's workload (1 s → 1 ms), through
/// <see cref="ISchemaWorkflow.GetOrGenerateManyAsync"/>: N products, MaxConcurrency C, providers that wait
/// asynchronously, block their thread, or burn CPU. The baseline runs the model's critical path with the same
/// primitives, so Ratio = measured ÷ ideal. The sequential strategy has its own class (it ignores C).
/// </summary>
[MemoryDiagnoser]
[SuiteJob(SuiteJobKind.Macro, iterations: 3)]
public class StrategyBenchmarks : IDisposable
{
    private Workload _workload;
    private string[] _names = [];
    private SimulatedGenerator _generator = null!;
    private SimulatedEnricher _enricher = null!;
    private BenchWorkflow? _bench;

    [ParamsSource(nameof(Workloads))]
    public string Workload { get; set; } = string.Empty;

    /// <summary>
    /// (a) asynchronous providers: the full N × C matrix. (b) blocking providers: N ≤ 10 at both C. (c) CPU-bound
    /// providers: N ≤ 10 at C = 16 (on 2 cores any C ≥ 3 is not the binding limit). Limited to keep the suite within
    /// its time budget.
    /// </summary>
    public static IEnumerable<string> Workloads => Suite.Pick(
        [
            .. from n in new[] { 1, 3, 10, 30 } from c in new[] { 3, 16 } select Simulation.Workload.Format(ProviderKind.Async, n, c),
            .. from n in new[] { 1, 3, 10 } from c in new[] { 3, 16 } select Simulation.Workload.Format(ProviderKind.Blocking, n, c),
            .. from n in new[] { 1, 3, 10 } select Simulation.Workload.Format(ProviderKind.Cpu, n, 16),
        ],
        [Simulation.Workload.Format(ProviderKind.Async, 3, 3), Simulation.Workload.Format(ProviderKind.Blocking, 3, 3), Simulation.Workload.Format(ProviderKind.Cpu, 1, 16)]);

    [GlobalSetup]
    public void Setup()
    {
        _workload = Simulation.Workload.Parse(Workload);
        _names = _workload.ProductNames();
    }

    [IterationSetup]
    public void NewWorkflow()
    {
        _bench?.Dispose();
        _generator = new SimulatedGenerator(_workload.Provider);
        _enricher = new SimulatedEnricher(_workload.Provider);
        _bench = new BenchWorkflow(_generator, _enricher, configure: o => o.MaxConcurrency = _workload.C);
    }

    [Benchmark(Baseline = true, Description = "Ideal (critical path)")]
    public Task CriticalPath() => IdealPath.ConcurrentAsync(_workload, Environment.ProcessorCount);

    [Benchmark]
    public Task Parallel() => RunAsync(ExecutionStrategyKind.Parallel);

    [Benchmark]
    public Task Async() => RunAsync(ExecutionStrategyKind.Async);

    [GlobalCleanup]
    public void Dispose()
    {
        _bench?.Dispose();
        _bench = null;
        GC.SuppressFinalize(this);
    }

    private async Task RunAsync(ExecutionStrategyKind strategy)
    {
        var results = await _bench!.Workflow.GetOrGenerateManyAsync(_names, new SchemaRequestOptions { Strategy = strategy, MaxConcurrency = _workload.C }).ConfigureAwait(false);
        StrategyChecks.Verify(results, _workload.N, strategy, _generator, _enricher);
    }
}

/// <summary>Checks shared by the strategy benchmarks: every product generated once, enriched once, by the strategy asked for.</summary>
internal static class StrategyChecks
{
    public static void Verify(IReadOnlyList<SchemaResult> results, int n, ExecutionStrategyKind strategy, SimulatedGenerator generator, SimulatedEnricher enricher)
    {
        BenchmarkCheck.AllSucceeded(results, n, SchemaSource.Generated);
        BenchmarkCheck.That(generator.Calls == n, $"The generator ran {generator.Calls} times for {n} products.");
        BenchmarkCheck.That(enricher.Calls == n, $"The enricher ran {enricher.Calls} times for {n} products.");
        foreach (var r in results)
        {
            BenchmarkCheck.That(r.Strategy == strategy && r.Enrichment is not null, $"'{r.RequestedName}' ran {r.Strategy}, enriched: {r.Enrichment is not null}.");
        }
    }
}
