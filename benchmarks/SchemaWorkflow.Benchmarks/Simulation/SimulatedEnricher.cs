using SchemaWorkflow.Enrichment;

namespace SchemaWorkflow.Benchmarks.Simulation;

/// <summary>
/// The replaced system's standards enrichment: one query of 42 ms per field group, the groups fanned out through the
/// context's strategy. Returns the schema unchanged with a per-group report.
/// </summary>
public sealed class SimulatedEnricher(ProviderKind kind) : ISchemaEnricher
{
    private int _calls;

    public string Name => "simulated-enricher";

    public string Fingerprint => "simulated-enricher/1";

    public int Calls => Volatile.Read(ref _calls);

    public async ValueTask<EnrichmentOutcome> EnrichAsync(ProductSchema schema, EnrichmentContext context, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        await context.Strategy.RunAsync(schema.Groups, context.MaxConcurrency, (_, ct) => SimulatedStep.RunAsync(kind, WorkloadModel.EnrichmentGroupMs, ct), cancellationToken).ConfigureAwait(false);
        var groups = new GroupEnrichmentReport[schema.Groups.Count];
        for (var i = 0; i < groups.Length; i++)
        {
            groups[i] = new GroupEnrichmentReport { Group = schema.Groups[i].Key };
        }

        return new EnrichmentOutcome(schema, new EnrichmentReport { Enricher = Name, Groups = groups });
    }
}
