namespace SchemaWorkflow.Internal;

/// <summary>What one shared generation produced; each waiter builds its own result from it.</summary>
internal sealed record FlightOutcome
{
    public ProductSchema? Schema { get; init; }

    public SchemaSource Source { get; init; }

    public string? GeneratedBy { get; init; }

    public bool Persisted { get; init; }

    public IReadOnlyList<StepTiming> Steps { get; init; } = [];

    public EnrichmentReport? Enrichment { get; init; }

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public SchemaError? Error { get; init; }
}
