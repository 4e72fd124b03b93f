using System.Runtime.ExceptionServices;

namespace SchemaWorkflow.Execution;

/// <summary>
/// Runs the items on at most <c>maxConcurrency</c> asynchronous workers that take them in order: no thread is held
/// while an item awaits I/O, so it is the best fit for asynchronous providers (HTTP, LLM, storage). The default.
/// </summary>
/// <remarks>
/// Every item runs, even after another item's body has thrown; the run then ends with the exception of the
/// earliest failed item (or, when none failed but some were cancelled, with an <see cref="OperationCanceledException"/>),
/// as awaiting one task per item would. The workers hold only the items running now, so a large batch keeps no
/// waiting task per item alive.
/// </remarks>
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

        var run = new Run<TItem>(items, body, cancellationToken);
        var workers = new Task[Math.Min(maxConcurrency, items.Count)];
        for (var w = 0; w < workers.Length; w++)
        {
            workers[w] = run.WorkAsync();
        }

        await Task.WhenAll(workers).ConfigureAwait(false);
        run.ThrowIfFailed();
    }

    /// <summary>One run: the next item to take and the first failure.</summary>
    private sealed class Run<TItem>(IReadOnlyList<TItem> items, Func<TItem, CancellationToken, ValueTask> body, CancellationToken cancellationToken)
    {
        private readonly Lock _gate = new();
        private int _next = -1;
        private int _faultIndex = int.MaxValue;
        private Exception? _fault;
        private OperationCanceledException? _cancellation;
        private bool _cancelled;

        public async Task WorkAsync()
        {
            while (true)
            {
                var index = Interlocked.Increment(ref _next);
                if (index >= items.Count)
                {
                    return;
                }

                if (cancellationToken.IsCancellationRequested)
                {
                    // An item that had not started when the run was cancelled does not start.
                    Cancelled(null);
                    continue;
                }

                try
                {
                    await body(items[index], cancellationToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException ex)
                {
                    Cancelled(ex);
                }
                catch (Exception ex)
                {
                    lock (_gate)
                    {
                        if (index < _faultIndex)
                        {
                            _faultIndex = index;
                            _fault = ex;
                        }
                    }
                }
            }
        }

        public void ThrowIfFailed()
        {
            if (_fault is { } fault)
            {
                ExceptionDispatchInfo.Throw(fault);
            }

            if (_cancelled)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (_cancellation is { } cancellation)
                {
                    ExceptionDispatchInfo.Throw(cancellation);
                }

                throw new OperationCanceledException();
            }
        }

        private void Cancelled(OperationCanceledException? ex)
        {
            lock (_gate)
            {
                _cancelled = true;
                _cancellation ??= ex;
            }
        }
    }
}
