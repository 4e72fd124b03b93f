namespace SchemaWorkflow.AI;

/// <summary>
/// The resilience pipeline around every model call, outermost first: total timeout → retry → adaptive concurrency →
/// circuit breaker → attempt timeout. The defaults suit an Azure OpenAI deployment answering schema-sized prompts.
/// </summary>
public sealed class ModelResilienceOptions
{
    /// <summary>The limit on one model call including every retry and wait. Default 75 seconds.</summary>
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(75);

    /// <summary>The limit on one attempt (one HTTP request). Default 40 seconds.</summary>
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(40);

    /// <summary>Retries after the first attempt, for transient faults, attempt timeouts and throttling. Default 3; 0 turns retries off.</summary>
    public int MaxRetryAttempts { get; set; } = 3;

    /// <summary>The first backoff delay; later ones grow exponentially with jitter. Default 1 second.</summary>
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest backoff delay, including one asked for by Retry-After. Default 30 seconds.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Adds random jitter to backoff delays so clients do not retry in step. Default true.</summary>
    public bool UseJitter { get; set; } = true;

    /// <summary>
    /// A throttled call whose Retry-After asks for more than this fails at once (as <see cref="ModelFailureKind.Throttled"/>)
    /// instead of waiting: the fallback chain can serve meanwhile. Default 30 seconds.
    /// </summary>
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The share of failed attempts (transient faults and timeouts) in the sampling window that opens the circuit. Default 0.5.</summary>
    public double BreakerFailureRatio { get; set; } = 0.5;

    /// <summary>The fewest attempts in the sampling window before the circuit may open. Default 8.</summary>
    public int BreakerMinimumThroughput { get; set; } = 8;

    /// <summary>The window over which the failure ratio is measured. Default 30 seconds.</summary>
    public TimeSpan BreakerSamplingDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How long the circuit stays open before one trial call is let through. Default 30 seconds.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Classifies exceptions of a provider the built-in classifier does not know; return null to fall back to
    /// <see cref="ModelErrorClassifier.Classify(Exception)"/>.
    /// </summary>
    public Func<Exception, ModelFailure?>? Classify { get; set; }

    internal ModelFailure ClassifyException(Exception exception) =>
        Classify?.Invoke(exception) ?? ModelErrorClassifier.Classify(exception);
}
