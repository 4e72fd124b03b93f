namespace SchemaWorkflow.Benchmarks.Simulation;

/// <summary>
/// The replaced system's per-product workload, scaled 1 s → 1 ms. Generation: vendor discovery 15, three datasheet
/// downloads of 15 in parallel, extraction 25, schema creation 45 (critical path 100). Enrichment: 5 field groups of
/// 42 each, in parallel (critical path 42). One product's critical path is therefore 142 ms, its total work 340 ms.
/// </summary>
public static class WorkloadModel
{
    public const int VendorDiscoveryMs = 15;
    public const int DownloadMs = 15;
    public const int Downloads = 3;
    public const int ExtractionMs = 25;
    public const int SchemaCreationMs = 45;
    public const int EnrichmentGroupMs = 42;
    public const int EnrichmentGroups = 5;

    /// <summary>The critical path of one generation: 15 + 15 + 25 + 45 = 100 ms.</summary>
    public const int GenerationCriticalMs = VendorDiscoveryMs + DownloadMs + ExtractionMs + SchemaCreationMs;

    /// <summary>All the work of one generation: 15 + 3×15 + 25 + 45 = 130 ms.</summary>
    public const int GenerationWorkMs = VendorDiscoveryMs + (Downloads * DownloadMs) + ExtractionMs + SchemaCreationMs;

    /// <summary>All the work of one enrichment: 5 × 42 = 210 ms.</summary>
    public const int EnrichmentWorkMs = EnrichmentGroups * EnrichmentGroupMs;

    /// <summary>One product's critical path: 100 + 42 = 142 ms.</summary>
    public const int ProductCriticalMs = GenerationCriticalMs + EnrichmentGroupMs;

    /// <summary>One product's total work (= its time when run sequentially): 130 + 210 = 340 ms.</summary>
    public const int ProductWorkMs = GenerationWorkMs + EnrichmentWorkMs;

    /// <summary>Waves of at most <paramref name="c"/> products: ⌈N / C⌉.</summary>
    public static int Waves(int n, int c) => (n + c - 1) / c;

    /// <summary>
    /// The ideal wall time in the model for a concurrent strategy: for waiting providers ⌈N/C⌉ × 142 ms (each product
    /// holds its generation slot for its whole critical path); for CPU-bound providers no less than the total work
    /// divided by the cores, and no less than one product's path with its fan-outs spread over the cores.
    /// </summary>
    public static double IdealMs(ProviderKind kind, int n, int c, int cores)
    {
        var waves = Waves(n, c) * (double)ProductCriticalMs;
        if (kind != ProviderKind.Cpu)
        {
            return waves;
        }

        var onePath = VendorDiscoveryMs + Math.Max(DownloadMs, Downloads * DownloadMs / (double)cores) + ExtractionMs + SchemaCreationMs
            + Math.Max(EnrichmentGroupMs, EnrichmentWorkMs / (double)cores);
        return Math.Max(Math.Max(waves, onePath), n * ProductWorkMs / (double)cores);
    }

    /// <summary>The ideal of the sequential strategy: every step of every product one after another, N × 340 ms.</summary>
    public static double SequentialIdealMs(int n) => n * (double)ProductWorkMs;
}
