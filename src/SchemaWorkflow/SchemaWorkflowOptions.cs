
namespace SchemaWorkflow;

/// <summary>
/// Options of the workflow, bound from the <c>SchemaWorkflow</c> configuration section and validated at start.
/// Every default works without configuration.
/// </summary>
public sealed class SchemaWorkflowOptions
{
    /// <summary>The configuration section name.</summary>
    public const string SectionName = "SchemaWorkflow";

    /// <summary>The default strategy for batches and enrichment groups. Default <see cref="ExecutionStrategyKind.Async"/>.</summary>
    public ExecutionStrategyKind Strategy { get; set; } = ExecutionStrategyKind.Async;

    /// <summary>
    /// The global limit on generations running at once, shared by every caller of this workflow instance. Default 8.
    /// </summary>
    public int MaxConcurrency { get; set; } = 8;

    /// <summary>How many field groups of one schema enrich at once. Default 8.</summary>
    public int EnrichmentConcurrency { get; set; } = 8;

    /// <summary>Overall timeout of one request. Default 2 minutes.</summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Timeout of the generator chain for one type. Default 90 seconds.</summary>
    public TimeSpan GenerationTimeout { get; set; } = TimeSpan.FromSeconds(90);

    /// <summary>Timeout of enrichment for one schema. Default 60 seconds.</summary>
    public TimeSpan EnrichmentTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one field group's enrichment. Default 30 seconds.</summary>
    public TimeSpan EnrichmentGroupTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Timeout of one store read or write. Default 15 seconds.</summary>
    public TimeSpan StoreTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>When true a store outage fails the request; when false (default) the schema is returned flagged not persisted.</summary>
    public bool FailWhenStoreUnavailable { get; set; }

    /// <summary>
    /// When true (default) a stored schema produced by another generator/enricher version is treated as stale and
    /// regenerated; when false any readable stored schema is served.
    /// </summary>
    public bool RegenerateOnFingerprintChange { get; set; } = true;

    /// <summary>Stored schemas older than this are regenerated; null (default) keeps them forever.</summary>
    public TimeSpan? MaxStoredAge { get; set; }

    /// <summary>The longest product type text accepted. Default 200 characters.</summary>
    public int MaxProductTypeLength { get; set; } = 200;

    /// <summary>The most product types in one batch. Default 10,000.</summary>
    public int MaxBatchSize { get; set; } = 10_000;

    /// <summary>Session cache settings.</summary>
    public SessionCacheOptions SessionCache { get; set; } = new();

    /// <summary>How long other instances wait for a cross-instance generation lock holder before giving up. Default 2 minutes.</summary>
    public TimeSpan DistributedLockWait { get; set; } = TimeSpan.FromMinutes(2);
}

/// <summary>Session cache settings.</summary>
public sealed class SessionCacheOptions
{
    /// <summary>
    /// Most entries (session × product type) kept; when exceeded, the least recently used go first, in a batch down to
    /// 90% of the limit. Default 10,000.
    /// </summary>
    public int SizeLimit { get; set; } = 10_000;

    /// <summary>
    /// An entry not read for this long is evicted. Default 30 minutes. Measured on a coarse clock that ticks every
    /// eighth of this (clamped to 10 ms – 1 s), so an entry expires within one tick of it.
    /// </summary>
    public TimeSpan SlidingExpiration { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The longest session id accepted. Default 128 characters.</summary>
    public int MaxSessionIdLength { get; set; } = 128;
}
