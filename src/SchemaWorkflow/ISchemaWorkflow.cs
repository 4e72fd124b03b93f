namespace SchemaWorkflow;

/// <summary>
/// Gets or generates specification schemas: session cache → store → single-flight generation → enrichment →
/// store → session cache, with metadata on every result. Registered by <c>AddSchemaWorkflow</c>; thread-safe.
/// </summary>
public interface ISchemaWorkflow
{
    /// <summary>Gets the schema of one product type, generating it when no cache or store has it.</summary>
    /// <param name="productType">What the user wrote, e.g. "Temperature Transmitter", "TT", "pressure gauges".</param>
    /// <param name="options">Per-call options (session, force-regenerate, strategy, timeouts).</param>
    /// <param name="cancellationToken">Cancels this caller's wait; shared work stops only when every waiter has gone.</param>
    /// <returns>
    /// The result. Failures that belong to the product type (unknown type, generation failure, timeout) come back as a
    /// result with <see cref="SchemaResult.Error"/>; bad arguments throw.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="productType"/> is null.</exception>
    /// <exception cref="ArgumentException"><paramref name="productType"/> is empty, too long, has control characters or looks like a path; or the session id is invalid.</exception>
    /// <remarks>
    /// When this call starts a generation and <paramref name="cancellationToken"/> cannot be cancelled, the generation
    /// starts on the calling thread and runs there until its first asynchronous wait, as an async method does (so a
    /// synchronous generator, such as the built-in catalog, runs to the end before the call returns). With a token that
    /// can be cancelled, the generation is queued to the thread pool and the call returns at once, so the caller can
    /// leave while it runs. Callers that join a running generation never run it. To generate several types at once
    /// from one thread, use <see cref="GetOrGenerateManyAsync"/>, whose items always start on the thread pool.
    /// </remarks>
    ValueTask<SchemaResult> GetOrGenerateAsync(string productType, SchemaRequestOptions? options = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Gets many schemas: aliases of one type generate once, items run through the strategy under the global limit,
    /// one failing item never fails the others (bad text included), and results come back in input order.
    /// </summary>
    /// <param name="productTypes">The product types.</param>
    /// <param name="options">Per-call options for every item.</param>
    /// <param name="progress">Receives a report as each distinct type completes.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>One result per input, in input order.</returns>
    Task<IReadOnlyList<SchemaResult>> GetOrGenerateManyAsync(IEnumerable<string> productTypes, SchemaRequestOptions? options = null, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Like <see cref="GetOrGenerateManyAsync"/>, but yields each result as soon as it completes.</summary>
    /// <param name="productTypes">The product types.</param>
    /// <param name="options">Per-call options for every item.</param>
    /// <param name="progress">Receives a report as each result completes.</param>
    /// <param name="cancellationToken">Cancels the batch.</param>
    /// <returns>The results in completion order, one per input.</returns>
    IAsyncEnumerable<SchemaResult> StreamAsync(IEnumerable<string> productTypes, SchemaRequestOptions? options = null, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Evicts every schema cached for a session.</summary>
    /// <param name="sessionId">The session.</param>
    void ClearSession(string sessionId);

    /// <summary>Deletes the stored schema of a product type, so the next request generates it anew.</summary>
    /// <param name="productType">What the user wrote.</param>
    /// <param name="cancellationToken">Cancels the delete.</param>
    /// <returns>True when a stored schema was deleted.</returns>
    ValueTask<bool> InvalidateAsync(string productType, CancellationToken cancellationToken = default);
}

/// <summary>Progress of a batch.</summary>
/// <param name="Completed">Inputs completed so far.</param>
/// <param name="Total">Inputs in the batch.</param>
/// <param name="Latest">The result that just completed.</param>
public sealed record BatchProgress(int Completed, int Total, SchemaResult Latest);
