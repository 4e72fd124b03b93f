using BenchmarkDotNet.Attributes;
using SchemaWorkflow.Benchmarks.Infrastructure;
using SchemaWorkflow.Benchmarks.Prototypes;
using SchemaWorkflow.Benchmarks.Simulation;
using SchemaWorkflow.DependencyInjection;

namespace SchemaWorkflow.Benchmarks.Suites;

/// <summary>
/// 3. The pipelined strategy question. Baseline: the workflow's Async strategy at C = 3. Against it: the workflow with
/// a channel-based worker strategy (<see cref="ChannelWorkerStrategy"/>, the form an <see cref="IExecutionStrategy"/>
/// can take), and — outside the workflow — generation and enrichment composed with one shared limit of C versus as two
/// channel stages (C generations, 10 enrichments; <see cref="StagedPipeline"/>). Model ideals: one limit
/// ⌈N/C⌉ × 142 ms; two stages ⌈N/C⌉ × 100 + 42 ms.
/// </summary>
[MemoryDiagnoser]
[SuiteJob(SuiteJobKind.Macro, iterations: 3)]
public class PipelineBenchmarks : IDisposable
{
    private const int EnrichmentStageLimit = 10;

    private Workload _workload;
    private string[] _names = [];
    private ProductTypeKey[] _keys = [];
    private SimulatedGenerator _generator = null!;
    private SimulatedEnricher _enricher = null!;
    private BenchWorkflow? _asyncWorkflow;
    private BenchWorkflow? _channelWorkflow;

    [ParamsSource(nameof(Workloads))]
    public string Workload { get; set; } = string.Empty;

    public static IEnumerable<string> Workloads => Suite.Pick(
        [Simulation.Workload.Format(ProviderKind.Async, 10, 3), Simulation.Workload.Format(ProviderKind.Async, 30, 3), Simulation.Workload.Format(ProviderKind.Async, 30, 16)],
        [Simulation.Workload.Format(ProviderKind.Async, 3, 3)]);

    [GlobalSetup]
    public void Setup()
    {
        _workload = Simulation.Workload.Parse(Workload);
        _names = _workload.ProductNames();
        _keys = [.. _names.Select(ProductTypeText.ToKey)];
    }

    [IterationSetup]
    public void NewWorkflows()
    {
        DisposeWorkflows();
        _generator = new SimulatedGenerator(_workload.Provider);
        _enricher = new SimulatedEnricher(_workload.Provider);
        _asyncWorkflow = new BenchWorkflow(_generator, _enricher, configure: o => o.MaxConcurrency = _workload.C);
        _channelWorkflow = new BenchWorkflow(_generator, _enricher, configure: o => o.MaxConcurrency = _workload.C, build: b => b.UseExecutionStrategy<ChannelWorkerStrategy>());
    }

    [Benchmark(Baseline = true, Description = "Workflow, Async strategy")]
    public Task WorkflowAsync() => RunWorkflowAsync(_asyncWorkflow!);

    [Benchmark(Description = "Workflow, channel worker strategy")]
    public Task WorkflowChannelWorkers() => RunWorkflowAsync(_channelWorkflow!);

    [Benchmark(Description = "Direct, one limit C over both stages")]
    public async Task DirectSingleLimit()
    {
        var done = await StagedPipeline.SingleLimitAsync(_keys, _generator, _enricher, _workload.C).ConfigureAwait(false);
        BenchmarkCheck.That(done == _workload.N && _generator.Calls == _workload.N, $"{done} of {_workload.N} products done.");
    }

    [Benchmark(Description = "Direct, staged: C generations → 10 enrichments")]
    public async Task DirectStagedPipeline()
    {
        var done = await StagedPipeline.RunAsync(_keys, _generator, _enricher, _workload.C, EnrichmentStageLimit).ConfigureAwait(false);
        BenchmarkCheck.That(done == _workload.N && _generator.Calls == _workload.N, $"{done} of {_workload.N} products done.");
    }

    [GlobalCleanup]
    public void Dispose()
    {
        DisposeWorkflows();
        GC.SuppressFinalize(this);
    }

    private async Task RunWorkflowAsync(BenchWorkflow bench)
    {
        var results = await bench.Workflow.GetOrGenerateManyAsync(_names, new SchemaRequestOptions { Strategy = ExecutionStrategyKind.Async, MaxConcurrency = _workload.C }).ConfigureAwait(false);
        StrategyChecks.Verify(results, _workload.N, ExecutionStrategyKind.Async, _generator, _enricher);
    }

    private void DisposeWorkflows()
    {
        _asyncWorkflow?.Dispose();
        _channelWorkflow?.Dispose();
        _asyncWorkflow = _channelWorkflow = null;
    }
}
