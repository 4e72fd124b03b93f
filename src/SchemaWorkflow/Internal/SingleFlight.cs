using System.Collections.Concurrent;

namespace SchemaWorkflow.Internal;

/// <summary>
/// Runs one piece of work per key for any number of concurrent callers. Each caller's token and timeout end only its
/// own wait; the shared work is cancelled when the last waiter leaves. A completed flight (success or failure) is
/// removed, so failures are never cached.
/// </summary>
/// <remarks>
/// A caller joins with <see cref="JoinOrCreate"/> and awaits <see cref="Flight.Completion"/> with its own
/// timeout and token (Task.WaitAsync), calling <see cref="Flight.Leave"/> when it stops waiting early. Joining
/// allocates nothing: the work's state travels as a value, so a caller that joins a running flight pays for no
/// closure, delegate or per-caller wrapper task.
/// </remarks>
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

    /// <summary>
    /// Joins the flight running for a key, if there is one that has not been abandoned. A caller that gets a flight
    /// here is one of its waiters, with the same duties as a joiner of <see cref="JoinOrCreate"/>.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <returns>The flight joined, or null when none is running (or the one running is being cancelled).</returns>
    public Flight? TryJoinRunning(TKey key) =>
        _flights.TryGetValue(key, out var flight) && flight.TryJoin() ? flight : null;

    /// <summary>
    /// Joins the running flight for a key, or creates one. Every caller that gets a flight here is one of its waiters
    /// and must either wait for <see cref="Flight.Completion"/> or call <see cref="Flight.Leave"/> when it stops
    /// waiting. A caller that created the flight (<paramref name="joined"/> false) must then call
    /// <see cref="Start{TState}"/>, whatever happens: it may first begin its own wait, so that its timeout counts from
    /// before the work begins.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="joined">True when this caller joined a flight another caller created.</param>
    /// <returns>The flight.</returns>
    public Flight JoinOrCreate(TKey key, out bool joined)
    {
        while (true)
        {
            if (_flights.TryGetValue(key, out var flight))
            {
                if (flight.TryJoin())
                {
                    joined = true;
                    return flight;
                }

                // Abandoned by all its waiters and being cancelled: start a fresh one.
                _flights.TryRemove(new KeyValuePair<TKey, Flight>(key, flight));
                continue;
            }

            flight = new Flight();
            flight.TryJoin();
            if (!_flights.TryAdd(key, flight))
            {
                flight.Dispose();
                continue;
            }

            joined = false;
            return flight;
        }
    }

    /// <summary>Starts the work of a flight created by <see cref="JoinOrCreate"/>.</summary>
    /// <typeparam name="TState">What the work needs, passed by value so the caller need not allocate a closure.</typeparam>
    /// <param name="key">The flight's key.</param>
    /// <param name="flight">The flight.</param>
    /// <param name="state">The work's state.</param>
    /// <param name="work">The work; receives the state and a token cancelled when every waiter has gone.</param>
    /// <param name="inline">
    /// True to run the work on the calling thread until its first asynchronous wait, as an async method runs; false to
    /// queue it to the thread pool, so the caller returns at once whatever the work does synchronously (a CPU-bound
    /// generator, a provider that blocks its thread) and can leave on its own token meanwhile.
    /// </param>
    public void Start<TState>(TKey key, Flight flight, TState state, Func<TState, CancellationToken, Task<TResult>> work, bool inline) =>
        _ = RunFlightAsync(key, flight, state, work, inline);

    private async Task RunFlightAsync<TState>(TKey key, Flight flight, TState state, Func<TState, CancellationToken, Task<TResult>> work, bool inline)
    {
        try
        {
            if (!inline)
            {
                await Task.Yield();
            }

            var result = await work(state, flight.Token).ConfigureAwait(false);
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

    /// <summary>One running piece of work and its waiters.</summary>
    internal sealed class Flight : IDisposable
    {
        private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenSource _cts = new();
        private readonly Lock _gate = new();
        private List<WaitGroup>? _groups; // in creation order: the last one is the newest deadline
        private int _waiters;
        private bool _abandoned;
        private bool _finished;
        private bool _disposed;

        /// <summary>Completes with the work's result.</summary>
        public Task<TResult> Completion => _completion.Task;

        /// <summary>Cancelled when every waiter has left.</summary>
        public CancellationToken Token => _cts.Token;

        /// <summary>Adds a waiter, unless every waiter has already left.</summary>
        /// <returns>False when the flight was abandoned.</returns>
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

        /// <summary>
        /// A task that completes as <see cref="Completion"/> does, or faults with a <see cref="TimeoutException"/> at
        /// <paramref name="deadline"/> rounded up to the next millisecond (timers count whole milliseconds anyway).
        /// Waiters whose deadlines fall in the same millisecond share one task and one timer, so a stampede of callers
        /// arriving together costs a handful of timers, not one each; and each waiter's continuation is queued on its
        /// own, so waiters resume in parallel on every core.
        /// </summary>
        /// <param name="deadline">The deadline as a timestamp of <paramref name="timeProvider"/>; <see cref="long.MaxValue"/> for none.</param>
        /// <param name="timeProvider">The clock.</param>
        /// <returns>The task to await.</returns>
        public Task<TResult> WaitUntil(long deadline, TimeProvider timeProvider)
        {
            if (deadline == long.MaxValue)
            {
                return _completion.Task;
            }

            var ticksPerMs = Math.Max(1, timeProvider.TimestampFrequency / 1000);
            var bucket = (deadline / ticksPerMs) + (deadline % ticksPerMs > 0 ? 1 : 0);
            lock (_gate)
            {
                if (_finished)
                {
                    return _completion.Task;
                }

                if (_groups is [.., var latest] && latest.Bucket == bucket)
                {
                    return latest.Task;
                }

                var dueTime = timeProvider.GetElapsedTime(timeProvider.GetTimestamp(), bucket * ticksPerMs);
                var group = new WaitGroup(bucket);
                (_groups ??= []).Add(group);
                group.Arm(timeProvider, dueTime > TimeSpan.Zero ? dueTime : TimeSpan.Zero);
                return group.Task;
            }
        }

        /// <summary>Removes a waiter; the last one to leave an unfinished flight cancels it.</summary>
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

        internal void SetResult(TResult result)
        {
            _completion.TrySetResult(result);
            foreach (var group in Finish() ?? [])
            {
                group.SetResult(result);
            }
        }

        internal void SetException(Exception ex)
        {
            Fail(_completion, ex);
            foreach (var group in Finish() ?? [])
            {
                group.SetException(ex);
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

        private List<WaitGroup>? Finish()
        {
            lock (_gate)
            {
                _finished = true;
                var groups = _groups;
                _groups = null;
                return groups;
            }
        }
    }

    /// <summary>Ends a completion source the way the work ended: cancelled for a cancellation, faulted otherwise.</summary>
    private static void Fail(TaskCompletionSource<TResult> completion, Exception ex)
    {
        if (ex is OperationCanceledException oce)
        {
            completion.TrySetCanceled(oce.CancellationToken);
        }
        else
        {
            completion.TrySetException(ex);
        }
    }

    /// <summary>The waiters of one flight whose deadlines fall in one millisecond.</summary>
    private sealed class WaitGroup(long bucket)
    {
        private readonly TaskCompletionSource<TResult> _signal = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private ITimer? _timer;

        public long Bucket { get; } = bucket;

        public Task<TResult> Task => _signal.Task;

        public void Arm(TimeProvider timeProvider, TimeSpan dueTime) =>
            _timer = timeProvider.CreateTimer(static s => ((WaitGroup)s!).Expire(), this, dueTime, Timeout.InfiniteTimeSpan);

        public void SetResult(TResult result)
        {
            _signal.TrySetResult(result);
            _timer?.Dispose();
        }

        public void SetException(Exception ex)
        {
            Fail(_signal, ex);
            _ = _signal.Task.Exception; // observed: waiters that left on their own tokens no longer await it
            _timer?.Dispose();
        }

        private void Expire()
        {
            // Observed here: waiters that left on their own tokens no longer await this task.
            _signal.TrySetException(new TimeoutException("The wait for the shared work reached its deadline."));
            _ = _signal.Task.Exception;
            _timer?.Dispose();
        }
    }
}
