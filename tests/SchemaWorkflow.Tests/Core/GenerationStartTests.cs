using Microsoft.Extensions.DependencyInjection;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Generation;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.Tests.Core;

/// <summary>
/// Where a generation starts: on the calling thread for a single call whose token cannot be cancelled, on the thread
/// pool for a call that can leave early and for every batch item.
/// </summary>
public sealed class GenerationStartTests
{
    [Fact]
    public async Task A_call_whose_token_cannot_be_cancelled_enters_the_generator_on_its_own_thread_before_returning()
    {
        var generator = new RecordingGenerator();
        using var services = Wire(generator);
        var workflow = services.GetRequiredService<ISchemaWorkflow>();
        var thread = Environment.CurrentManagedThreadId;

        var call = workflow.GetOrGenerateAsync("Level Transmitter");

        Assert.Equal(1, generator.Calls); // entered synchronously, not queued
        Assert.Equal(thread, generator.EnteredOnThread);
        Assert.False(call.IsCompleted);
        generator.Release();
        Assert.True((await call).Succeeded);
    }

    [Fact]
    public async Task A_generator_that_finishes_synchronously_completes_the_call_before_it_returns()
    {
        var generator = new RecordingGenerator();
        generator.Release(); // nothing to wait for: the whole flight runs synchronously (in-memory store, no enricher)
        using var services = Wire(generator);
        var workflow = services.GetRequiredService<ISchemaWorkflow>();

        var call = workflow.GetOrGenerateAsync("Level Transmitter");

        Assert.True(call.IsCompletedSuccessfully);
        Assert.Equal(SchemaSource.Generated, (await call).Source);
    }

    [Fact]
    public async Task A_call_that_can_be_cancelled_returns_while_a_blocking_generator_runs_and_can_leave_it()
    {
        using var release = new ManualResetEventSlim();
        var generator = new RecordingGenerator { Block = release };
        using var services = Wire(generator);
        var workflow = services.GetRequiredService<ISchemaWorkflow>();
        using var cts = new CancellationTokenSource();

        var call = workflow.GetOrGenerateAsync("Pressure Transmitter", cancellationToken: cts.Token).AsTask();
        await generator.Entered;
        Assert.NotEqual(Environment.CurrentManagedThreadId, generator.EnteredOnThread);

        // The generator still blocks its thread; the caller leaves on its own token.
        await cts.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        Assert.False(generator.Finished);

        // Every waiter has gone, so the generation is cancelled once the generator looks at its token again.
        release.Set();
        await generator.WhenFinished;
        Assert.Equal(1, generator.Calls);
    }

    [Fact]
    public async Task Batch_items_start_on_the_thread_pool_so_blocking_generators_run_side_by_side()
    {
        // Each call blocks its thread until the other has entered too: only generations that start side by side pass.
        using var bothEntered = new Barrier(2);
        var generator = new RecordingGenerator { Rendezvous = bothEntered };
        generator.Release();
        using var services = Wire(generator);
        var workflow = services.GetRequiredService<ISchemaWorkflow>();

        var results = await workflow.GetOrGenerateManyAsync(["Level Switch", "Flow Switch"], new SchemaRequestOptions { MaxConcurrency = 2 });

        Assert.All(results, r => Assert.True(r.Succeeded));
        Assert.Equal(0, generator.MissedRendezvous);
    }

    /// <summary>A workflow whose only generator is <paramref name="generator"/>.</summary>
    private static ServiceProvider Wire(ISchemaGenerator generator)
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow()
            .UseResolver<SlugProductTypeResolver>()
            .UseInMemoryStore()
            .UseGenerator(_ => generator)
            .WithoutEnricher();
        return services.BuildServiceProvider(validateScopes: true);
    }

    /// <summary>A generator that records the thread it was entered on and can hold, block or meet another call.</summary>
    private sealed class RecordingGenerator : ISchemaGenerator
    {
        private readonly TaskCompletionSource _gate = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _entered = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _finished = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _calls;
        private int _missed;

        public string Name => "recording";

        public string Fingerprint => "recording/1";

        /// <summary>When set, each call blocks its thread on this event (as a synchronous SDK would).</summary>
        public ManualResetEventSlim? Block { get; init; }

        /// <summary>When set, each call blocks its thread until this many calls have arrived.</summary>
        public Barrier? Rendezvous { get; init; }

        public int Calls => Volatile.Read(ref _calls);

        public int MissedRendezvous => Volatile.Read(ref _missed);

        public int EnteredOnThread { get; private set; }

        public bool Finished => _finished.Task.IsCompleted;

        public Task Entered => _entered.Task;

        public Task WhenFinished => _finished.Task;

        public void Release() => _gate.TrySetResult();

        public async ValueTask<ProductSchema> GenerateAsync(SchemaGenerationRequest request, CancellationToken cancellationToken = default)
        {
            Interlocked.Increment(ref _calls);
            EnteredOnThread = Environment.CurrentManagedThreadId;
            _entered.TrySetResult();
            try
            {
                // Bounded waits, so that a wrong start model fails the test instead of hanging it.
                Block?.Wait(TimeSpan.FromSeconds(30), CancellationToken.None);
                if (Rendezvous is { } rendezvous && !rendezvous.SignalAndWait(TimeSpan.FromSeconds(10), CancellationToken.None))
                {
                    Interlocked.Increment(ref _missed);
                }

                await _gate.Task.WaitAsync(cancellationToken).ConfigureAwait(false);
                return TestSchemas.Create(request.Key, Name, Fingerprint);
            }
            finally
            {
                _finished.TrySetResult();
            }
        }
    }
}
