using SchemaWorkflow.Storage;

namespace SchemaWorkflow.Testing;

/// <summary>An in-memory store that counts operations and can be switched "down".</summary>
public sealed class FakeSchemaStore : ISchemaStore
{
    private readonly InMemorySchemaStore _inner = new();
    private int _reads;
    private int _writes;

    public bool IsDown { get; set; }

    public int Reads => Volatile.Read(ref _reads);

    public int Writes => Volatile.Read(ref _writes);

    public InMemorySchemaStore Inner => _inner;

    /// <summary>The next read returns this instead of the stored entry (once).</summary>
    public StoreReadResult? NextRead { get; set; }

    /// <summary>Keys whose entries read as corrupt (with their real ETag), as a damaged blob would.</summary>
    public HashSet<ProductTypeKey> CorruptKeys { get; } = [];

    public async ValueTask<StoreReadResult> GetAsync(ProductTypeKey key, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _reads);
        ThrowIfDown();
        if (NextRead is { } next)
        {
            NextRead = null;
            return next;
        }

        var read = await _inner.GetAsync(key, cancellationToken).ConfigureAwait(false);
        return CorruptKeys.Contains(key) && read.Status == StoreReadStatus.Found
            ? new StoreReadResult { Status = StoreReadStatus.Corrupt, ETag = read.ETag, Problem = "the test marked it corrupt" }
            : read;
    }

    public ValueTask<StoreWriteResult> WriteAsync(SchemaEnvelope envelope, WriteCondition condition, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        Interlocked.Increment(ref _writes);
        return _inner.WriteAsync(envelope, condition, cancellationToken);
    }

    public ValueTask<bool> DeleteAsync(ProductTypeKey key, CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return _inner.DeleteAsync(key, cancellationToken);
    }

    public IAsyncEnumerable<StoredSchemaInfo> ListAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDown();
        return _inner.ListAsync(cancellationToken);
    }

    private void ThrowIfDown()
    {
        if (IsDown)
        {
            throw new SchemaStoreUnavailableException("The fake store is down.");
        }
    }
}
