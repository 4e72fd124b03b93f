using System.Diagnostics.Metrics;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly;
using Polly.CircuitBreaker;
using SchemaWorkflow.AI.Diagnostics;
using SchemaWorkflow.AI.Endpoints;
using SchemaWorkflow.AI.Resilience;

namespace SchemaWorkflow.AI;

/// <summary>
/// One model endpoint (an Azure OpenAI deployment or any <see cref="IChatClient"/>) with its own resilience pipeline,
/// circuit breaker and adaptive concurrency limiter, shared by every generator and enricher that uses it.
/// <see cref="ChatClient"/> is the protected pipeline: resilience → GenAI telemetry (OpenTelemetry) → the provider.
/// </summary>
public sealed class ModelEndpoint : IDisposable
{
    /// <summary>The name used when a registration names no endpoint.</summary>
    public const string DefaultName = "default";

    private readonly ModelEndpointState _state;
    private readonly AIDiagnostics? _ownedDiagnostics;

    internal ModelEndpoint(ModelEndpointState state, IChatClient inner, ResiliencePipeline pipeline, ILoggerFactory loggerFactory, AIDiagnostics? ownedDiagnostics)
    {
        _state = state;
        _ownedDiagnostics = ownedDiagnostics;
        var options = state.Options;
        ModelId = string.IsNullOrWhiteSpace(options.ModelId)
            ? inner.GetService<ChatClientMetadata>()?.DefaultModelId ?? "unknown"
            : options.ModelId;
        var builder = new ChatClientBuilder(inner)
            .Use(i => new ResilientChatClient(i, pipeline, state))
            .UseOpenTelemetry(loggerFactory, AIDiagnostics.Name, c => c.EnableSensitiveData = options.LogSensitiveData);
        if (options.LogSensitiveData)
        {
            builder.UseLogging(loggerFactory);
        }

        ChatClient = builder.Build();
    }

    /// <summary>The endpoint's name (a metric tag and a log field).</summary>
    public string Name => _state.Name;

    /// <summary>The model or deployment name, used in fingerprints.</summary>
    public string ModelId { get; }

    /// <summary>The protected chat client: every call goes through the endpoint's resilience pipeline.</summary>
    public IChatClient ChatClient { get; }

    /// <summary>The adaptive concurrency limit now.</summary>
    public int ConcurrencyLimit => _state.Limiter.Limit;

    /// <summary>Model attempts holding a concurrency slot now.</summary>
    public int CallsInFlight => _state.Limiter.InFlight;

    /// <summary>The circuit breaker's state.</summary>
    public CircuitState CircuitState => _state.Breaker.CircuitState;

    /// <summary>The endpoint's options.</summary>
    public ModelEndpointOptions Options => _state.Options;

    internal AIDiagnostics Diagnostics => _state.Diagnostics;

    internal ILogger Logger => _state.Logger;

    /// <summary>
    /// Builds an endpoint around any chat client, outside dependency injection (tests, tools, hosts without DI).
    /// </summary>
    /// <param name="chatClient">The provider's chat client, without retries of its own.</param>
    /// <param name="options">Resilience, concurrency and telemetry settings; null uses the defaults.</param>
    /// <param name="name">The endpoint's name.</param>
    /// <param name="timeProvider">The clock of timeouts and backoff; null uses the system clock.</param>
    /// <param name="loggerFactory">Logging; null logs nothing.</param>
    /// <param name="meterFactory">Metrics; null uses an own <see cref="Meter"/> named "SchemaWorkflow.AI".</param>
    /// <returns>The endpoint.</returns>
    public static ModelEndpoint Create(
        IChatClient chatClient,
        ModelEndpointOptions? options = null,
        string name = DefaultName,
        TimeProvider? timeProvider = null,
        ILoggerFactory? loggerFactory = null,
        IMeterFactory? meterFactory = null)
    {
        ArgumentNullException.ThrowIfNull(chatClient);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        options ??= new ModelEndpointOptions();
        ModelEndpointOptionsValidator.ThrowIfInvalid(name, options);
        loggerFactory ??= NullLoggerFactory.Instance;
        var diagnostics = new AIDiagnostics(meterFactory);
        var state = new ModelEndpointState(name, options, diagnostics, loggerFactory.CreateLogger("SchemaWorkflow.AI.ModelEndpoint"));
        var builder = new ResiliencePipelineBuilder { Name = PipelineName(name), TimeProvider = timeProvider ?? TimeProvider.System };
        ModelPipeline.Configure(builder, state);
        var pipeline = builder.ConfigureTelemetry(loggerFactory).Build();
        return new ModelEndpoint(state, chatClient, pipeline, loggerFactory, diagnostics);
    }

    internal static string PipelineName(string name) => "SchemaWorkflow.AI/" + name;

    /// <inheritdoc />
    public void Dispose()
    {
        ChatClient.Dispose();
        _ownedDiagnostics?.Dispose();
    }
}
