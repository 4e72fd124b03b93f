using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using SchemaWorkflow.AI.Resilience;
using SchemaWorkflow.AI.Tests.Fakes;
using Lease = SchemaWorkflow.AI.Resilience.AdaptiveConcurrencyLimiter.LeaseOutcome;

namespace SchemaWorkflow.AI.Tests;

public sealed class AdaptiveConcurrencyTests
{
    private static AdaptiveConcurrencyLimiter Limiter(int initial = 8, int min = 1, int max = 32) =>
        new(new AdaptiveConcurrencyOptions { InitialLimit = initial, MinLimit = min, MaxLimit = max, DecreaseFactor = 0.5 });

    [Fact]
    public async Task One_overload_wave_halves_the_limit_once()
    {
        var limiter = Limiter(initial: 8);
        var leases = new List<AdaptiveConcurrencyLimiter.Lease>();
        for (var i = 0; i < 8; i++)
        {
            leases.Add(await limiter.AcquireAsync(CancellationToken.None));
        }

        // All eight started in the same epoch and were throttled: one decrease, not eight.
        foreach (var lease in leases)
        {
            lease.Complete(Lease.Throttled);
        }

        Assert.Equal(4, limiter.Limit);
        Assert.Equal(1, limiter.Decreases);
        Assert.Equal(0, limiter.InFlight);
    }

    [Fact]
    public async Task Saturated_successes_raise_the_limit_one_step_at_a_time_up_to_the_maximum()
    {
        var limiter = Limiter(initial: 2, max: 4);
        var a = await limiter.AcquireAsync(CancellationToken.None);
        var b = await limiter.AcquireAsync(CancellationToken.None);
        var w1 = limiter.AcquireAsync(CancellationToken.None).AsTask();
        var w2 = limiter.AcquireAsync(CancellationToken.None).AsTask();

        a.Complete(Lease.Success);
        b.Complete(Lease.Success);
        Assert.Equal(2, limiter.Limit);
        (await w1).Complete(Lease.Success);
        Assert.Equal(3, limiter.Limit);
        Assert.Equal(1, limiter.InFlight);
        (await w2).Complete(Lease.Success);

        // Keep more callers than slots: each round takes every free slot and leaves one caller waiting, then one call
        // succeeds and hands its slot to the waiter. The limit (3.24 now) climbs by 1/limit a round - 3.55, 3.83,
        // 4.09 - to the maximum and stops there.
        var held = new Queue<AdaptiveConcurrencyLimiter.Lease>();
        var limits = new List<int>();
        for (var round = 0; round < 8; round++)
        {
            Task<AdaptiveConcurrencyLimiter.Lease> waiter;
            while (true)
            {
                var acquire = limiter.AcquireAsync(CancellationToken.None);
                if (!acquire.IsCompleted)
                {
                    waiter = acquire.AsTask();
                    break;
                }

                held.Enqueue(await acquire);
            }

            Assert.Equal(limiter.Limit, limiter.InFlight);
            Assert.Equal(1, limiter.Waiting);
            held.Dequeue().Complete(Lease.Success);
            limits.Add(limiter.Limit);
            held.Enqueue(await waiter.WaitAsync(TimeSpan.FromSeconds(5)));
        }

        Assert.Equal([3, 3, 4, 4, 4, 4, 4, 4], limits);
        while (held.TryDequeue(out var lease))
        {
            lease.Complete(Lease.Success);
        }

        Assert.Equal(4, limiter.Limit);
        Assert.Equal(0, limiter.InFlight);
    }

    [Fact]
    public async Task An_idle_limit_does_not_grow()
    {
        var limiter = Limiter(initial: 2, max: 8);
        for (var i = 0; i < 20; i++)
        {
            (await limiter.AcquireAsync(CancellationToken.None)).Complete(Lease.Success);
        }

        Assert.Equal(2, limiter.Limit);
    }

    [Fact]
    public async Task Limit_never_falls_below_the_minimum()
    {
        var limiter = Limiter(initial: 4, min: 2);
        for (var i = 0; i < 5; i++)
        {
            (await limiter.AcquireAsync(CancellationToken.None)).Complete(Lease.Throttled);
        }

        Assert.Equal(2, limiter.Limit);
    }

    [Fact]
    public async Task Callers_beyond_the_limit_wait_in_order_and_a_cancelled_wait_leaves_the_queue()
    {
        var limiter = Limiter(initial: 1);
        var first = await limiter.AcquireAsync(CancellationToken.None);
        using var cts = new CancellationTokenSource();
        var cancelled = limiter.AcquireAsync(cts.Token).AsTask();
        var second = limiter.AcquireAsync(CancellationToken.None).AsTask();
        Assert.Equal(2, limiter.Waiting);

        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        Assert.Equal(1, limiter.Waiting);
        Assert.False(second.IsCompleted);

        first.Complete(Lease.Neutral);
        (await second.WaitAsync(TimeSpan.FromSeconds(5))).Complete(Lease.Neutral);
        Assert.Equal(0, limiter.InFlight);
    }

    [Fact]
    public async Task Throttling_server_settles_model_concurrency_near_its_capacity_and_the_batch_completes()
    {
        const int Capacity = 3;
        await using var server = await FakeModelServer.StartAsync();
        server.Handler = request => Task.FromResult(request.InFlightAtArrival > Capacity
            ? Reply.Error(429, "429", "Rate limit", new Dictionary<string, string> { ["retry-after-ms"] = "5" })
            : Reply.Content(Answers.GoodSchema, delay: TimeSpan.FromMilliseconds(30)));
        using var meters = new TestMeterFactory();
        var services = new ServiceCollection();
        services.AddSingleton<System.Diagnostics.Metrics.IMeterFactory>(meters);
        services.AddSchemaWorkflow(o => o.MaxConcurrency = 16)
            .UseResolver<SlugProductTypeResolver>()
            .UseInMemoryStore()
            .WithoutEnricher()
            .UseAzureOpenAI(o =>
            {
                server.ApplyDefaults(o);
                o.Resilience.MaxRetryAttempts = 10;
                o.Concurrency.InitialLimit = 10;
            })
            .UseChatClientGenerator(o => o.UseCatalogSkeleton = false);
        await using var provider = services.BuildServiceProvider();
        using var limit = new MetricCollector<int>(meters, "SchemaWorkflow.AI", "schemaworkflow.ai.concurrency.limit");
        var workflow = provider.GetRequiredService<ISchemaWorkflow>();
        var endpoint = provider.GetRequiredKeyedService<ModelEndpoint>(ModelEndpoint.DefaultName);
        var types = Enumerable.Range(1, 40).Select(i => $"Pressure transmitter {i}").ToList();
        var limits = new System.Collections.Concurrent.ConcurrentQueue<(int Completed, int Limit)>();

        var results = await workflow.GetOrGenerateManyAsync(types, progress: new SyncProgress(p => limits.Enqueue((p.Completed, endpoint.ConcurrencyLimit))));

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        var requests = server.Requests;
        Assert.Equal(40, requests.Count(r => r.InFlightAtArrival <= Capacity));
        Assert.InRange(requests.Count(r => r.InFlightAtArrival > Capacity), 1, 40);

        // Once the first overload wave has halved the limit, the limiter keeps the server at its capacity: the probes
        // that find the edge arrive as the 4th call, never more, and the limit stays near 3 (sampled while
        // the batch is in its steady middle, before the tail leaves too few calls to test the edge).
        var later = requests.Skip(requests.Count / 2).ToList();
        Assert.InRange(later.Max(r => r.InFlightAtArrival), Capacity - 1, Capacity + 1);
        var steady = limits.Where(l => l.Completed >= 10 && l.Completed <= 30).Select(l => l.Limit).ToList();
        Assert.NotEmpty(steady);
        Assert.All(steady, l => Assert.InRange(l, 2, Capacity + 3));
        Assert.InRange(steady.Average(), 2.0, Capacity + 1.5);

        limit.RecordObservableInstruments();
        var gauge = limit.LastMeasurement!;
        Assert.Equal(endpoint.ConcurrencyLimit, gauge.Value);
        Assert.Equal("default", gauge.Tags["endpoint"]);
    }

    private sealed class SyncProgress(Action<BatchProgress> report) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => report(value);
    }
}
