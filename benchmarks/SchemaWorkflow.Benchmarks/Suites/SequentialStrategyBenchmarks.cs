using BenchmarkDotNet.Attributes;
using SchemaWorkflow.Benchmarks.Infrastructure;
using SchemaWorkflow.Benchmarks.Simulation;

namespace SchemaWorkflow.Benchmarks.Suites;

/// <summary>
/// 2 (continued). The sequential strategy on the same workload. It ignores MaxConcurrency, so it is measured once per
/// N; its ideal (the baseline) is every step of every product back to back, N × 340 ms. Compare its time with the
/// concurrent ideal of <see cref="StrategyBenchmarks"/> for the speed-up.
/// </summary>
[MemoryDiagnoser]
[SuiteJob(SuiteJobKind.Macro, iterations: 3)]
public class SequentialStrategyBenchmarks : IDisposable
{
    private Workload _workload;
    private string[] _names = [];
    private SimulatedGenerator _generator = null!;
    private SimulatedEnricher _enricher = null!;
    private BenchWorkflow? _bench;

    [ParamsSource(nameof(Workloads))]
    public string Workload { get; set; } = string.Empty;

    /// <summary>N = 1 and 3 for every provider (the replaced system's claims are at one and three products), N = 10 for
    /// asynchronous providers. Sequential time is linear in N; N = 30 (10 s per run) is left out to keep the budget.</summary>
    public static IEnumerable<string> Workloads => Suite.Pick(
        [
            Simulation.Workload.Format(ProviderKind.Async, 1), Simulation.Workload.Format(ProviderKind.Async, 3), Simulation.Workload.Format(ProviderKind.Async, 10),
            Simulation.Workload.Format(ProviderKind.Blocking, 1), Simulation.Workload.Format(ProviderKind.Blocking, 3),
            Simulation.Workload.Format(ProviderKind.Cpu, 1), Simulation.Workload.Format(ProviderKind.Cpu, 3),
        ],
        [Simulation.Workload.Format(ProviderKind.Async, 1)]);

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
        _bench = new BenchWorkflow(_generator, _enricher, configure: o => o.MaxConcurrency = 3);
    }

    [Benchmark(Baseline = true, Description = "Ideal (all steps back to back)")]
    public Task SequentialIdeal() => IdealPath.SequentialAsync(_workload);

    [Benchmark]
    public async Task Sequential()
    {
        var results = await _bench!.Workflow.GetOrGenerateManyAsync(_names, new SchemaRequestOptions { Strategy = ExecutionStrategyKind.Sequential }).ConfigureAwait(false);
        StrategyChecks.Verify(results, _workload.N, ExecutionStrategyKind.Sequential, _generator, _enricher);
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _bench?.Dispose();
        _bench = null;
        GC.SuppressFinalize(this);
    }
}
