namespace SchemaWorkflow.AI;

/// <summary>
/// Thrown by the resilient chat client when a model call fails after the resilience pipeline gave up (retries spent,
/// a permanent error, the circuit open, or the total timeout). The message never carries prompt or answer text.
/// </summary>
public sealed class ModelCallException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="kind">The kind of failure.</param>
    /// <param name="endpoint">The model endpoint's name.</param>
    /// <param name="attempts">How many attempts were sent.</param>
    /// <param name="statusCode">The HTTP status of the last attempt, when there was one.</param>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="innerException">The last attempt's exception.</param>
    public ModelCallException(ModelFailureKind kind, string endpoint, int attempts, int? statusCode, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Kind = kind;
        Endpoint = endpoint;
        Attempts = attempts;
        StatusCode = statusCode;
    }

    /// <summary>The kind of failure.</summary>
    public ModelFailureKind Kind { get; }

    /// <summary>The model endpoint's name.</summary>
    public string Endpoint { get; }

    /// <summary>How many attempts were sent to the endpoint (0 when the circuit was open or no slot was free in time).</summary>
    public int Attempts { get; }

    /// <summary>The HTTP status of the last attempt, when there was one.</summary>
    public int? StatusCode { get; }
}
