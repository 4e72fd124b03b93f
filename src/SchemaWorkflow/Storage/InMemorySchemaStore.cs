using System.Runtime.CompilerServices;

namespace SchemaWorkflow.Storage;

/// <summary>
/// A store in process memory with the same conditional-write semantics as the durable stores. For tests, benchmarks
/// and single-instance hosts that do not need schemas to survive a restart.
/// </summary>
public sealed class InMemorySchemaStore : ISchemaStore
{
    private readonly Dictionary<ProductTypeKey, (SchemaEnvelope Envelope, string ETag, DateTimeOffset Modified)> _entries = [];
    private readonly Lock _gate = new();
    private readonly TimeProvider _timeProvider;
    private long _version;

    /// <summary>Creates an empty store.</summary>
    /// <param name="timeProvider">The clock for modification times; the system clock when null.</param>
    public InMemorySchemaStore(TimeProvider? timeProvider = null) => _timeProvider = timeProvider ?? TimeProvider.System;

    /// <summary>How many entries the store holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _entries.Count;
            }
        }
    }

    /// <inheritdoc />
    public ValueTask<StoreReadResult> GetAsync(ProductTypeKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return new(_entries.TryGetValue(key, out var entry)
                ? StoreReadResult.Found(entry.Envelope, entry.ETag)
                : StoreReadResult.NotFound);
        }
    }

    /// <inheritdoc />
    public ValueTask<StoreWriteResult> WriteAsync(SchemaEnvelope envelope, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var exists = _entries.TryGetValue(envelope.Key, out var current);
            var ok = condition.IsCreate ? !exists : exists && string.Equals(current.ETag, condition.ETag, StringComparison.Ordinal);
            if (!ok)
            {
                return new(new StoreWriteResult(StoreWriteStatus.Conflict, null));
            }

            var etag = "\"" + (++_version).ToString(System.Globalization.CultureInfo.InvariantCulture) + "\"";
            _entries[envelope.Key] = (envelope, etag, _timeProvider.GetUtcNow());
            return new(new StoreWriteResult(StoreWriteStatus.Written, etag));
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> DeleteAsync(ProductTypeKey key, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return new(_entries.Remove(key));
        }
    }

    /// <inheritdoc />
    public async IAsyncEnumerable<StoredSchemaInfo> ListAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        StoredSchemaInfo[] snapshot;
        lock (_gate)
        {
            snapshot = _entries.OrderBy(static e => e.Key)
                .Select(static e => new StoredSchemaInfo(e.Key, e.Value.ETag, 0, e.Value.Modified))
                .ToArray();
        }

        foreach (var info in snapshot)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return info;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }
}
