using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace SchemaWorkflow.Caching;

/// <summary>
/// The default session cache on a private <see cref="MemoryCache"/>: one entry per (session, product type), counted
/// against a size limit, with sliding expiry. Each session has a change token, so <see cref="Clear"/> evicts all of
/// its entries at once. Lookups allocate nothing: entry keys are interned objects found through a struct key.
/// </summary>
public sealed class MemorySessionCache : ISessionCache, IDisposable
{
    private readonly MemoryCache _cache;
    private readonly SessionCacheOptions _options;
    private readonly ConcurrentDictionary<(string Session, ProductTypeKey Key), EntryKey> _keys = new();
    private readonly ConcurrentDictionary<string, CancellationTokenSource> _sessions = new(StringComparer.Ordinal);
    private readonly PostEvictionDelegate _onEvicted;

    /// <summary>Creates the cache.</summary>
    /// <param name="options">Workflow options; <see cref="SchemaWorkflowOptions.SessionCache"/> is used.</param>
    /// <param name="timeProvider">Clock for expiry; the system clock when null.</param>
    public MemorySessionCache(IOptions<SchemaWorkflowOptions> options, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value.SessionCache;
        var clock = new TimeProviderClock(timeProvider ?? TimeProvider.System);
        _cache = new MemoryCache(new MemoryCacheOptions
        {
            SizeLimit = _options.SizeLimit,
            Clock = clock,
            ExpirationScanFrequency = TimeSpan.FromSeconds(Math.Max(1, Math.Min(60, _options.SlidingExpiration.TotalSeconds / 2))),
        });
        _onEvicted = OnEvicted;
    }

    /// <summary>Entries currently held.</summary>
    public int Count => _cache.Count;

    /// <inheritdoc />
    public bool TryGet(string sessionId, ProductTypeKey key, [NotNullWhen(true)] out SchemaResult? result)
    {
        if (_keys.TryGetValue((sessionId, key), out var entryKey) && _cache.TryGetValue(entryKey, out var value) && value is SchemaResult hit)
        {
            result = hit;
            return true;
        }

        result = null;
        return false;
    }

    /// <inheritdoc />
    public void Set(string sessionId, ProductTypeKey key, SchemaResult result)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        ArgumentNullException.ThrowIfNull(result);
        var session = _sessions.GetOrAdd(sessionId, static _ => new CancellationTokenSource());
        var entryKey = _keys.GetOrAdd((sessionId, key), static k => new EntryKey(k.Session, k.Key));
        using var entry = _cache.CreateEntry(entryKey);
        entry.Value = result;
        entry.Size = 1;
        entry.SlidingExpiration = _options.SlidingExpiration;
        entry.AddExpirationToken(new CancellationChangeToken(session.Token));
        entry.RegisterPostEvictionCallback(_onEvicted);
    }

    /// <inheritdoc />
    public void Clear(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        if (_sessions.TryRemove(sessionId, out var session))
        {
            session.Cancel();
            session.Dispose();
        }

        // Expired-by-token entries leave the cache lazily; drop the interned keys now so lookups miss at once.
        foreach (var k in _keys.Keys)
        {
            if (string.Equals(k.Session, sessionId, StringComparison.Ordinal) && _keys.TryRemove(k, out var entryKey))
            {
                _cache.Remove(entryKey);
            }
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _cache.Dispose();
        foreach (var session in _sessions.Values)
        {
            session.Dispose();
        }
    }

    private void OnEvicted(object key, object? value, EvictionReason reason, object? state)
    {
        if (reason != EvictionReason.Replaced && key is EntryKey entryKey)
        {
            _keys.TryRemove(new KeyValuePair<(string, ProductTypeKey), EntryKey>((entryKey.Session, entryKey.Key), entryKey));
        }
    }

    private sealed record EntryKey(string Session, ProductTypeKey Key);

    private sealed class TimeProviderClock(TimeProvider timeProvider) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
    }
}
