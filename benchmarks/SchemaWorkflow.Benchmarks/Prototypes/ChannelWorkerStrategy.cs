using System.Threading.Channels;

namespace SchemaWorkflow.Benchmarks.Prototypes;

/// <summary>
/// The pipelined strategy in the only shape <see cref="IExecutionStrategy"/> allows: a bounded
/// <see cref="Channel{T}"/> fed by one writer and drained by <c>maxConcurrency</c> long-lived workers, instead of one
/// task per item behind a semaphore. The item body is opaque to a strategy, so it cannot split generation from
/// enrichment; see <see cref="StagedPipeline"/> for that. Registered in place of the Async strategy of one benchmark
/// workflow only (it reports <see cref="ExecutionStrategyKind.Async"/>).
/// </summary>
public sealed class ChannelWorkerStrategy : IExecutionStrategy
{
    public ExecutionStrategyKind Kind => ExecutionStrategyKind.Async;

    public async Task RunAsync<TItem>(IReadOnlyList<TItem> items, int maxConcurrency, Func<TItem, CancellationToken, ValueTask> body, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(body);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxConcurrency, 1);
        var workers = Math.Min(maxConcurrency, items.Count);
        if (workers == 0)
        {
            return;
        }

        var channel = Channel.CreateBounded<TItem>(new BoundedChannelOptions(workers) { SingleWriter = true, FullMode = BoundedChannelFullMode.Wait });
        var running = new Task[workers + 1];
        for (var w = 0; w < workers; w++)
        {
            running[w] = Task.Run(() => WorkAsync(channel.Reader, body, cancellationToken), cancellationToken);
        }

        running[workers] = WriteAsync(channel.Writer, items, cancellationToken);
        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private static async Task WriteAsync<TItem>(ChannelWriter<TItem> writer, IReadOnlyList<TItem> items, CancellationToken cancellationToken)
    {
        try
        {
            for (var i = 0; i < items.Count; i++)
            {
                await writer.WriteAsync(items[i], cancellationToken).ConfigureAwait(false);
            }

            writer.TryComplete();
        }
        catch (Exception ex)
        {
            writer.TryComplete(ex);
            throw;
        }
    }

    private static async Task WorkAsync<TItem>(ChannelReader<TItem> reader, Func<TItem, CancellationToken, ValueTask> body, CancellationToken cancellationToken)
    {
        await foreach (var item in reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            await body(item, cancellationToken).ConfigureAwait(false);
        }
    }
}
