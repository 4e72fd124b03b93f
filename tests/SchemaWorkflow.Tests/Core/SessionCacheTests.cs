using Microsoft.Extensions.Options;
using SchemaWorkflow.Caching;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.Tests.Core;

public sealed class SessionCacheTests
{
    private static SchemaResult Result(string key) => new()
    {
        RequestedName = key,
        Key = ProductTypeKey.Parse(key),
        Source = SchemaSource.SessionCache,
        Schema = TestSchemas.Create(key),
    };

    [Fact]
    public void Hit_returns_the_stored_instance()
    {
        using var cache = new MemorySessionCache(Options.Create(new SchemaWorkflowOptions()));
        var r = Result("pressure_gauge");
        cache.Set("s", r.Key!.Value, r);

        Assert.True(cache.TryGet("s", r.Key.Value, out var hit));
        Assert.Same(r, hit);
        Assert.False(cache.TryGet("other", r.Key.Value, out _));
    }

    [Fact]
    public void Clear_evicts_every_entry_of_one_session()
    {
        using var cache = new MemorySessionCache(Options.Create(new SchemaWorkflowOptions()));
        foreach (var k in new[] { "a_type", "b_type", "c_type" })
        {
            cache.Set("s1", ProductTypeKey.Parse(k), Result(k));
            cache.Set("s2", ProductTypeKey.Parse(k), Result(k));
        }

        cache.Clear("s1");

        Assert.False(cache.TryGet("s1", ProductTypeKey.Parse("a_type"), out _));
        Assert.False(cache.TryGet("s1", ProductTypeKey.Parse("c_type"), out _));
        Assert.True(cache.TryGet("s2", ProductTypeKey.Parse("b_type"), out _));
    }

    [Fact]
    public void Sliding_expiry_evicts_entries_not_read()
    {
        var time = TestWorkflow.NewFakeTime();
        var options = new SchemaWorkflowOptions { SessionCache = { SlidingExpiration = TimeSpan.FromMinutes(10) } };
        using var cache = new MemorySessionCache(Options.Create(options), time);
        cache.Set("s", ProductTypeKey.Parse("a_type"), Result("a_type"));

        time.Advance(TimeSpan.FromMinutes(9));
        Assert.True(cache.TryGet("s", ProductTypeKey.Parse("a_type"), out _));
        time.Advance(TimeSpan.FromMinutes(11));
        Assert.False(cache.TryGet("s", ProductTypeKey.Parse("a_type"), out _));
    }

    [Fact]
    public void Size_limit_bounds_the_entries_held()
    {
        var options = new SchemaWorkflowOptions { SessionCache = { SizeLimit = 5 } };
        using var cache = new MemorySessionCache(Options.Create(options));
        for (var i = 0; i < 20; i++)
        {
            cache.Set("s", ProductTypeKey.Parse($"type_{i}"), Result($"type_{i}"));
        }

        Assert.True(cache.Count <= 5);
    }

    [Fact]
    public void Size_limit_evicts_the_least_recently_used_entries()
    {
        var time = TestWorkflow.NewFakeTime();
        var options = new SchemaWorkflowOptions { SessionCache = { SizeLimit = 10 } };
        using var cache = new MemorySessionCache(Options.Create(options), time);
        for (var i = 0; i < 10; i++)
        {
            cache.Set(i % 2 == 0 ? "even" : "odd", Key(i), Result($"type_{i}"));
            time.Advance(TimeSpan.FromSeconds(2));
        }

        // Reading type_0 makes it the most recently used; type_1 and type_2 are now the oldest.
        Assert.True(cache.TryGet("even", Key(0), out _));
        time.Advance(TimeSpan.FromSeconds(2));
        cache.Set("odd", Key(11), Result("type_11"));

        // One over the limit: a batch goes at once, down to 90% of the limit.
        Assert.Equal(9, cache.Count);
        Assert.True(cache.TryGet("even", Key(0), out _));
        Assert.False(cache.TryGet("odd", Key(1), out _));
        Assert.False(cache.TryGet("even", Key(2), out _));
        for (var i = 3; i < 10; i++)
        {
            Assert.True(cache.TryGet(i % 2 == 0 ? "even" : "odd", Key(i), out _), $"type_{i} was evicted");
        }

        Assert.True(cache.TryGet("odd", Key(11), out _));
    }

    [Fact]
    public void Size_limit_keeps_the_latest_entries_set_within_one_tick()
    {
        var options = new SchemaWorkflowOptions { SessionCache = { SizeLimit = 5 } };
        using var cache = new MemorySessionCache(Options.Create(options), TestWorkflow.NewFakeTime());
        for (var i = 0; i < 20; i++)
        {
            cache.Set("s", Key(i), Result($"type_{i}"));
            Assert.True(cache.TryGet("s", Key(i), out _), $"type_{i} was evicted by its own Set");
        }

        Assert.Equal(5, cache.Count);
        for (var i = 0; i < 20; i++)
        {
            Assert.Equal(i >= 15, cache.TryGet("s", Key(i), out _));
        }
    }

    [Fact]
    public void Reading_an_entry_slides_its_expiry()
    {
        var time = TestWorkflow.NewFakeTime();
        var options = new SchemaWorkflowOptions { SessionCache = { SlidingExpiration = TimeSpan.FromMinutes(10) } };
        using var cache = new MemorySessionCache(Options.Create(options), time);
        cache.Set("s", Key(1), Result("type_1"));
        cache.Set("s", Key(2), Result("type_2"));

        for (var i = 0; i < 4; i++)
        {
            time.Advance(TimeSpan.FromMinutes(6));
            Assert.True(cache.TryGet("s", Key(1), out _));
        }

        // type_2 was never read: gone after 10 minutes, while type_1 (read every 6 minutes) stays.
        Assert.False(cache.TryGet("s", Key(2), out _));
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void Expiry_is_exact_to_one_tick()
    {
        var time = TestWorkflow.NewFakeTime();
        var options = new SchemaWorkflowOptions { SessionCache = { SlidingExpiration = TimeSpan.FromMinutes(10) } };
        using var cache = new MemorySessionCache(Options.Create(options), time);
        Assert.Equal(TimeSpan.FromSeconds(1), cache.Tick);
        cache.Set("s", Key(1), Result("type_1"));
        cache.Set("s", Key(2), Result("type_2"));

        time.Advance(TimeSpan.FromMinutes(10) - cache.Tick);
        Assert.True(cache.TryGet("s", Key(1), out _));
        time.Advance(cache.Tick);
        Assert.False(cache.TryGet("s", Key(2), out _));
    }

    [Fact]
    public void The_tick_follows_the_sliding_expiration()
    {
        var shortExpiry = new SchemaWorkflowOptions { SessionCache = { SlidingExpiration = TimeSpan.FromSeconds(2) } };
        using var cache = new MemorySessionCache(Options.Create(shortExpiry), TestWorkflow.NewFakeTime());
        Assert.Equal(TimeSpan.FromMilliseconds(250), cache.Tick);

        var time = TestWorkflow.NewFakeTime();
        using var tiny = new MemorySessionCache(Options.Create(new SchemaWorkflowOptions { SessionCache = { SlidingExpiration = TimeSpan.FromMilliseconds(20) } }), time);
        Assert.Equal(TimeSpan.FromMilliseconds(10), tiny.Tick);
        tiny.Set("s", Key(1), Result("type_1"));
        time.Advance(TimeSpan.FromMilliseconds(10));
        Assert.True(tiny.TryGet("s", Key(1), out _));
        time.Advance(TimeSpan.FromMilliseconds(30));
        Assert.False(tiny.TryGet("s", Key(1), out _));
    }

    [Fact]
    public void Sweep_drops_expired_entries_and_empty_sessions_without_lookups()
    {
        var time = TestWorkflow.NewFakeTime();
        var options = new SchemaWorkflowOptions { SessionCache = { SlidingExpiration = TimeSpan.FromMinutes(10) } };
        using var cache = new MemorySessionCache(Options.Create(options), time);
        for (var i = 0; i < 6; i++)
        {
            cache.Set($"s{i % 3}", Key(i), Result($"type_{i}"));
        }

        time.Advance(TimeSpan.FromMinutes(5));
        cache.Set("late", Key(9), Result("type_9"));
        Assert.Equal(7, cache.Count);
        Assert.Equal(4, cache.SessionCount);

        // Sweeps run at most a minute apart: by 11 minutes the first six entries and their sessions are gone.
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.Equal(1, cache.Count);
        Assert.Equal(1, cache.SessionCount);
        Assert.True(cache.TryGet("late", Key(9), out _));
    }

    [Fact]
    public void Clear_updates_the_count_and_leaves_the_session_usable()
    {
        using var cache = new MemorySessionCache(Options.Create(new SchemaWorkflowOptions()), TestWorkflow.NewFakeTime());
        for (var i = 0; i < 4; i++)
        {
            cache.Set("s1", Key(i), Result($"type_{i}"));
        }

        cache.Set("s2", Key(0), Result("type_0"));
        cache.Clear("s1");
        cache.Clear("unknown");

        Assert.Equal(1, cache.Count);
        Assert.Equal(1, cache.SessionCount);
        cache.Set("s1", Key(1), Result("type_1"));
        Assert.True(cache.TryGet("s1", Key(1), out _));
        Assert.False(cache.TryGet("s1", Key(0), out _));
        Assert.Equal(2, cache.Count);
    }

    [Fact]
    public void Set_replaces_an_entry_without_counting_it_twice()
    {
        using var cache = new MemorySessionCache(Options.Create(new SchemaWorkflowOptions()), TestWorkflow.NewFakeTime());
        var first = Result("type_1");
        var second = Result("type_1");
        cache.Set("s", Key(1), first);
        cache.Set("s", Key(1), second);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("s", Key(1), out var hit));
        Assert.Same(second, hit);
    }

    [Fact]
    public void A_hit_allocates_nothing()
    {
        var time = TestWorkflow.NewFakeTime();
        using var cache = new MemorySessionCache(Options.Create(new SchemaWorkflowOptions()), time);
        var key = Key(1);
        cache.Set("s", key, Result("type_1"));
        time.Advance(TimeSpan.FromSeconds(3));
        Assert.True(cache.TryGet("s", key, out _));

        var before = GC.GetAllocatedBytesForCurrentThread();
        var hits = 0;
        for (var i = 0; i < 1000; i++)
        {
            hits += cache.TryGet("s", key, out _) ? 1 : 0;
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        Assert.Equal(1000, hits);
    }

    [Fact]
    public void Dispose_empties_the_cache_and_stops_the_clock()
    {
        var time = TestWorkflow.NewFakeTime();
        var cache = new MemorySessionCache(Options.Create(new SchemaWorkflowOptions()), time);
        cache.Set("s", Key(1), Result("type_1"));
        cache.Dispose();
        cache.Dispose();

        Assert.Equal(0, cache.Count);
        Assert.False(cache.TryGet("s", Key(1), out _));
        Assert.Throws<ObjectDisposedException>(() => cache.Set("s", Key(1), Result("type_1")));
        time.Advance(TimeSpan.FromHours(1));
    }

    [Fact]
    public async Task Concurrent_sets_reads_and_clears_keep_the_count_exact()
    {
        var options = new SchemaWorkflowOptions { SessionCache = { SizeLimit = 100_000 } };
        using var cache = new MemorySessionCache(Options.Create(options), TestWorkflow.NewFakeTime());
        const int Workers = 4;
        const int Rounds = 300;
        using var start = new Barrier(Workers + 1);
        // Dedicated threads: the barrier would otherwise wait for the thread pool to grow.
        var workers = Enumerable.Range(0, Workers).Select(w => Task.Factory.StartNew(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < Rounds; i++)
            {
                // Every worker writes to its own session and to one shared session that another worker keeps clearing.
                cache.Set($"own{w}", Key(i), Result($"type_{i}"));
                cache.Set("shared", Key((w * Rounds) + i), Result($"type_{(w * Rounds) + i}"));
                Assert.True(cache.TryGet($"own{w}", Key(i), out _));
                if (w == 0 && i % 7 == 0)
                {
                    cache.Clear("shared");
                }
            }
        }, CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default)).ToArray();
        start.SignalAndWait();
        await Task.WhenAll(workers);

        var reachable = 0;
        for (var w = 0; w < Workers; w++)
        {
            for (var i = 0; i < Rounds; i++)
            {
                Assert.True(cache.TryGet($"own{w}", Key(i), out _));
                reachable++;
                reachable += cache.TryGet("shared", Key((w * Rounds) + i), out _) ? 1 : 0;
            }
        }

        Assert.Equal(reachable, cache.Count);
        cache.Clear("shared");
        Assert.Equal(Workers * Rounds, cache.Count);
    }

    [Fact]
    public async Task Concurrent_sets_over_the_size_limit_stay_bounded()
    {
        var options = new SchemaWorkflowOptions { SessionCache = { SizeLimit = 50 } };
        using var cache = new MemorySessionCache(Options.Create(options), TestWorkflow.NewFakeTime());
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
        {
            for (var i = 0; i < 500; i++)
            {
                cache.Set($"s{w}", Key(i), Result($"type_{i}"));
            }
        })).ToArray();
        await Task.WhenAll(workers);

        // Each Set evicts before it returns, so once every writer is done the limit holds.
        Assert.InRange(cache.Count, 1, 50);
        var reachable = 0;
        for (var w = 0; w < 4; w++)
        {
            for (var i = 0; i < 500; i++)
            {
                reachable += cache.TryGet($"s{w}", Key(i), out _) ? 1 : 0;
            }
        }

        Assert.Equal(cache.Count, reachable);
    }

    private static ProductTypeKey Key(int i) => ProductTypeKey.Parse($"type_{i}");
}
