namespace SchemaWorkflow;

/// <summary>Per-call options; anything left null falls back to <see cref="SchemaWorkflowOptions"/>.</summary>
public sealed record SchemaRequestOptions
{
    /// <summary>Shared default: no session, no overrides.</summary>
    public static SchemaRequestOptions Default { get; } = new();

    /// <summary>The user session whose cache serves and keeps the result; null uses no session cache.</summary>
    public string? SessionId { get; init; }

    /// <summary>Skip the session cache and the store, generate anew and replace the stored copy.</summary>
    public bool ForceRegenerate { get; init; }

    /// <summary>Overrides the configured execution strategy.</summary>
    public ExecutionStrategyKind? Strategy { get; init; }

    /// <summary>Overrides the overall timeout of the request.</summary>
    public TimeSpan? Timeout { get; init; }

    /// <summary>Overrides the generation timeout.</summary>
    public TimeSpan? GenerationTimeout { get; init; }

    /// <summary>Overrides the enrichment timeout.</summary>
    public TimeSpan? EnrichmentTimeout { get; init; }

    /// <summary>Overrides whether a store outage fails the request.</summary>
    public bool? FailWhenStoreUnavailable { get; init; }

    /// <summary>Overrides the batch concurrency of this call (still bounded by the global limit).</summary>
    public int? MaxConcurrency { get; init; }
}
