namespace SchemaWorkflow.Execution;

/// <summary>
/// Starts every item as a task and throttles them with a <see cref="SemaphoreSlim"/>: no thread is held while an item
/// awaits I/O, so it is the best fit for asynchronous providers (HTTP, LLM, storage). The default.
/// </summary>
public sealed class AsyncExecutionStrategy : IExecutionStrategy
{
    /// <summary>A shared instance; the strategy has no state.</summary>
    public static AsyncExecutionStrategy Instance { get; } = new();

    /// <inheritdoc />
    public ExecutionStrategyKind Kind => ExecutionStrategyKind.Async;

    /// <inheritdoc />
    public async Task RunAsync<TItem>(IReadOnlyList<TItem> items, int maxConcurrency, Func<TItem, CancellationToken, ValueTask> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        switch (items.Count)
        {
            case 0:
                return;
            case 1:
                await body(items[0], cancellationToken).ConfigureAwait(false);
                return;
        }

        using var throttle = new SemaphoreSlim(Math.Min(maxConcurrency, items.Count));
        var tasks = new Task[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            tasks[i] = RunOneAsync(items[i], throttle, body, cancellationToken);
        }

        await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    private static async Task RunOneAsync<TItem>(TItem item, SemaphoreSlim throttle, Func<TItem, CancellationToken, ValueTask> body, CancellationToken cancellationToken)
    {
        await throttle.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await body(item, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            throttle.Release();
        }
    }
}
