namespace SchemaWorkflow.AI;

/// <summary>
/// Adaptive (AIMD) concurrency of model calls per endpoint, shared by the generator and the enricher: a throttled call
/// (429) multiplies the limit by <see cref="DecreaseFactor"/>; each successful call adds 1/limit, so the limit grows by
/// one per round of successful calls until the next throttle.
/// </summary>
public sealed class AdaptiveConcurrencyOptions
{
    /// <summary>When false, calls are limited only by <see cref="MaxLimit"/>. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>The limit at start. Default 8.</summary>
    public int InitialLimit { get; set; } = 8;

    /// <summary>The limit never falls below this. Default 1.</summary>
    public int MinLimit { get; set; } = 1;

    /// <summary>The limit never grows above this. Default 32.</summary>
    public int MaxLimit { get; set; } = 32;

    /// <summary>The factor applied on a throttle, between 0.1 and 0.9. Default 0.5.</summary>
    public double DecreaseFactor { get; set; } = 0.5;
}
