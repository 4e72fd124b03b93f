using Microsoft.Extensions.DependencyInjection;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Enrichment;
using SchemaWorkflow.Generation;
using SchemaWorkflow.Storage;

namespace SchemaWorkflow.Benchmarks.Simulation;

/// <summary>A workflow wired through the public DI extension, as a host would, with the pieces a benchmark chooses.</summary>
public sealed class BenchWorkflow : IDisposable
{
    private readonly ServiceProvider _provider;

    public BenchWorkflow(ISchemaGenerator generator, ISchemaEnricher? enricher = null, ISchemaStore? store = null, Action<SchemaWorkflowOptions>? configure = null, Action<ISchemaWorkflowBuilder>? build = null)
    {
        Store = store ?? new InMemorySchemaStore();
        var services = new ServiceCollection();
        var builder = services.AddSchemaWorkflow(configure)
            .UseResolver<SlugProductTypeResolver>()
            .UseStore(_ => Store)
            .UseGenerator(_ => generator);
        if (enricher is null)
        {
            builder.WithoutEnricher();
        }
        else
        {
            builder.UseEnricher(_ => enricher);
        }

        build?.Invoke(builder);
        _provider = services.BuildServiceProvider();
        Workflow = _provider.GetRequiredService<ISchemaWorkflow>();
    }

    public ISchemaWorkflow Workflow { get; }

    public ISchemaStore Store { get; }

    public void Dispose() => _provider.Dispose();
}
