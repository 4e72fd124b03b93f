namespace SchemaWorkflow.Storage;

/// <summary>
/// An optional capability of a shared store: a per-key lock across instances, so only one instance generates a
/// type while the others wait and then load the stored result. The workflow uses it when the registered
/// <see cref="ISchemaStore"/> also implements it. In-process single-flight still applies first.
/// </summary>
public interface ISchemaGenerationLock
{
    /// <summary>
    /// Tries to take the lock for a key. The holder keeps it alive (renewing as needed) until it disposes the handle;
    /// a holder that dies loses it when it expires.
    /// </summary>
    /// <param name="key">The key.</param>
    /// <param name="cancellationToken">Cancels the attempt.</param>
    /// <returns>A handle to dispose when done, or null when another instance holds the lock.</returns>
    ValueTask<IAsyncDisposable?> TryAcquireAsync(ProductTypeKey key, CancellationToken cancellationToken = default);
}
