using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;
using SchemaWorkflow.AI.Diagnostics;
using SchemaWorkflow.AI.Endpoints;

namespace SchemaWorkflow.AI.Resilience;

/// <summary>
/// Builds the Polly pipeline of one model endpoint, outermost first: total timeout → retry (exponential backoff with
/// jitter, Retry-After honoured) → adaptive concurrency → circuit breaker → attempt timeout.
/// </summary>
internal static class ModelPipeline
{
    public static void Configure(ResiliencePipelineBuilder builder, ModelEndpointState state)
    {
        var options = state.Options.Resilience;
        var endpoint = state.Name;
        var endpointTag = new KeyValuePair<string, object?>("endpoint", endpoint);
        var logger = state.Logger;
        var diagnostics = state.Diagnostics;

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "total", Timeout = options.TotalTimeout });

        if (options.MaxRetryAttempts > 0)
        {
            builder.AddRetry(new RetryStrategyOptions
            {
                Name = "retry",
                MaxRetryAttempts = options.MaxRetryAttempts,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = options.UseJitter,
                Delay = options.BaseDelay,
                MaxDelay = options.MaxDelay,
                ShouldHandle = args => new ValueTask<bool>(ShouldRetry(args.Outcome.Exception, args.Context, options)),
                DelayGenerator = args => new ValueTask<TimeSpan?>(
                    args.Outcome.Exception is { } ex && options.ClassifyException(ex) is { RetryAfter: { } after } ? after : null),
                OnRetry = args =>
                {
                    var failure = args.Outcome.Exception is { } ex ? options.ClassifyException(ex) : default;
                    var reason = AIDiagnostics.OutcomeTag(failure.Kind);
                    diagnostics.Retries.Add(1, endpointTag, new KeyValuePair<string, object?>("reason", reason));
                    AILog.Retrying(logger, endpoint, args.AttemptNumber + 1, args.RetryDelay.TotalMilliseconds, reason, failure.StatusCode);
                    return default;
                },
            });
        }

        builder.AddStrategy(_ => new AdaptiveConcurrencyStrategy(state.Limiter, options.ClassifyException, diagnostics, endpoint));

        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions
        {
            Name = "breaker",
            FailureRatio = options.BreakerFailureRatio,
            MinimumThroughput = options.BreakerMinimumThroughput,
            SamplingDuration = options.BreakerSamplingDuration,
            BreakDuration = options.BreakDuration,
            StateProvider = state.Breaker,
            ShouldHandle = args => new ValueTask<bool>(
                args.Outcome.Exception is { } ex && !IsCallerCancellation(ex, args.Context) && options.ClassifyException(ex).CountsTowardBreaker),
            OnOpened = args =>
            {
                diagnostics.CircuitOpened.Add(1, endpointTag);
                AILog.CircuitOpened(logger, endpoint, args.BreakDuration.TotalSeconds);
                return default;
            },
            OnClosed = _ =>
            {
                AILog.CircuitClosed(logger, endpoint);
                return default;
            },
        });

        builder.AddTimeout(new TimeoutStrategyOptions { Name = "attempt", Timeout = options.AttemptTimeout });
    }

    private static bool ShouldRetry(Exception? exception, ResilienceContext context, ModelResilienceOptions options)
    {
        if (exception is null || IsCallerCancellation(exception, context))
        {
            return false;
        }

        var failure = options.ClassifyException(exception);
        if (!failure.IsRetryable)
        {
            return false;
        }

        // A throttle that asks for a longer wait than allowed fails now, so a fallback can serve meanwhile.
        return failure.Kind != ModelFailureKind.Throttled || failure.RetryAfter is not { } after || after <= options.MaxRetryAfter;
    }

    private static bool IsCallerCancellation(Exception exception, ResilienceContext context) =>
        exception is OperationCanceledException && context.CancellationToken.IsCancellationRequested;
}
