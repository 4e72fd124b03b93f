using SchemaWorkflow.Execution;

namespace SchemaWorkflow.Tests.Core;

public sealed class AsyncStrategyTests
{
    [Fact]
    public async Task Every_item_runs_after_a_failure_and_the_earliest_failure_is_rethrown()
    {
        var ran = new bool[20];
        var run = AsyncExecutionStrategy.Instance.RunAsync(Enumerable.Range(0, 20).ToArray(), 4, async (i, ct) =>
        {
            await Task.Yield();
            ran[i] = true;
            if (i is 5 or 12)
            {
                throw new InvalidOperationException($"item {i}");
            }
        });

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => run);
        Assert.Equal("item 5", ex.Message);
        Assert.All(ran, Assert.True);
    }

    [Fact]
    public async Task Items_start_in_order_and_no_more_than_the_limit_run_at_once()
    {
        const int limit = 3;
        var started = new List<int>();
        var running = 0;
        var peak = 0;
        var gates = Enumerable.Range(0, 9).Select(_ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).ToArray();
        var run = AsyncExecutionStrategy.Instance.RunAsync(Enumerable.Range(0, 9).ToArray(), limit, async (i, ct) =>
        {
            lock (started)
            {
                started.Add(i);
                peak = Math.Max(peak, ++running);
            }

            await gates[i].Task;
            lock (started)
            {
                running--;
            }
        });

        for (var i = 0; i < gates.Length; i++)
        {
            // Items 0..i-1 are done and i.. are held: exactly the next `limit` items have started, no more.
            var expected = Math.Min(i + limit, gates.Length);
            await WaitUntil(() => { lock (started) { return started.Count >= expected; } });
            lock (started)
            {
                Assert.Equal(expected, started.Count);
            }

            gates[i].SetResult();
        }

        await run;
        Assert.Equal(Enumerable.Range(0, 9), started);
        Assert.Equal(limit, peak);
    }

    [Fact]
    public async Task Cancelling_the_run_starts_no_further_items_and_ends_it_cancelled()
    {
        using var cts = new CancellationTokenSource();
        var started = 0;
        var first = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = AsyncExecutionStrategy.Instance.RunAsync(Enumerable.Range(0, 10).ToArray(), 2, async (i, ct) =>
        {
            Interlocked.Increment(ref started);
            await first.Task.WaitAsync(ct);
        }, cts.Token);

        await WaitUntil(() => Volatile.Read(ref started) == 2);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
        Assert.Equal(2, started);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(1, cts.Token);
        }
    }
}
