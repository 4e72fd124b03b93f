using System.Diagnostics;

namespace SchemaWorkflow.Benchmarks.Simulation;

/// <summary>
/// A <see cref="TimeProvider"/> whose timers fire within about 0.1 ms of their due time, for simulated latencies that
/// must not snap to a grid.
/// </summary>
/// <remarks>
/// The runtime's timer queue decides what is due by <see cref="Environment.TickCount64"/>, which on this Linux machine
/// advances in 4 ms steps (measured: see docs/benchmarks.md). A <c>Task.Delay(10)</c> therefore lasts anywhere from
/// about 8 to 14 ms depending on where in that 4 ms step it was set, and two benchmarks that set their timers at
/// different phases of the step differ by milliseconds that have nothing to do with the code under test. Here one
/// dedicated thread keeps the timers in due order, sleeps on a monitor (precise to ~0.1 ms here) until less than a
/// millisecond is left, spins the rest, and queues each callback to the thread pool, as the runtime's timers do, so
/// the work after a delay resumes on a pool thread as it would after real I/O.
/// </remarks>
public sealed class PreciseTimeProvider : TimeProvider
{
    private readonly object _gate = new(); // a monitor, not a Lock: the timer thread waits on it
    private readonly PriorityQueue<(PreciseTimer Timer, long Version), long> _due = new();

    private PreciseTimeProvider()
    {
        var thread = new Thread(Run) { IsBackground = true, Name = "precise-timers" };
        thread.Start();
    }

    /// <summary>The one instance (one timer thread per process).</summary>
    public static PreciseTimeProvider Instance { get; } = new();

    /// <inheritdoc />
    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        ArgumentNullException.ThrowIfNull(callback);
        var timer = new PreciseTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    private void Schedule(PreciseTimer timer, long version, long due)
    {
        lock (_gate)
        {
            _due.Enqueue((timer, version), due);
            Monitor.PulseAll(_gate);
        }
    }

    private void Run()
    {
        while (true)
        {
            PreciseTimer? fire = null;
            lock (_gate)
            {
                while (true)
                {
                    if (!_due.TryPeek(out var next, out var due))
                    {
                        Monitor.Wait(_gate);
                        continue;
                    }

                    if (!next.Timer.IsCurrent(next.Version))
                    {
                        _due.Dequeue(); // changed or disposed since it was scheduled
                        continue;
                    }

                    var remainingMs = (due - Stopwatch.GetTimestamp()) * 1000 / Stopwatch.Frequency;
                    if (remainingMs >= 1)
                    {
                        Monitor.Wait(_gate, (int)Math.Min(remainingMs, int.MaxValue));
                        continue;
                    }

                    if (Stopwatch.GetTimestamp() >= due)
                    {
                        _due.Dequeue();
                        fire = next.Timer;
                    }

                    break;
                }
            }

            if (fire is null)
            {
                Thread.SpinWait(50); // under a millisecond left: spin outside the lock so timers can still be set
                continue;
            }

            fire.Fire();
        }
    }

    private sealed class PreciseTimer(PreciseTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        private readonly TimerCallback _callback = callback;
        private readonly object? _state = state;
        private readonly Lock _gate = new();
        private long _version;
        private long _period = -1; // Stopwatch ticks; -1 for a one-shot timer
        private bool _disposed;

        public bool IsCurrent(long version)
        {
            lock (_gate)
            {
                return !_disposed && _version == version;
            }
        }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            long version;
            lock (_gate)
            {
                if (_disposed)
                {
                    return false;
                }

                version = ++_version;
                _period = period == Timeout.InfiniteTimeSpan || period <= TimeSpan.Zero ? -1 : ToTicks(period);
            }

            if (dueTime != Timeout.InfiniteTimeSpan)
            {
                owner.Schedule(this, version, Stopwatch.GetTimestamp() + ToTicks(dueTime < TimeSpan.Zero ? TimeSpan.Zero : dueTime));
            }

            return true;
        }

        public void Fire()
        {
            ThreadPool.UnsafeQueueUserWorkItem(static t => t._callback(t._state), this, preferLocal: false);
            long version;
            long period;
            lock (_gate)
            {
                if (_disposed || _period < 0)
                {
                    return;
                }

                version = _version;
                period = _period;
            }

            owner.Schedule(this, version, Stopwatch.GetTimestamp() + period);
        }

        public void Dispose()
        {
            lock (_gate)
            {
                _disposed = true;
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }

        private static long ToTicks(TimeSpan span) => (long)(span.TotalSeconds * Stopwatch.Frequency);
    }
}
