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
        // A server that serves Capacity requests at once and throttles any request beyond them. Every request is held at
        // the server until the test answers it, and the test answers one at a time, only once every call of the batch is
        // either held at the server or waiting for a limiter slot. So which calls overlap is the test's choice, not the
        // machine's, and the whole run is one fixed sequence: throttles are answered first (oldest first), as a real
        // server turns them away at once, then the oldest served request. The pipeline runs on a fake clock that never
        // moves, so no timeout fires however slowly the machine runs, and Retry-After is 0, so a throttled call goes
        // straight back to the limiter's queue.
        const int Capacity = 3;
        const int InitialLimit = 10;
        const int Concurrency = 16;
        const int Types = 40;
        var held = new List<HeldRequest>();
        var arrived = new List<HeldRequest>();
        var holding = true;
        await using var server = await FakeModelServer.StartAsync();
        server.Handler = async _ =>
        {
            HeldRequest request;
            lock (held)
            {
                var accepted = held.Count(h => h.Accepted) < Capacity;
                request = new HeldRequest(accepted, AtServer: held.Count + 1);
                arrived.Add(request);
                if (holding)
                {
                    held.Add(request);
                }
                else
                {
                    request.Answered.SetResult();
                }
            }

            await request.Answered.Task;
            return request.Accepted
                ? Reply.Content(Answers.GoodSchema)
                : Reply.Error(429, "429", "Rate limit", new Dictionary<string, string> { ["retry-after-ms"] = "0" });
        };
        using var meters = new TestMeterFactory();
        var services = new ServiceCollection();
        services.AddSingleton<System.Diagnostics.Metrics.IMeterFactory>(meters);
        services.AddSingleton<TimeProvider>(SchemaWorkflow.Testing.TestWorkflow.NewFakeTime());
        services.AddSchemaWorkflow(o => o.MaxConcurrency = Concurrency)
            .UseResolver<SlugProductTypeResolver>()
            .UseInMemoryStore()
            .WithoutEnricher()
            .UseAzureOpenAI(o =>
            {
                server.ApplyDefaults(o);
                o.Resilience.MaxRetryAttempts = 10;
                // The SDK's own network timeout (attempt timeout + 5 s) runs on the real clock: keep it out of reach.
                o.Resilience.AttemptTimeout = TimeSpan.FromMinutes(5);
                o.Resilience.TotalTimeout = TimeSpan.FromMinutes(30);
                o.Concurrency.InitialLimit = InitialLimit;
            })
            .UseChatClientGenerator(o => o.UseCatalogSkeleton = false);
        await using var provider = services.BuildServiceProvider();
        using var limit = new MetricCollector<int>(meters, "SchemaWorkflow.AI", "schemaworkflow.ai.concurrency.limit");
        var workflow = provider.GetRequiredService<ISchemaWorkflow>();
        var endpoint = provider.GetRequiredKeyedService<ModelEndpoint>(ModelEndpoint.DefaultName);
        var limiter = provider.GetRequiredKeyedService<SchemaWorkflow.AI.Endpoints.ModelEndpointState>(ModelEndpoint.DefaultName).Limiter;
        var types = Enumerable.Range(1, Types).Select(i => $"Pressure transmitter {i}").ToList();
        var served = 0;

        // Settled: every call of the batch still generating (all but the served ones, at most Concurrency at once) is
        // held at the server with its limiter slot, or waits for a slot - none is between the two.
        async Task<Snapshot> SettleAsync()
        {
            Snapshot? snapshot = null;
            await WaitUntilAsync(() =>
            {
                var inFlight = limiter.InFlight;
                lock (held)
                {
                    var waiting = limiter.Waiting;
                    if (inFlight != held.Count || held.Count + waiting != Math.Min(Concurrency, Types - served))
                    {
                        return false;
                    }

                    snapshot = new Snapshot(held.Count(h => h.Accepted), held.Count(h => !h.Accepted), waiting, limiter.Limit, limiter.Decreases);
                    return true;
                }
            });
            return snapshot!;
        }

        // Answers one held request: the oldest throttle, else the oldest served request.
        void AnswerNext()
        {
            HeldRequest next;
            lock (held)
            {
                next = held.FirstOrDefault(h => !h.Accepted) ?? held[0];
                held.Remove(next);
            }

            if (next.Accepted)
            {
                served++;
            }

            next.Answered.SetResult();
        }

        var batch = workflow.GetOrGenerateManyAsync(types);
        var snapshots = new List<Snapshot>();
        try
        {
            // The overload wave: the initial limit lets 10 calls through at once; 3 are served, 7 throttled, 6 wait.
            var wave = await SettleAsync();
            Assert.Equal(new Snapshot(Capacity, InitialLimit - Capacity, Concurrency - InitialLimit, InitialLimit, 0), wave);

            // The first throttle halves the limit; the other six of the same wave do not lower it again. As the wave's
            // calls give their slots back, the halved limit (5) lets 2 more calls through, both throttled.
            AnswerNext();
            Assert.Equal(new Snapshot(Capacity, 6, Concurrency - InitialLimit + 1, InitialLimit / 2, 1), await SettleAsync());
            for (var i = 0; i < 6; i++)
            {
                AnswerNext();
                var step = await SettleAsync();
                Assert.Equal(InitialLimit / 2, step.Limit);
                Assert.Equal(1, step.Decreases);
            }

            // Those 2 were sent after the halving, so the first of them halves the limit again (5 -> 2) and the second
            // does not: the limit is now below the capacity, and from here on it stays at it.
            while (served < Types)
            {
                var step = await SettleAsync();
                snapshots.Add(step);
                AnswerNext();
            }
        }
        finally
        {
            // A failed step leaves requests held: answer them and any later ones at once, so the batch ends and the
            // server can stop.
            lock (held)
            {
                holding = false;
                held.ForEach(h => h.Answered.TrySetResult());
                held.Clear();
            }

            await ((Task)batch).WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing | ConfigureAwaitOptions.ContinueOnCapturedContext);
        }

        var results = await batch;
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        // Every type was generated by exactly one served request: no served request failed, none was repeated.
        Assert.Equal(Types, arrived.Count(r => r.Accepted));

        var settled = snapshots.SkipWhile(s => s.Limit > Capacity).ToList();
        Assert.Equal(new Snapshot(Capacity, 1, Concurrency - Capacity - 1, Capacity - 1, 2), settled[0]);
        // Once settled, the limit stays within one of the capacity, and at most one call - the probe that finds the
        // edge - is at the server beyond the capacity.
        Assert.All(settled, s => Assert.InRange(s.Limit, Capacity - 1, Capacity + 1));
        Assert.All(settled, s => Assert.InRange(s.Throttled, 0, 1));
        // The limit climbs back after each halving, one step per round of served calls (2 -> 2.5 -> 2.9 -> 3.2 -> 3.6
        // -> 3.8 -> 4.1): every 6 served calls it lets a 4th call through, which arrives as the only call beyond the
        // capacity and halves the limit once. Over the batch that is 6 probes after the 7 + 2 throttles of the first
        // wave, and no decrease without a probe.
        var probes = arrived.Where(r => !r.Accepted).Skip(InitialLimit - Capacity + 2).ToList();
        Assert.Equal(6, probes.Count);
        Assert.All(probes, p => Assert.Equal(Capacity + 1, p.AtServer));
        Assert.Equal(2 + probes.Count, limiter.Decreases);

        limit.RecordObservableInstruments();
        var gauge = limit.LastMeasurement!;
        Assert.Equal(endpoint.ConcurrencyLimit, gauge.Value);
        Assert.Equal("default", gauge.Tags["endpoint"]);
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        // Polls only; the bound keeps a broken limiter from hanging the run.
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        while (!condition())
        {
            await Task.Delay(2, cts.Token);
        }
    }

    /// <summary>What the server and the limiter hold at a settled moment.</summary>
    private sealed record Snapshot(int Serving, int Throttled, int Waiting, int Limit, long Decreases);

    /// <summary>A request held at the server until the test answers it; served or throttled as decided on arrival.</summary>
    private sealed record HeldRequest(bool Accepted, int AtServer)
    {
        public TaskCompletionSource Answered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
