namespace SchemaWorkflow.AI;

/// <summary>Why a model call failed, as the resilience layer classifies it. Decides whether a call is retried.</summary>
public enum ModelFailureKind
{
    /// <summary>Not classified: treated as permanent (no retry).</summary>
    Unknown,

    /// <summary>A transient fault (5xx, 408, a dropped connection): retried with backoff; counts toward the circuit breaker.</summary>
    Transient,

    /// <summary>The endpoint throttled the call (429): retried after Retry-After; lowers adaptive concurrency.</summary>
    Throttled,

    /// <summary>An attempt or the whole call timed out. An attempt timeout is retried; the total timeout ends the call.</summary>
    Timeout,

    /// <summary>The endpoint's circuit breaker is open: the call was not sent.</summary>
    CircuitOpen,

    /// <summary>The credentials were refused (401, 403): fails fast.</summary>
    Unauthorized,

    /// <summary>The request was rejected (400, 404, other 4xx): fails fast.</summary>
    Rejected,

    /// <summary>The provider's content filter blocked the prompt or the answer: fails fast.</summary>
    ContentFiltered,

    /// <summary>The model answered, but not with a usable answer (invalid JSON, failed validation after the repair round-trip).</summary>
    InvalidOutput,
}
