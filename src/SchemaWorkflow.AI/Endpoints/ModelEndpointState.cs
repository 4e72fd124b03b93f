using Microsoft.Extensions.Logging;
using Polly.CircuitBreaker;
using SchemaWorkflow.AI.Diagnostics;
using SchemaWorkflow.AI.Resilience;

namespace SchemaWorkflow.AI.Endpoints;

/// <summary>What one endpoint's pipeline shares across rebuilds: its limiter, breaker state, options and telemetry.</summary>
internal sealed class ModelEndpointState
{
    public ModelEndpointState(string name, ModelEndpointOptions options, AIDiagnostics diagnostics, ILogger logger)
    {
        Name = name;
        Options = options;
        Diagnostics = diagnostics;
        Logger = logger;
        Limiter = new AdaptiveConcurrencyLimiter(options.Concurrency);
        Limiter.LimitChanged += limit => AILog.LimitChanged(logger, name, limit);
        diagnostics.Track(name, Limiter);
    }

    public string Name { get; }

    public ModelEndpointOptions Options { get; }

    public AIDiagnostics Diagnostics { get; }

    public ILogger Logger { get; }

    public AdaptiveConcurrencyLimiter Limiter { get; }

    public CircuitBreakerStateProvider Breaker { get; } = new();
}
