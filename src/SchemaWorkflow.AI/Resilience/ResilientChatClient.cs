using System.Runtime.ExceptionServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Polly;
using SchemaWorkflow.AI.Diagnostics;
using SchemaWorkflow.AI.Endpoints;

namespace SchemaWorkflow.AI.Resilience;

/// <summary>
/// Runs every <see cref="IChatClient.GetResponseAsync"/> through the endpoint's resilience pipeline and turns a final
/// failure into a <see cref="ModelCallException"/>. Streaming calls pass through unprotected (SchemaWorkflow does not
/// stream).
/// </summary>
internal sealed class ResilientChatClient : DelegatingChatClient
{
    private readonly ResiliencePipeline _pipeline;
    private readonly ModelEndpointState _state;
    private readonly KeyValuePair<string, object?> _endpointTag;

    public ResilientChatClient(IChatClient innerClient, ResiliencePipeline pipeline, ModelEndpointState state)
        : base(innerClient)
    {
        _pipeline = pipeline;
        _state = state;
        _endpointTag = new KeyValuePair<string, object?>("endpoint", state.Name);
    }

    public override async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var call = new Call(InnerClient, messages as IReadOnlyList<ChatMessage> ?? [.. messages], options);
        var context = ResilienceContextPool.Shared.Get(cancellationToken);
        Outcome<ChatResponse> outcome;
        try
        {
            outcome = await _pipeline.ExecuteOutcomeAsync(
                static async (ctx, c) =>
                {
                    Interlocked.Increment(ref c.Attempts);
                    try
                    {
                        return Outcome.FromResult(await c.Inner.GetResponseAsync(c.Messages, c.Options, ctx.CancellationToken).ConfigureAwait(false));
                    }
                    catch (Exception ex)
                    {
                        return Outcome.FromException<ChatResponse>(ex);
                    }
                },
                context,
                call).ConfigureAwait(false);
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }

        if (outcome.Exception is null)
        {
            _state.Diagnostics.Calls.Add(1, _endpointTag, new KeyValuePair<string, object?>("outcome", "success"));
            return outcome.Result!;
        }

        var exception = outcome.Exception;
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            ExceptionDispatchInfo.Throw(exception);
        }

        var failure = _state.Options.Resilience.ClassifyException(exception);
        _state.Diagnostics.Calls.Add(1, _endpointTag, new KeyValuePair<string, object?>("outcome", AIDiagnostics.OutcomeTag(failure.Kind)));
        AILog.CallFailed(_state.Logger, _state.Name, failure.Kind, failure.StatusCode, call.Attempts);
        throw new ModelCallException(failure.Kind, _state.Name, call.Attempts, failure.StatusCode, Describe(failure, call.Attempts), exception);
    }

    private string Describe(ModelFailure failure, int attempts)
    {
        var status = failure.StatusCode is { } s ? $" (HTTP {s})" : string.Empty;
        var options = _state.Options.Resilience;
        return failure.Kind switch
        {
            ModelFailureKind.Throttled => $"Model endpoint '{_state.Name}' throttled the call{status} after {attempts} attempt(s); try again later or raise the deployment's quota.",
            ModelFailureKind.Transient => $"Model endpoint '{_state.Name}' failed{status} on all {attempts} attempt(s).",
            ModelFailureKind.Timeout => $"Model endpoint '{_state.Name}' did not answer in time ({attempts} attempt(s); attempt timeout {options.AttemptTimeout.TotalSeconds:0.###} s, total timeout {options.TotalTimeout.TotalSeconds:0.###} s).",
            ModelFailureKind.CircuitOpen => $"Model endpoint '{_state.Name}' is unavailable: its circuit breaker is open after repeated failures; calls resume after {options.BreakDuration.TotalSeconds:0.###} s.",
            ModelFailureKind.Unauthorized => $"Model endpoint '{_state.Name}' refused the credentials{status}; check the API key or the identity's role assignment (Cognitive Services OpenAI User).",
            ModelFailureKind.Rejected => $"Model endpoint '{_state.Name}' rejected the request{status}; check the endpoint, the deployment name and the API version.",
            ModelFailureKind.ContentFiltered => $"Model endpoint '{_state.Name}' blocked the request with its content filter{status}.",
            _ => $"Model endpoint '{_state.Name}' call failed{status}.",
        };
    }

    private sealed class Call(IChatClient inner, IReadOnlyList<ChatMessage> messages, ChatOptions? options)
    {
        public int Attempts;

        public IChatClient Inner { get; } = inner;

        public IReadOnlyList<ChatMessage> Messages { get; } = messages;

        public ChatOptions? Options { get; } = options;
    }
}
