using System.Collections.Concurrent;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace SchemaWorkflow.Caching;

/// <summary>
/// The default session cache on a private <see cref="MemoryCache"/>: one entry per (session, product type), counted
/// against a size limit, with sliding expiry. Each session has a change token, so <see cref="Clear"/> evicts all of
/// its entries at once. Lookups allocate nothing: entry keys are interned objects, found through the session id and
/// the key text.
/// </summary>
public sealed class MemorySessionCache : ISessionCache, IDisposable
{
    private readonly MemoryCache _cache;
    private readonly SessionCacheOptions _options;

    // Per session: its change token and its interned entry keys, by key text. Both levels are keyed by plain strings
    // with ordinal comparison, which the dictionary hashes on its fast path; a (session, key) tuple key would hash
    // both strings with randomized hashing on every lookup.
    private readonly ConcurrentDictionary<string, Session> _sessions = new(StringComparer.Ordinal);
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
        if (_sessions.TryGetValue(sessionId, out var session) && session.Keys.TryGetValue(key.Value, out var entryKey) &&
            _cache.TryGetValue(entryKey, out var value) && value is SchemaResult hit)
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
        var session = _sessions.GetOrAdd(sessionId, static _ => new Session());
        var entryKey = session.Keys.GetOrAdd(key.Value, static (k, s) => new EntryKey(s, k), session);
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

            // Expired-by-token entries leave the cache lazily; remove them now so lookups miss at once.
            foreach (var entryKey in session.Keys.Values)
            {
                _cache.Remove(entryKey);
            }

            session.Keys.Clear();
            session.Dispose();
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
            // Removes only this instance: a newer key interned for the same type after it stays.
            entryKey.Session.Keys.TryRemove(new KeyValuePair<string, EntryKey>(entryKey.Key, entryKey));
        }
    }

    /// <summary>A session's change token (cancelled by <see cref="Clear"/>) and its interned entry keys.</summary>
    private sealed class Session : IDisposable
    {
        private readonly CancellationTokenSource _cts = new();

        public ConcurrentDictionary<string, EntryKey> Keys { get; } = new(StringComparer.Ordinal);

        public CancellationToken Token => _cts.Token;

        public void Cancel() => _cts.Cancel();

        public void Dispose() => _cts.Dispose();
    }

    /// <summary>
    /// The cache key of one entry. Interned (one instance per session and type while the entry lives), so it keeps
    /// reference equality: the cache hashes it by identity instead of hashing two strings per lookup, and an eviction
    /// callback of an old instance can never remove a newer one.
    /// </summary>
    private sealed class EntryKey(Session session, string key)
    {
        public Session Session { get; } = session;

        public string Key { get; } = key;
    }

    private sealed class TimeProviderClock(TimeProvider timeProvider) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
    }
}
