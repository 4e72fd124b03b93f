using SchemaWorkflow.Storage;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.Tests.Core;

public sealed class TimeoutTests
{
    [Fact]
    public async Task Store_reads_that_outlast_the_store_timeout_are_reported_and_the_schema_is_still_generated()
    {
        var time = TestWorkflow.NewFakeTime();
        var store = new HangingStore();
        using var t = new TestWorkflow(o => o.StoreTimeout = TimeSpan.FromSeconds(2), build: b => b.UseStore(_ => store), timeProvider: time);

        var pending = t.Workflow.GetOrGenerateAsync("Thermowell").AsTask();
        await WaitUntil(() => store.Reads == 1);
        time.Advance(TimeSpan.FromSeconds(2)); // the request's own read gives up
        await WaitUntil(() => store.Reads == 2);
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(2)); // the generation's read gives up too
        var result = await pending;

        Assert.True(result.Succeeded);
        Assert.False(result.Persisted);
        Assert.Contains(result.Warnings, w => w.Contains("did not answer within 2 s", StringComparison.Ordinal));
        Assert.Equal(1, t.Generator.Calls);
    }

    [Fact]
    public async Task A_request_timeout_shorter_than_the_store_timeout_ends_a_hanging_store_read()
    {
        var time = TestWorkflow.NewFakeTime();
        var store = new HangingStore();
        using var t = new TestWorkflow(o => o.RequestTimeout = TimeSpan.FromSeconds(1), build: b => b.UseStore(_ => store), timeProvider: time);

        var pending = t.Workflow.GetOrGenerateAsync("Thermowell").AsTask();
        await WaitUntil(() => store.Reads == 1);
        time.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1));
        Assert.False(pending.IsCompleted);
        time.Advance(TimeSpan.FromTicks(1));
        var result = await pending;

        Assert.Equal(SchemaErrorCode.Timeout, result.Error!.Code);
        Assert.Equal(0, t.Generator.Calls);
        Assert.True(store.ReadsCancelled >= 1);
    }

    [Fact]
    public async Task A_per_request_timeout_override_bounds_the_wait_for_a_generation()
    {
        var time = TestWorkflow.NewFakeTime();
        using var t = new TestWorkflow(timeProvider: time);
        t.Generator.Gate = new TaskCompletionSource().Task;

        var pending = t.Workflow.GetOrGenerateAsync("Thermowell", new SchemaRequestOptions { Timeout = TimeSpan.FromSeconds(5) }).AsTask();
        await t.Generator.WhenCalls(1);
        time.Advance(TimeSpan.FromSeconds(5));
        var result = await pending;

        Assert.Equal(SchemaErrorCode.Timeout, result.Error!.Code);
        Assert.Contains("within 5 s", result.Error.Message, StringComparison.Ordinal);
        await WaitUntil(() => t.Generator.Cancellations == 1);
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(1, cts.Token);
        }
    }

    /// <summary>A store whose reads never answer until their token is cancelled.</summary>
    private sealed class HangingStore : ISchemaStore
    {
        private readonly InMemorySchemaStore _inner = new();
        private int _reads;
        private int _cancelled;

        public int Reads => Volatile.Read(ref _reads);

        public int ReadsCancelled => Volatile.Read(ref _cancelled);

        public async ValueTask<StoreReadResult> GetAsync(ProductTypeKey key, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _reads);
            try
            {
                await Task.Delay(Timeout.InfiniteTimeSpan, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                Interlocked.Increment(ref _cancelled);
                throw;
            }

            return StoreReadResult.NotFound;
        }

        public ValueTask<StoreWriteResult> WriteAsync(SchemaEnvelope envelope, WriteCondition condition, CancellationToken cancellationToken = default) =>
            _inner.WriteAsync(envelope, condition, cancellationToken);

        public ValueTask<bool> DeleteAsync(ProductTypeKey key, CancellationToken cancellationToken = default) => _inner.DeleteAsync(key, cancellationToken);

        public IAsyncEnumerable<StoredSchemaInfo> ListAsync(CancellationToken cancellationToken = default) => _inner.ListAsync(cancellationToken);
    }
}
