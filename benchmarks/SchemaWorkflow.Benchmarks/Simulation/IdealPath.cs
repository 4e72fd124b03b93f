namespace SchemaWorkflow.Benchmarks.Simulation;

/// <summary>
/// Runs the model's ideal — the critical path — with the same primitives the simulated providers use, so the ideal
/// carries the same timer granularity as the measurement it is compared with. Nothing of the workflow runs here.
/// </summary>
public static class IdealPath
{
    /// <summary>⌈N/C⌉ waves of one product's critical path: 15 + 15 + 25 + 45 + 42 ms (CPU: see <see cref="WorkloadModel.IdealMs"/>).</summary>
    public static Task ConcurrentAsync(Workload w, int cores)
    {
        switch (w.Provider)
        {
            case ProviderKind.Async:
                return ChainAsync(WorkloadModel.Waves(w.N, w.C));
            case ProviderKind.Blocking:
                for (var i = 0; i < WorkloadModel.Waves(w.N, w.C); i++)
                {
                    ChainBlocking();
                }

                return Task.CompletedTask;
            default:
                CpuIdeal(w, cores);
                return Task.CompletedTask;
        }
    }

    /// <summary>Every step of every product one after another: N × (15 + 3×15 + 25 + 45 + 5×42) ms.</summary>
    public static async Task SequentialAsync(Workload w)
    {
        for (var p = 0; p < w.N; p++)
        {
            await Step(w.Provider, WorkloadModel.VendorDiscoveryMs).ConfigureAwait(false);
            for (var d = 0; d < WorkloadModel.Downloads; d++)
            {
                await Step(w.Provider, WorkloadModel.DownloadMs).ConfigureAwait(false);
            }

            await Step(w.Provider, WorkloadModel.ExtractionMs).ConfigureAwait(false);
            await Step(w.Provider, WorkloadModel.SchemaCreationMs).ConfigureAwait(false);
            for (var g = 0; g < WorkloadModel.EnrichmentGroups; g++)
            {
                await Step(w.Provider, WorkloadModel.EnrichmentGroupMs).ConfigureAwait(false);
            }
        }
    }

    private static ValueTask Step(ProviderKind kind, int ms) => SimulatedStep.RunAsync(kind, ms, CancellationToken.None);

    private static async Task ChainAsync(int waves)
    {
        for (var i = 0; i < waves; i++)
        {
            await Task.Delay(WorkloadModel.VendorDiscoveryMs).ConfigureAwait(false);
            await Task.Delay(WorkloadModel.DownloadMs).ConfigureAwait(false);
            await Task.Delay(WorkloadModel.ExtractionMs).ConfigureAwait(false);
            await Task.Delay(WorkloadModel.SchemaCreationMs).ConfigureAwait(false);
            await Task.Delay(WorkloadModel.EnrichmentGroupMs).ConfigureAwait(false);
        }
    }

    private static void ChainBlocking()
    {
        Thread.Sleep(WorkloadModel.VendorDiscoveryMs);
        Thread.Sleep(WorkloadModel.DownloadMs);
        Thread.Sleep(WorkloadModel.ExtractionMs);
        Thread.Sleep(WorkloadModel.SchemaCreationMs);
        Thread.Sleep(WorkloadModel.EnrichmentGroupMs);
    }

    /// <summary>The CPU-bound ideal: whichever bound of <see cref="WorkloadModel.IdealMs"/> is largest, run as such.</summary>
    private static void CpuIdeal(Workload w, int cores)
    {
        var total = w.N * (double)WorkloadModel.ProductWorkMs / cores;
        var waves = WorkloadModel.Waves(w.N, w.C) * (double)WorkloadModel.ProductCriticalMs;
        var onePath = WorkloadModel.IdealMs(ProviderKind.Cpu, 1, int.MaxValue, cores);
        if (total >= waves && total >= onePath)
        {
            Spread(total * cores, cores);
        }
        else if (onePath >= waves)
        {
            CpuWork.Burn(WorkloadModel.VendorDiscoveryMs);
            Spread(Math.Max(WorkloadModel.DownloadMs * cores, WorkloadModel.Downloads * WorkloadModel.DownloadMs), cores);
            CpuWork.Burn(WorkloadModel.ExtractionMs + WorkloadModel.SchemaCreationMs);
            Spread(Math.Max(WorkloadModel.EnrichmentGroupMs * cores, WorkloadModel.EnrichmentWorkMs), cores);
        }
        else
        {
            CpuWork.Burn(waves);
        }
    }

    /// <summary>Burns <paramref name="totalMs"/> of work split evenly over <paramref name="cores"/> threads.</summary>
    private static void Spread(double totalMs, int cores) =>
        Parallel.For(0, cores, new ParallelOptions { MaxDegreeOfParallelism = cores }, _ => CpuWork.Burn(totalMs / cores));
}
