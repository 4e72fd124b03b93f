using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace SchemaWorkflow.Caching;

/// <summary>
/// The default session cache: one entry per (session, product type), with sliding expiry and a size limit that
/// evicts the least recently used entries first. <see cref="Clear"/> evicts all of a session's entries at once.
/// A hit reads two dictionaries and a coarse clock and allocates nothing.
/// </summary>
/// <remarks>
/// Expiry and recency use a coarse clock: a timer from the <see cref="TimeProvider"/> refreshes it every
/// <see cref="SessionCacheOptions.SlidingExpiration"/>/8 (at least once a second, at most every 10 ms), so a hit
/// reads a field instead of the clock. An entry therefore expires within one such tick of its sliding expiry.
/// Expired entries are dropped when looked up and by a sweep every half expiry (1 s to 1 min). When an entry added
/// takes the count over <see cref="SessionCacheOptions.SizeLimit"/>, the least recently used entries (ties: the
/// oldest set) are evicted before <see cref="Set"/> returns, down to 90% of the limit.
/// </remarks>
public sealed class MemorySessionCache : ISessionCache, IDisposable
{
    private static readonly TimeSpan MaxTick = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MinTick = TimeSpan.FromMilliseconds(10);

    // Sessions by id (plain strings with ordinal comparison, which the dictionary hashes on its non-randomized fast
    // path), then entries by product type key (which carries its hash, so the key text is not hashed again).
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
    private readonly TimeProvider _time;
    private readonly long _start;
    private readonly long _slidingTicks;
    private readonly long _sweepTicks;
    private readonly int _sizeLimit;
    private readonly ITimer _timer;
    private readonly Lock _evictLock = new();

    // Elapsed time since creation in TimeSpan ticks, refreshed by the timer: what a hit reads instead of the clock.
    private long _now;
    private long _lastSweep;
    private long _sequence;
    private int _count;
    private int _sweeping;
    private bool _disposed;

    /// <summary>Creates the cache.</summary>
    /// <param name="options">Workflow options; <see cref="SchemaWorkflowOptions.SessionCache"/> is used.</param>
    /// <param name="timeProvider">Clock for expiry; the system clock when null.</param>
    public MemorySessionCache(IOptions<SchemaWorkflowOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var settings = options.Value.SessionCache;
        _time = timeProvider ?? TimeProvider.System;
        _start = _time.GetTimestamp();
        _sizeLimit = Math.Max(1, settings.SizeLimit);
        var sliding = settings.SlidingExpiration > TimeSpan.Zero ? settings.SlidingExpiration : TimeSpan.FromTicks(1);
        _slidingTicks = sliding.Ticks;
        _sweepTicks = TimeSpan.FromSeconds(Math.Clamp(sliding.TotalSeconds / 2, 1, 60)).Ticks;
        Tick = TimeSpan.FromTicks(Math.Clamp(sliding.Ticks / 8, MinTick.Ticks, MaxTick.Ticks));

        // The timer holds the cache weakly, so a cache that is dropped without Dispose can still be collected; the
        // next tick then stops the timer.
        var state = new TimerState(new WeakReference<MemorySessionCache>(this));
        var restoreFlow = !ExecutionContext.IsFlowSuppressed();
        if (restoreFlow)
        {
            ExecutionContext.SuppressFlow();
        }

        try
        {
            _timer = _time.CreateTimer(static s => ((TimerState)s!).OnTick(), state, Tick, Tick);
        }
        finally
        {
            if (restoreFlow)
            {
                ExecutionContext.RestoreFlow();
            }
        }

        state.Timer = _timer;
    }

    /// <summary>Entries currently held.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The granularity of expiry and recency: how often the coarse clock is refreshed.</summary>
    internal TimeSpan Tick { get; }

    /// <summary>Sessions currently tracked (including sessions whose last entry expired but that were not swept yet).</summary>
    internal int SessionCount => _sessions.Count;

    /// <inheritdoc />
    public bool TryGet(string sessionId, ProductTypeKey key, [NotNullWhen(true)] out SchemaResult? result)
    {
        if (_sessions.TryGetValue(sessionId, out var session) && session.Entries.TryGetValue(key, out var entry))
        {
            var now = Volatile.Read(ref _now);
            var lastAccess = Volatile.Read(ref entry.LastAccess);
            if (now - lastAccess < _slidingTicks)
            {
                // Written only when the coarse clock moved on, so concurrent hits on one entry do not keep writing
                // its cache line.
                if (lastAccess != now)
                {
                    Volatile.Write(ref entry.LastAccess, now);
                }

                result = entry.Result;
                return true;
            }

            Remove(session, key, entry);
        }

        result = null;
        return false;
    }

    /// <inheritdoc />
    public void Set(string sessionId, ProductTypeKey key, SchemaResult result)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(result);
        ObjectDisposedException.ThrowIf(_disposed, this);
        var entry = new Entry(result, Volatile.Read(ref _now), Interlocked.Increment(ref _sequence));
        while (true)
        {
            var session = _sessions.GetOrAdd(sessionId, static _ => new Session());
            bool added;
            if (session.Entries.TryGetValue(key, out var old))
            {
                if (!session.Entries.TryUpdate(key, entry, old))
                {
                    continue;
                }

                added = false;
            }
            else if (session.Entries.TryAdd(key, entry))
            {
                Interlocked.Increment(ref _count);
                added = true;
            }
            else
            {
                continue;
            }

            // A session removed (cleared, or swept when empty) while this entry went in: take the entry back out and
            // add it to the session that replaces it. The full fence pairs with the one in RemoveSession: either the
            // remover sees this entry, or this sees the removal.
            Interlocked.MemoryBarrier();
            if (Volatile.Read(ref session.Removed))
            {
                Remove(session, key, entry);
                continue;
            }

            if (added && Volatile.Read(ref _count) > _sizeLimit)
            {
                EvictLeastRecentlyUsed();
            }

            return;
        }
    }

    /// <inheritdoc />
    public void Clear(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        if (_sessions.TryRemove(sessionId, out var session))
        {
            RemoveSession(session);
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _timer.Dispose();
        foreach (var pair in _sessions)
        {
            if (_sessions.TryRemove(pair))
            {
                RemoveSession(pair.Value);
            }
        }
    }

    /// <summary>Refreshes the coarse clock and, when due, sweeps expired entries.</summary>
    internal void OnTick()
    {
        var now = _time.GetElapsedTime(_start).Ticks;
        Volatile.Write(ref _now, now);
        if (now - _lastSweep >= _sweepTicks && Interlocked.Exchange(ref _sweeping, 1) == 0)
        {
            try
            {
                _lastSweep = now;
                Sweep(now);
            }
            finally
            {
                Volatile.Write(ref _sweeping, 0);
            }
        }
    }

    /// <summary>Drops every expired entry and every empty session.</summary>
    private void Sweep(long now)
    {
        foreach (var (sessionId, session) in _sessions)
        {
            foreach (var (key, entry) in session.Entries)
            {
                if (now - Volatile.Read(ref entry.LastAccess) >= _slidingTicks)
                {
                    Remove(session, key, entry);
                }
            }

            if (session.Entries.IsEmpty && _sessions.TryRemove(new KeyValuePair<string, Session>(sessionId, session)))
            {
                // An entry set between the emptiness check and the removal is taken back out (and re-added to a new
                // session by its Set).
                RemoveSession(session);
            }
        }
    }

    /// <summary>Evicts the least recently used entries down to 90% of the size limit (one batch per overflow).</summary>
    private void EvictLeastRecentlyUsed()
    {
        lock (_evictLock)
        {
            var count = Volatile.Read(ref _count);
            if (count <= _sizeLimit)
            {
                return;
            }

            var target = _sizeLimit - (_sizeLimit / 10);
            var candidates = new List<(long LastAccess, long Sequence, Session Session, ProductTypeKey Key, Entry Entry)>(count);
            foreach (var (_, session) in _sessions)
            {
                foreach (var (key, entry) in session.Entries)
                {
                    candidates.Add((Volatile.Read(ref entry.LastAccess), entry.Sequence, session, key, entry));
                }
            }

            // Oldest access first; among entries read in the same tick, the oldest set first.
            candidates.Sort(static (a, b) => a.LastAccess != b.LastAccess ? a.LastAccess.CompareTo(b.LastAccess) : a.Sequence.CompareTo(b.Sequence));
            var excess = candidates.Count - target;
            for (var i = 0; i < excess; i++)
            {
                var c = candidates[i];
                Remove(c.Session, c.Key, c.Entry);
            }
        }
    }

    /// <summary>Removes one entry if it is still the one held; counts it once.</summary>
    private void Remove(Session session, ProductTypeKey key, Entry entry)
    {
        if (session.Entries.TryRemove(new KeyValuePair<ProductTypeKey, Entry>(key, entry)))
        {
            Interlocked.Decrement(ref _count);
        }
    }

    /// <summary>Marks a session, already taken out of the session map, as removed and removes its entries.</summary>
    private void RemoveSession(Session session)
    {
        Volatile.Write(ref session.Removed, true);
        Interlocked.MemoryBarrier();
        foreach (var (key, entry) in session.Entries)
        {
            Remove(session, key, entry);
        }
    }

    /// <summary>One session's entries, by key (whose hash is computed once, when the key is parsed).</summary>
    private sealed class Session
    {
        public readonly ConcurrentDictionary<ProductTypeKey, Entry> Entries = new();

        public bool Removed;
    }

    /// <summary>A cached result and when it was last read, on the coarse clock.</summary>
    private sealed class Entry(SchemaResult result, long lastAccess, long sequence)
    {
        public readonly SchemaResult Result = result;

        /// <summary>Set order, to break ties between entries last read in the same tick.</summary>
        public readonly long Sequence = sequence;

        public long LastAccess = lastAccess;
    }

    private sealed class TimerState(WeakReference<MemorySessionCache> cache)
    {
        public ITimer? Timer { get; set; }

        public void OnTick()
        {
            if (cache.TryGetTarget(out var target))
            {
                target.OnTick();
            }
            else
            {
                Timer?.Dispose();
            }
        }
    }
}
