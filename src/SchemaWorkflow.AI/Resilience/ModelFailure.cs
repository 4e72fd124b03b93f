namespace SchemaWorkflow.AI;

/// <summary>How an exception from a chat client is classified.</summary>
/// <param name="Kind">The kind of failure.</param>
/// <param name="StatusCode">The HTTP status, when the failure came from a response.</param>
/// <param name="RetryAfter">The delay the endpoint asked for (Retry-After, retry-after-ms), when it gave one.</param>
public readonly record struct ModelFailure(ModelFailureKind Kind, int? StatusCode = null, TimeSpan? RetryAfter = null)
{
    /// <summary>True for kinds the retry strategy retries: transient faults, attempt timeouts and throttling.</summary>
    public bool IsRetryable => Kind is ModelFailureKind.Transient or ModelFailureKind.Timeout or ModelFailureKind.Throttled;

    /// <summary>True for kinds that count toward the circuit breaker: transient faults and timeouts (not throttling).</summary>
    public bool CountsTowardBreaker => Kind is ModelFailureKind.Transient or ModelFailureKind.Timeout;
}
