using SchemaWorkflow.Generation;

namespace SchemaWorkflow.Benchmarks.Simulation;

/// <summary>
/// The replaced system's generation pipeline as a generator: vendor discovery, three datasheet downloads fanned out
/// through the request's strategy, extraction, schema creation. Each step is an async wait, a blocking wait or CPU
/// work, per <see cref="ProviderKind"/>.
/// </summary>
public sealed class SimulatedGenerator(ProviderKind kind) : ISchemaGenerator
{
    private static readonly int[] DownloadItems = [.. Enumerable.Range(0, WorkloadModel.Downloads)];
    private int _calls;

    public string Name => "simulated";

    public string Fingerprint => "simulated/1";

    public ProviderKind Kind => kind;

    public int Calls => Volatile.Read(ref _calls);

    public async ValueTask<ProductSchema> GenerateAsync(SchemaGenerationRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        await SimulatedStep.RunAsync(kind, WorkloadModel.VendorDiscoveryMs, cancellationToken).ConfigureAwait(false);
        await request.Strategy.RunAsync(DownloadItems, request.MaxConcurrency, (_, ct) => SimulatedStep.RunAsync(kind, WorkloadModel.DownloadMs, ct), cancellationToken).ConfigureAwait(false);
        await SimulatedStep.RunAsync(kind, WorkloadModel.ExtractionMs, cancellationToken).ConfigureAwait(false);
        await SimulatedStep.RunAsync(kind, WorkloadModel.SchemaCreationMs, cancellationToken).ConfigureAwait(false);
        return BenchSchemas.Realistic(request.Key, Name, Fingerprint);
    }
}
