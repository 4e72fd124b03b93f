using System.Collections.Concurrent;
using SchemaWorkflow.Generation;

namespace SchemaWorkflow.Testing;

/// <summary>
/// A generator for tests: counts calls and concurrent calls, can be held on a gate, can fail, can refuse keys,
/// and observes cancellation.
/// </summary>
public sealed class FakeSchemaGenerator : ISchemaGenerator
{
    private readonly ConcurrentDictionary<ProductTypeKey, int> _callsByKey = new();
    private int _calls;
    private int _concurrent;
    private int _maxConcurrent;
    private int _cancelled;

    public FakeSchemaGenerator(string name = "fake", string? fingerprint = null)
    {
        Name = name;
        Fingerprint = fingerprint ?? name + "/1";
    }

    public string Name { get; }

    public string Fingerprint { get; set; }

    /// <summary>When set, every call waits for this task before producing its schema.</summary>
    public Task? Gate { get; set; }

    /// <summary>When set, every call waits this long (on <see cref="TimeProvider"/>).</summary>
    public TimeSpan Delay { get; set; }

    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>Keys this generator says it cannot serve.</summary>
    public HashSet<string> Unsupported { get; } = [];

    /// <summary>When true, refuses every key.</summary>
    public bool SupportsNothing { get; set; }

    /// <summary>Keys whose generation throws.</summary>
    public HashSet<string> Failing { get; } = [];

    /// <summary>Overrides the produced schema.</summary>
    public Func<SchemaGenerationRequest, ProductSchema>? Produce { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public int MaxConcurrent => Volatile.Read(ref _maxConcurrent);

    public int CurrentConcurrent => Volatile.Read(ref _concurrent);

    public int Cancellations => Volatile.Read(ref _cancelled);

    public int CallsFor(string key) => _callsByKey.TryGetValue(ProductTypeKey.Parse(key), out var n) ? n : 0;

    /// <summary>Completes when the generator has been entered this many times.</summary>
    public Task WhenCalls(int count) => WaitUntil(() => Calls >= count);

    /// <summary>Completes when this many calls are running at once.</summary>
    public Task WhenConcurrent(int count) => WaitUntil(() => CurrentConcurrent >= count);

    public async ValueTask<ProductSchema> GenerateAsync(SchemaGenerationRequest request, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        _callsByKey.AddOrUpdate(request.Key, 1, static (_, n) => n + 1);
        if (SupportsNothing || Unsupported.Contains(request.Key.Value))
        {
            throw new ProductTypeNotSupportedException(request.RequestedName, Name, ["temperature_transmitter"]);
        }

        var now = Interlocked.Increment(ref _concurrent);
        UpdateMax(now);
        try
        {
            if (Gate is { } gate)
            {
                await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            if (Delay > TimeSpan.Zero)
            {
                await Task.Delay(Delay, TimeProvider, cancellationToken).ConfigureAwait(false);
            }

            if (Failing.Contains(request.Key.Value))
            {
                throw new InvalidOperationException($"{Name} failed for {request.Key} on purpose.");
            }

            return Produce?.Invoke(request) ?? TestSchemas.Create(request.Key, Name, Fingerprint);
        }
        catch (OperationCanceledException)
        {
            Interlocked.Increment(ref _cancelled);
            throw;
        }
        finally
        {
            Interlocked.Decrement(ref _concurrent);
        }
    }

    private void UpdateMax(int now)
    {
        int seen;
        while (now > (seen = Volatile.Read(ref _maxConcurrent)) && Interlocked.CompareExchange(ref _maxConcurrent, now, seen) != seen)
        {
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(1, cts.Token).ConfigureAwait(false);
        }
    }
}
