using Microsoft.Extensions.Time.Testing;

namespace SchemaWorkflow.AI.Tests.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also records the due time of every timer armed on it. Polly arms its timeouts
/// and retry back-off delays as timers on the pipeline's clock, so a test can wait until the timer it means to pass is
/// armed before it advances the clock: advancing earlier would move the timer's start, and with it the whole timeline.
/// </summary>
public sealed class TimerWatchingTimeProvider(FakeTimeProvider fake) : TimeProvider
{
    private readonly List<TimeSpan> _armed = [];

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

    /// <summary>How far the clock has moved since it started.</summary>
    public TimeSpan Elapsed => fake.GetUtcNow() - fake.Start;

    public override DateTimeOffset GetUtcNow() => fake.GetUtcNow();

    public override long GetTimestamp() => fake.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new WatchedTimer(this, fake.CreateTimer(callback, state, dueTime, period));
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
        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            var changed = inner.Change(dueTime, period);
            owner.Record(dueTime);
            return changed;
        }

        public void Dispose() => inner.Dispose();

        public ValueTask DisposeAsync() => inner.DisposeAsync();
    }
}
