using SchemaWorkflow.Execution;

namespace SchemaWorkflow.Tests.Core;

public sealed class StrategyTests
{
    [Fact]
    public async Task Sequential_runs_one_item_at_a_time_in_order()
    {
        var order = new List<int>();
        var running = 0;
        var maxRunning = 0;

        await SequentialExecutionStrategy.Instance.RunAsync(Enumerable.Range(0, 5).ToArray(), 8, async (i, ct) =>
        {
            maxRunning = Math.Max(maxRunning, Interlocked.Increment(ref running));
            await Task.Yield();
            order.Add(i);
            Interlocked.Decrement(ref running);
        });

        Assert.Equal([0, 1, 2, 3, 4], order);
        Assert.Equal(1, maxRunning);
    }

    [Theory]
    [InlineData(ExecutionStrategyKind.Async)]
    [InlineData(ExecutionStrategyKind.Parallel)]
    public async Task Async_and_parallel_overlap_items_up_to_the_limit(ExecutionStrategyKind kind)
    {
        var strategy = ExecutionStrategies.For(kind);
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var running = 0;
        var maxRunning = 0;
        var entered = 0;

        var run = strategy.RunAsync(Enumerable.Range(0, 10).ToArray(), 3, async (i, ct) =>
        {
            var now = Interlocked.Increment(ref running);
            InterlockedMax(ref maxRunning, now);
            Interlocked.Increment(ref entered);
            await gate.Task.WaitAsync(ct);
            Interlocked.Decrement(ref running);
        });

        // Three items are inside the body at once: they overlap.
        await WaitUntil(() => Volatile.Read(ref entered) == 3);
        await Task.Delay(30);
        Assert.Equal(3, Volatile.Read(ref running));
        gate.SetResult();
        await run;

        Assert.Equal(3, maxRunning);
        Assert.Equal(10, entered);
    }

    [Fact]
    public async Task Strategy_rejects_a_limit_below_one()
    {
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => AsyncExecutionStrategy.Instance.RunAsync([1, 2], 0, (_, _) => ValueTask.CompletedTask));
    }

    [Fact]
    public async Task Strategy_is_selected_by_options_and_per_call_override()
    {
        using var t = new Testing.TestWorkflow(o => o.Strategy = ExecutionStrategyKind.Sequential);

        var byOptions = await t.Workflow.GetOrGenerateAsync("a thing");
        var overridden = await t.Workflow.GetOrGenerateAsync("b thing", new SchemaRequestOptions { Strategy = ExecutionStrategyKind.Parallel });

        Assert.Equal(ExecutionStrategyKind.Sequential, byOptions.Strategy);
        Assert.Equal(ExecutionStrategyKind.Parallel, overridden.Strategy);
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref target)) && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
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
