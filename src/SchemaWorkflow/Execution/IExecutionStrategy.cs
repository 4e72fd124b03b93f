namespace SchemaWorkflow;

/// <summary>
/// Runs a set of independent work items: a batch of product types, or the field groups of one schema.
/// Implementations: <see cref="Execution.SequentialExecutionStrategy"/>, <see cref="Execution.ParallelExecutionStrategy"/>,
/// <see cref="Execution.AsyncExecutionStrategy"/>. The body handles its own failures; an exception that escapes the
/// body ends the run.
/// </summary>
public interface IExecutionStrategy
{
    /// <summary>Which strategy this is.</summary>
    ExecutionStrategyKind Kind { get; }

    /// <summary>Runs <paramref name="body"/> for every item, at most <paramref name="maxConcurrency"/> at once.</summary>
    /// <typeparam name="TItem">The item type.</typeparam>
    /// <param name="items">The items.</param>
    /// <param name="maxConcurrency">The most items in flight at once (ignored by the sequential strategy).</param>
    /// <param name="body">The work for one item.</param>
    /// <param name="cancellationToken">Cancels the run.</param>
    /// <returns>A task that completes when every item has run.</returns>
    Task RunAsync<TItem>(IReadOnlyList<TItem> items, int maxConcurrency, Func<TItem, CancellationToken, ValueTask> body, CancellationToken cancellationToken = default);
}
