namespace SchemaWorkflow.Internal;

/// <summary>
/// What one shared generation produced; each waiter builds its own result from it. Everything a waiter copies into
/// its result is computed once here (field counts) or frozen so every result can share it (warnings), so a waiter
/// resuming after the flight does as little work as possible.
/// </summary>
internal sealed record FlightOutcome
{
    public ProductSchema? Schema
    {
        get;
        init
        {
            field = value;
            Fields = value?.CountFields();
        }
    }

    /// <summary>The schema's field counts, counted once for every waiter.</summary>
    public FieldCounts? Fields { get; private init; }

    public SchemaSource Source { get; init; }

    public string? GeneratedBy { get; init; }

    public bool Persisted { get; init; }

    /// <summary>The flight's steps; only the caller that started the flight copies them.</summary>
    public IReadOnlyList<StepTiming> Steps { get; init; } = [];

    public EnrichmentReport? Enrichment { get; init; }

    /// <summary>The flight's warnings, read-only and shared by the results of every waiter.</summary>
    public IReadOnlyList<string> Warnings
    {
        get;
        init => field = value.Count == 0 ? [] : Array.AsReadOnly([.. value]);
    } = [];

    public SchemaError? Error { get; init; }
}
