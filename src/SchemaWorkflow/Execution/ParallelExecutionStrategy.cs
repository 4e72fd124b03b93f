namespace SchemaWorkflow.Execution;

/// <summary>
/// Runs items with <see cref="Parallel.ForEachAsync{TSource}(IEnumerable{TSource}, ParallelOptions, Func{TSource, CancellationToken, ValueTask})"/>:
/// each item starts on a thread-pool worker. Helps when providers block their thread (synchronous SDKs) or burn CPU.
/// </summary>
public sealed class ParallelExecutionStrategy : IExecutionStrategy
{
    /// <summary>A shared instance; the strategy has no state.</summary>
    public static ParallelExecutionStrategy Instance { get; } = new();

    /// <inheritdoc />
    public ExecutionStrategyKind Kind => ExecutionStrategyKind.Parallel;

    /// <inheritdoc />
    public Task RunAsync<TItem>(IReadOnlyList<TItem> items, int maxConcurrency, Func<TItem, CancellationToken, ValueTask> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        if (items.Count == 0)
        {
            return Task.CompletedTask;
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = maxConcurrency, CancellationToken = cancellationToken };
        return Parallel.ForEachAsync(items, options, body);
    }
}
