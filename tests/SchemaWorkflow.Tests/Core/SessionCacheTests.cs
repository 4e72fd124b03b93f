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
}
