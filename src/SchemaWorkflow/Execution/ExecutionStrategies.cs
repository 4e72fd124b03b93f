namespace SchemaWorkflow.Execution;

/// <summary>Maps a <see cref="ExecutionStrategyKind"/> to its built-in strategy.</summary>
public static class ExecutionStrategies
{
    /// <summary>The built-in strategy for a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The strategy.</returns>
    public static IExecutionStrategy For(ExecutionStrategyKind kind) => kind switch
    {
        ExecutionStrategyKind.Async => AsyncExecutionStrategy.Instance,
        ExecutionStrategyKind.Parallel => ParallelExecutionStrategy.Instance,
        ExecutionStrategyKind.Sequential => SequentialExecutionStrategy.Instance,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown execution strategy; use Async, Parallel or Sequential."),
    };
}
