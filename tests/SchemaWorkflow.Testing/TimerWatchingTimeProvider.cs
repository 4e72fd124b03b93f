using Microsoft.Extensions.Time.Testing;

namespace SchemaWorkflow.Testing;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also records the due time of every timer armed on it, and counts the timers not
/// yet disposed. Timeouts and back-off delays (Polly's, a <see cref="CancellationTokenSource"/> with a timeout) are
/// timers on the clock, so a test can wait until the timer it means to pass is armed - and every other piece of work
/// that armed one has finished and disposed it - before it advances the clock: advancing earlier would move the timer's
/// start, or fire a timer the test did not mean to pass.
/// </summary>
public sealed class TimerWatchingTimeProvider(FakeTimeProvider fake) : TimeProvider
{
    private readonly List<TimeSpan> _armed = [];
    private int _live;

    /// <summary>
    /// The due times of the timers armed so far, in the order they were armed: at creation (a back-off delay) or by a
    /// later <see cref="ITimer.Change"/> (a timeout's cancellation source creates its timer unarmed, then arms it).
    /// </summary>
    public IReadOnlyList<TimeSpan> Armed
    {
        get
        {
            lock (_armed)
            {
                return [.. _armed];
            }
        }
    }

    public override TimeZoneInfo LocalTimeZone => fake.LocalTimeZone;

    public override long TimestampFrequency => fake.TimestampFrequency;

    /// <summary>Timers created and not yet disposed.</summary>
    public int LiveTimers => Volatile.Read(ref _live);

    /// <summary>How far the clock has moved since it started.</summary>
    public TimeSpan Elapsed => fake.GetUtcNow() - fake.Start;

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(this, fake.CreateTimer(callback, state, dueTime, period));
        Interlocked.Increment(ref _live);
        Record(dueTime);
        return timer;
    }

    public void Advance(TimeSpan delta) => fake.Advance(delta);

    private void Record(TimeSpan dueTime)
    {
        if (dueTime == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        lock (_armed)
        {
            _armed.Add(dueTime);
        }
    }

    private sealed class WatchedTimer(TimerWatchingTimeProvider owner, ITimer inner) : ITimer
    {
        private int _disposed;

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Record(dueTime);
            return changed;
        }

        public void Dispose()
        {
            Forget();
            inner.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Forget();
            return inner.DisposeAsync();
        }

        private void Forget()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                Interlocked.Decrement(ref owner._live);
            }
        }
    }
}
