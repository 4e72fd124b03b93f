using System.Threading.Channels;
using SchemaWorkflow.Enrichment;
using SchemaWorkflow.Execution;
using SchemaWorkflow.Generation;

namespace SchemaWorkflow.Benchmarks.Prototypes;

/// <summary>
/// Generation and enrichment as two stages on <see cref="Channel{T}"/>s, each with its own limit (e.g. 3 concurrent
/// generations while 10 enrichments run): a product leaves the generation stage — and frees its slot for the next
/// product — as soon as its schema exists. Composed directly from a generator and an enricher, without the workflow,
/// to measure what stage separation itself is worth; <see cref="SingleLimitAsync"/> is the same composition with one
/// limit held across both stages, which is what the workflow's global limiter does today.
/// </summary>
public static class StagedPipeline
{
    public static async Task<int> RunAsync(IReadOnlyList<ProductTypeKey> keys, ISchemaGenerator generator, ISchemaEnricher enricher, int generationLimit, int enrichmentLimit, CancellationToken cancellationToken = default)
    {
        var toGenerate = Channel.CreateUnbounded<ProductTypeKey>(new UnboundedChannelOptions { SingleWriter = true });
        var toEnrich = Channel.CreateBounded<ProductSchema>(new BoundedChannelOptions(enrichmentLimit) { FullMode = BoundedChannelFullMode.Wait });
        foreach (var key in keys)
        {
            toGenerate.Writer.TryWrite(key);
        }

        toGenerate.Writer.TryComplete();
        var done = 0;

        var generators = Workers(generationLimit, async () =>
        {
            await foreach (var key in toGenerate.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                var schema = await generator.GenerateAsync(Request(key), cancellationToken).ConfigureAwait(false);
                await toEnrich.Writer.WriteAsync(schema, cancellationToken).ConfigureAwait(false);
            }
        });
        var closeEnrichment = Task.WhenAll(generators).ContinueWith(t => toEnrich.Writer.TryComplete(t.Exception), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);

        var enrichers = Workers(enrichmentLimit, async () =>
        {
            await foreach (var schema in toEnrich.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
            {
                await enricher.EnrichAsync(schema, Context, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref done);
            }
        });

        await Task.WhenAll(enrichers).ConfigureAwait(false);
        await closeEnrichment.ConfigureAwait(false);
        return done;
    }

    public static async Task<int> SingleLimitAsync(IReadOnlyList<ProductTypeKey> keys, ISchemaGenerator generator, ISchemaEnricher enricher, int limit, CancellationToken cancellationToken = default)
    {
        using var gate = new SemaphoreSlim(limit);
        var done = 0;
        await Task.WhenAll(keys.Select(async key =>
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var schema = await generator.GenerateAsync(Request(key), cancellationToken).ConfigureAwait(false);
                await enricher.EnrichAsync(schema, Context, cancellationToken).ConfigureAwait(false);
                Interlocked.Increment(ref done);
            }
            finally
            {
                gate.Release();
            }
        })).ConfigureAwait(false);
        return done;
    }

    private static readonly EnrichmentContext Context = new() { Strategy = AsyncExecutionStrategy.Instance, MaxConcurrency = 8 };

    private static SchemaGenerationRequest Request(ProductTypeKey key) =>
        new() { Key = key, RequestedName = key.Value, Strategy = AsyncExecutionStrategy.Instance, MaxConcurrency = 8 };

    private static Task[] Workers(int count, Func<Task> work) =>
        [.. Enumerable.Range(0, count).Select(_ => Task.Run(work))];
}
