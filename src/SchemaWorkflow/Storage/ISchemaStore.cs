namespace SchemaWorkflow.Storage;

/// <summary>
/// Persistent schema storage shared by every instance of a host. Writes are conditional (create-if-absent,
/// replace-if-match) so two writers never overwrite each other silently. A store that cannot be reached throws
/// <see cref="SchemaStoreUnavailableException"/>.
/// </summary>
public interface ISchemaStore
{
    /// <summary>Reads the entry for a key. Corrupt or unknown-format entries are reported, never thrown.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>What was found.</returns>
    ValueTask<StoreReadResult> GetAsync(ProductTypeKey key, CancellationToken cancellationToken = default);

    /// <summary>Writes an entry under a precondition.</summary>
    /// <param name="envelope">The envelope to store.</param>
    /// <param name="condition">Create-if-absent or replace-if-match.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <returns>Written, or Conflict when the precondition failed.</returns>
    ValueTask<StoreWriteResult> WriteAsync(SchemaEnvelope envelope, WriteCondition condition, CancellationToken cancellationToken = default);

    /// <summary>Deletes (invalidates) the entry for a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>True when an entry was deleted.</returns>
    ValueTask<bool> DeleteAsync(ProductTypeKey key, CancellationToken cancellationToken = default);

    /// <summary>Lists stored entries.</summary>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The entries.</returns>
    IAsyncEnumerable<StoredSchemaInfo> ListAsync(CancellationToken cancellationToken = default);
}
