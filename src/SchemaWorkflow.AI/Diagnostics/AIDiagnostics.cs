using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using SchemaWorkflow.AI.Resilience;

namespace SchemaWorkflow.AI.Diagnostics;

/// <summary>
/// The instruments of the meter "SchemaWorkflow.AI". Tags come from small closed sets: the endpoint name (configured by
/// the host), an outcome or a reason; never a product key, a prompt or an answer.
/// </summary>
internal sealed class AIDiagnostics : IDisposable
{
    /// <summary>The meter name, also the activity source name of the GenAI spans.</summary>
    public const string Name = "SchemaWorkflow.AI";

    private readonly Meter _meter;
    private readonly bool _ownsMeter;
    private readonly ConcurrentDictionary<string, AdaptiveConcurrencyLimiter> _limiters = new(StringComparer.Ordinal);

    public AIDiagnostics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Calls = _meter.CreateCounter<long>("schemaworkflow.ai.calls", "{call}", "Model calls by outcome (success, throttled, transient, timeout, circuit_open, unauthorized, rejected, content_filtered, unknown).");
        Retries = _meter.CreateCounter<long>("schemaworkflow.ai.retries", "{retry}", "Retried model attempts by reason (throttled, transient, timeout).");
        Throttled = _meter.CreateCounter<long>("schemaworkflow.ai.throttled", "{attempt}", "Model attempts the endpoint throttled (429).");
        ActiveCalls = _meter.CreateUpDownCounter<long>("schemaworkflow.ai.concurrency.active", "{call}", "Model attempts holding an adaptive-concurrency slot.");
        CircuitOpened = _meter.CreateCounter<long>("schemaworkflow.ai.circuit.opened", "{event}", "Times an endpoint's circuit breaker opened.");
        Repairs = _meter.CreateCounter<long>("schemaworkflow.ai.generation.repairs", "{repair}", "Repair round-trips of the schema generator by outcome (repaired, failed).");
        RejectedValues = _meter.CreateCounter<long>("schemaworkflow.ai.enrichment.rejected_values", "{value}", "Enrichment values dropped for an unknown citation or a failed type gate.");
        _meter.CreateObservableGauge("schemaworkflow.ai.concurrency.limit", ObserveLimits, "{call}", "The adaptive concurrency limit of each model endpoint.");
        _meter.CreateObservableGauge("schemaworkflow.ai.concurrency.waiting", ObserveWaiting, "{call}", "Model calls waiting for an adaptive-concurrency slot.");
    }

    public Counter<long> Calls { get; }

    public Counter<long> Retries { get; }

    public Counter<long> Throttled { get; }

    public UpDownCounter<long> ActiveCalls { get; }

    public Counter<long> CircuitOpened { get; }

    public Counter<long> Repairs { get; }

    public Counter<long> RejectedValues { get; }

    public void Track(string endpoint, AdaptiveConcurrencyLimiter limiter) => _limiters[endpoint] = limiter;

    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    private IEnumerable<Measurement<int>> ObserveLimits()
    {
        foreach (var (endpoint, limiter) in _limiters)
        {
            yield return new Measurement<int>(limiter.Limit, new KeyValuePair<string, object?>("endpoint", endpoint));
        }
    }

    private IEnumerable<Measurement<int>> ObserveWaiting()
    {
        foreach (var (endpoint, limiter) in _limiters)
        {
            yield return new Measurement<int>(limiter.Waiting, new KeyValuePair<string, object?>("endpoint", endpoint));
        }
    }

    public static string OutcomeTag(ModelFailureKind kind) => kind switch
    {
        ModelFailureKind.Transient => "transient",
        ModelFailureKind.Throttled => "throttled",
        ModelFailureKind.Timeout => "timeout",
        ModelFailureKind.CircuitOpen => "circuit_open",
        ModelFailureKind.Unauthorized => "unauthorized",
        ModelFailureKind.Rejected => "rejected",
        ModelFailureKind.ContentFiltered => "content_filtered",
        ModelFailureKind.InvalidOutput => "invalid_output",
        _ => "unknown",
    };
}
