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
    public async Task Successes_raise_the_limit_by_one_per_round_and_never_above_the_maximum()
    {
        var limiter = Limiter(initial: 2, max: 4);
        for (var i = 0; i < 2; i++)
        {
            (await limiter.AcquireAsync(CancellationToken.None)).Complete(Lease.Success);
        }

        Assert.Equal(2, limiter.Limit);
        (await limiter.AcquireAsync(CancellationToken.None)).Complete(Lease.Success);
        Assert.Equal(3, limiter.Limit);
        for (var i = 0; i < 50; i++)
        {
            (await limiter.AcquireAsync(CancellationToken.None)).Complete(Lease.Success);
        }

        Assert.Equal(4, limiter.Limit);
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
            .UseChatClientGenerator();
        await using var provider = services.BuildServiceProvider();
        using var limit = new MetricCollector<int>(meters, "SchemaWorkflow.AI", "schemaworkflow.ai.concurrency.limit");
        var workflow = provider.GetRequiredService<ISchemaWorkflow>();
        var types = Enumerable.Range(1, 40).Select(i => $"Pressure transmitter {i}").ToList();

        var results = await workflow.GetOrGenerateManyAsync(types);

        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        var requests = server.Requests;
        var throttled = requests.Count(r => r.InFlightAtArrival > Capacity);
        Assert.InRange(throttled, 1, 40);

        // After the first overload wave the limiter keeps the server at or just above its capacity: the probes that
        // find the edge arrive as the 4th call, never more.
        var served = requests.Where(r => r.InFlightAtArrival <= Capacity).ToList();
        var secondHalf = requests.Skip(requests.Count / 2).ToList();
        Assert.All(secondHalf, r => Assert.InRange(r.InFlightAtArrival, 1, Capacity + 1));
        var mean = secondHalf.Average(r => (double)r.InFlightAtArrival);
        Assert.InRange(mean, 2.0, Capacity + 1.0);
        Assert.Equal(40, served.Count);

        var endpoint = provider.GetRequiredKeyedService<ModelEndpoint>(ModelEndpoint.DefaultName);
        Assert.InRange(endpoint.ConcurrencyLimit, 2, Capacity + 1);
        limit.RecordObservableInstruments();
        var gauge = limit.LastMeasurement!;
        Assert.Equal(endpoint.ConcurrencyLimit, gauge.Value);
        Assert.Equal("default", gauge.Tags["endpoint"]);
    }
}
