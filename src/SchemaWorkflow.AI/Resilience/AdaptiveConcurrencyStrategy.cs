using Polly;
using SchemaWorkflow.AI.Diagnostics;

namespace SchemaWorkflow.AI.Resilience;

/// <summary>
/// A Polly strategy that holds an <see cref="AdaptiveConcurrencyLimiter"/> slot for one attempt and reports the
/// attempt's outcome to it. It sits inside the retry, so a throttled attempt gives its slot back while it backs off.
/// </summary>
internal sealed class AdaptiveConcurrencyStrategy : ResilienceStrategy
{
    private readonly AdaptiveConcurrencyLimiter _limiter;
    private readonly Func<Exception, ModelFailure> _classify;
    private readonly AIDiagnostics _diagnostics;
    private readonly KeyValuePair<string, object?> _endpointTag;

    public AdaptiveConcurrencyStrategy(AdaptiveConcurrencyLimiter limiter, Func<Exception, ModelFailure> classify, AIDiagnostics diagnostics, string endpoint)
    {
        _limiter = limiter;
        _classify = classify;
        _diagnostics = diagnostics;
        _endpointTag = new KeyValuePair<string, object?>("endpoint", endpoint);
    }

    protected override async ValueTask<Outcome<TResult>> ExecuteCore<TResult, TState>(
        Func<ResilienceContext, TState, ValueTask<Outcome<TResult>>> callback,
        ResilienceContext context,
        TState state)
    {
        AdaptiveConcurrencyLimiter.Lease lease;
        try
        {
            lease = await _limiter.AcquireAsync(context.CancellationToken).ConfigureAwait(context.ContinueOnCapturedContext);
        }
        catch (OperationCanceledException ex)
        {
            return Outcome.FromException<TResult>(ex);
        }

        _diagnostics.ActiveCalls.Add(1, _endpointTag);
        var signal = AdaptiveConcurrencyLimiter.LeaseOutcome.Neutral;
        try
        {
            Outcome<TResult> outcome;
            try
            {
                outcome = await callback(context, state).ConfigureAwait(context.ContinueOnCapturedContext);
            }
            catch (Exception ex)
            {
                outcome = Outcome.FromException<TResult>(ex);
            }

            if (outcome.Exception is null)
            {
                signal = AdaptiveConcurrencyLimiter.LeaseOutcome.Success;
            }
            else if (_classify(outcome.Exception).Kind == ModelFailureKind.Throttled)
            {
                signal = AdaptiveConcurrencyLimiter.LeaseOutcome.Throttled;
                _diagnostics.Throttled.Add(1, _endpointTag);
            }

            return outcome;
        }
        finally
        {
            _diagnostics.ActiveCalls.Add(-1, _endpointTag);
            lease.Complete(signal);
        }
    }
}
