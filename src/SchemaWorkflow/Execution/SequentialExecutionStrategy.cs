namespace SchemaWorkflow.Execution;

/// <summary>Runs items one at a time, in order. Predictable and easiest on rate-limited providers; slowest for I/O.</summary>
public sealed class SequentialExecutionStrategy : IExecutionStrategy
{
    /// <summary>A shared instance; the strategy has no state.</summary>
    public static SequentialExecutionStrategy Instance { get; } = new();

    /// <inheritdoc />
    public ExecutionStrategyKind Kind => ExecutionStrategyKind.Sequential;

    /// <inheritdoc />
    public async Task RunAsync<TItem>(IReadOnlyList<TItem> items, int maxConcurrency, Func<TItem, CancellationToken, ValueTask> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(body);
        for (var i = 0; i < items.Count; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            await body(items[i], cancellationToken).ConfigureAwait(false);
        }
    }
}
