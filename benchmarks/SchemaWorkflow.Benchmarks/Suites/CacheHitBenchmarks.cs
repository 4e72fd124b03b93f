using System.ComponentModel;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using SchemaWorkflow.Benchmarks.Infrastructure;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Testing;
using ZiggyCreatures.Caching.Fusion;

namespace SchemaWorkflow.Benchmarks.Suites;

/// <summary>
/// 1. A cache hit, side by side: a bare <see cref="MemoryCache"/> lookup (baseline), HybridCache and FusionCache
/// get-or-create hits on an immutable value, and <see cref="ISchemaWorkflow.GetOrGenerateAsync"/> served from the
/// session cache with the embedded defaults (input validation, catalog resolution and metrics included). Every hit
/// is consumed synchronously.
/// </summary>
[MemoryDiagnoser]
[SuiteJob(SuiteJobKind.Micro)]
public class CacheHitBenchmarks : IDisposable
{
    private const string Key = "temperature_transmitter";
    private const string ProductType = "Temperature Transmitter";

    private static readonly HybridCacheEntryOptions HybridOptions = new() { Expiration = TimeSpan.FromHours(1), LocalCacheExpiration = TimeSpan.FromHours(1) };
    private static readonly FusionCacheEntryOptions FusionOptions = new() { Duration = TimeSpan.FromHours(1) };

    private MemoryCache _memory = null!;
    private ServiceProvider _hybridServices = null!;
    private HybridCache _hybrid = null!;
    private FusionCache _fusion = null!;
    private ServiceProvider _workflowServices = null!;
    private ISchemaWorkflow _workflow = null!;
    private SchemaRequestOptions _session = null!;
    private CachedSchema _value = null!;

    [GlobalSetup]
    public void Setup()
    {
        _value = new CachedSchema(TestSchemas.Create(ProductTypeKey.Parse(Key)));

        _memory = new MemoryCache(new MemoryCacheOptions());
        _memory.Set(Key, _value);

        var services = new ServiceCollection();
        services.AddHybridCache();
        _hybridServices = services.BuildServiceProvider();
        _hybrid = _hybridServices.GetRequiredService<HybridCache>();
        var primed = _hybrid.GetOrCreateAsync(Key, _value, static (v, _) => ValueTask.FromResult(v), HybridOptions).AsTask().GetAwaiter().GetResult();
        BenchmarkCheck.That(ReferenceEquals(primed, _value), "HybridCache did not store the value.");
        BenchmarkCheck.That(ReferenceEquals(HybridHit(), _value), "HybridCache copied an immutable value: the hit would not be allocation-free.");

        _fusion = new FusionCache(new FusionCacheOptions());
        _fusion.Set(Key, _value, FusionOptions);
        BenchmarkCheck.That(ReferenceEquals(FusionCacheHit(), _value), "FusionCache missed.");

        // The embedded defaults (catalog resolver and generator, standards enricher) with an in-memory store.
        var workflowServices = new ServiceCollection();
        workflowServices.AddSchemaWorkflow().UseInMemoryStore();
        _workflowServices = workflowServices.BuildServiceProvider();
        _workflow = _workflowServices.GetRequiredService<ISchemaWorkflow>();
        _session = new SchemaRequestOptions { SessionId = "session-0001" };
        var first = _workflow.GetOrGenerateAsync(ProductType, _session).AsTask().GetAwaiter().GetResult();
        BenchmarkCheck.That(first.Succeeded && first.Source == SchemaSource.Generated, "The workflow did not generate the type.");
        BenchmarkCheck.That(SchemaWorkflowSessionHit().Source == SchemaSource.SessionCache, "The workflow did not serve the second call from the session cache.");
    }

    [Benchmark(Baseline = true, Description = "MemoryCache.TryGetValue")]
    public object? MemoryCacheTryGetValue() => _memory.TryGetValue(Key, out var value) ? value : null;

    [Benchmark(Description = "HybridCache.GetOrCreateAsync hit (immutable)")]
    public CachedSchema HybridHit()
    {
        var pending = _hybrid.GetOrCreateAsync(Key, _value, static (v, _) => ValueTask.FromResult(v), HybridOptions);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "FusionCache.GetOrSetAsync hit")]
    public CachedSchema FusionCacheHit()
    {
        var pending = _fusion.GetOrSetAsync<CachedSchema>(Key, static (_, _) => Task.FromResult<CachedSchema>(null!), options: FusionOptions);
        return pending.IsCompletedSuccessfully ? pending.Result : pending.AsTask().GetAwaiter().GetResult();
    }

    [Benchmark(Description = "SchemaWorkflow GetOrGenerateAsync, session hit")]
    public SchemaResult SchemaWorkflowSessionHit()
    {
        var pending = _workflow.GetOrGenerateAsync(ProductType, _session);
        if (!pending.IsCompletedSuccessfully)
        {
            throw new BenchmarkCheckException("A session-cache hit did not complete synchronously.");
        }

        return pending.Result;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _memory?.Dispose();
        _hybridServices?.Dispose();
        _fusion?.Dispose();
        _workflowServices?.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>The cached value for the peer caches: sealed and marked immutable, so HybridCache hands out the same instance.</summary>
[ImmutableObject(true)]
public sealed record CachedSchema(ProductSchema Schema);
