namespace SchemaWorkflow.Enrichment;

/// <summary>
/// Adds typed, cited values to a schema's fields, group by group. Returns a new schema; a group that fails leaves
/// its fields untouched and is reported, never sinking the others.
/// </summary>
public interface ISchemaEnricher
{
    /// <summary>A short stable name, for example <c>standards</c>.</summary>
    string Name { get; }

    /// <summary>Name, version and knowledge-base version; part of the stored fingerprint.</summary>
    string Fingerprint { get; }

    /// <summary>Enriches a schema.</summary>
    /// <param name="schema">The schema to enrich.</param>
    /// <param name="context">How to run the groups.</param>
    /// <param name="cancellationToken">Cancels enrichment.</param>
    /// <returns>The enriched schema and a report per group.</returns>
    ValueTask<EnrichmentOutcome> EnrichAsync(ProductSchema schema, EnrichmentContext context, CancellationToken cancellationToken = default);
}

/// <summary>How an enricher should run its groups.</summary>
public sealed record EnrichmentContext
{
    /// <summary>The strategy that runs the groups.</summary>
    public required IExecutionStrategy Strategy { get; init; }

    /// <summary>How many groups may run at once.</summary>
    public int MaxConcurrency { get; init; } = 8;

    /// <summary>How long one group may take before it is cancelled and reported.</summary>
    public TimeSpan GroupTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>The clock for timeouts and durations.</summary>
    public TimeProvider TimeProvider { get; init; } = TimeProvider.System;
}

/// <summary>An enriched schema and what enrichment did.</summary>
/// <param name="Schema">The new schema.</param>
/// <param name="Report">Per-group report.</param>
public sealed record EnrichmentOutcome(ProductSchema Schema, EnrichmentReport Report);
