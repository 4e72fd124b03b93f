using System.Collections.Concurrent;

namespace SchemaWorkflow.Internal;

/// <summary>
/// Runs one piece of work per key for any number of concurrent callers. Each caller's token cancels only its own
/// wait; the shared work is cancelled when the last waiter leaves. A completed flight (success or failure) is
/// removed, so failures are never cached.
/// </summary>
internal sealed class SingleFlight<TKey, TResult>
    where TKey : notnull
{
    private readonly ConcurrentDictionary<TKey, Flight> _flights = new();

    /// <summary>Flights currently running.</summary>
    public int Count => _flights.Count;

    /// <summary>True when a flight for the key is running now (it may finish at any moment).</summary>
    /// <param name="key">The key.</param>
    /// <returns>Whether a flight is running.</returns>
    public bool IsRunning(TKey key) => _flights.ContainsKey(key);

    /// <summary>Runs or joins the flight for a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="work">The work; receives a token cancelled when every waiter has gone.</param>
    /// <param name="onJoin">Called when this caller joins a flight another caller started.</param>
    /// <param name="cancellationToken">This caller's token.</param>
    /// <returns>The result and whether this caller joined an existing flight.</returns>
    public async Task<(TResult Result, bool Joined)> RunAsync(TKey key, Func<CancellationToken, Task<TResult>> work, Action? onJoin, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        while (true)
        {
            var joined = false;
            if (_flights.TryGetValue(key, out var flight))
            {
                if (!flight.TryJoin())
                {
                    // Abandoned by all its waiters and being cancelled: start a fresh one.
                    _flights.TryRemove(new KeyValuePair<TKey, Flight>(key, flight));
                    continue;
                }

                joined = true;
                onJoin?.Invoke();
            }
            else
            {
                flight = new Flight();
                flight.TryJoin();
                if (!_flights.TryAdd(key, flight))
                {
                    flight.Dispose();
                    continue;
                }

                _ = RunFlightAsync(key, flight, work);
            }

            try
            {
                var result = await flight.Completion.WaitAsync(cancellationToken).ConfigureAwait(false);
                return (result, joined);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                flight.Leave();
                throw;
            }
        }
    }

    private async Task RunFlightAsync(TKey key, Flight flight, Func<CancellationToken, Task<TResult>> work)
    {
        try
        {
            // Yield so the starting caller is not blocked by synchronous work before it begins waiting.
            await Task.Yield();
            var result = await work(flight.Token).ConfigureAwait(false);
            _flights.TryRemove(new KeyValuePair<TKey, Flight>(key, flight));
            flight.SetResult(result);
        }
        catch (Exception ex)
        {
            _flights.TryRemove(new KeyValuePair<TKey, Flight>(key, flight));
            flight.SetException(ex);
        }
        finally
        {
            flight.Dispose();
        }
    }

    private sealed class Flight : IDisposable
    {
        private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _cts = new();
        private readonly Lock _gate = new();
        private int _waiters;
        private bool _abandoned;
        private bool _disposed;

        public Task<TResult> Completion => _completion.Task;

        public CancellationToken Token => _cts.Token;

        public bool TryJoin()
        {
            lock (_gate)
            {
                if (_abandoned)
                {
                    return false;
                }

                _waiters++;
                return true;
            }
        }

        public void Leave()
        {
            lock (_gate)
            {
                _waiters--;
                if (_waiters == 0 && !_completion.Task.IsCompleted && !_disposed)
                {
                    _abandoned = true;
                    _cts.Cancel();
                }
            }
        }

        public void SetResult(TResult result) => _completion.TrySetResult(result);

        public void SetException(Exception ex)
        {
            if (ex is OperationCanceledException oce)
            {
                _completion.TrySetCanceled(oce.CancellationToken);
            }
            else
            {
                _completion.TrySetException(ex);
            }
        }

        public void Dispose()
        {
            lock (_gate)
            {
                if (_disposed)
                {
                    return;
                }

                _disposed = true;
            }

            _cts.Dispose();
        }
    }
}
