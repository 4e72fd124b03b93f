using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SchemaWorkflow.DependencyInjection;

namespace SchemaWorkflow.Testing;

/// <summary>A workflow wired with fakes for every seam, for tests and benchmarks.</summary>
public sealed class TestWorkflow : IDisposable
{
    private readonly ServiceProvider _provider;

    public TestWorkflow(Action<SchemaWorkflowOptions>? configure = null, Action<ISchemaWorkflowBuilder>? build = null, TimeProvider? timeProvider = null, bool withEnricher = false)
    {
        Generator = new FakeSchemaGenerator();
        Store = new FakeSchemaStore();
        Enricher = new FakeSchemaEnricher();
        var services = new ServiceCollection();
        if (timeProvider is not null)
        {
            services.AddSingleton(timeProvider);
        }

        var builder = services.AddSchemaWorkflow(configure)
            .UseResolver<SlugProductTypeResolver>()
            .UseStore(_ => Store)
            .UseGenerator(_ => Generator);
        if (withEnricher)
        {
            builder.UseEnricher(_ => Enricher);
        }
        else
        {
            builder.WithoutEnricher();
        }

        build?.Invoke(builder);
        _provider = services.BuildServiceProvider(validateScopes: true);
        Workflow = _provider.GetRequiredService<ISchemaWorkflow>();
    }

    public FakeSchemaGenerator Generator { get; }

    public FakeSchemaStore Store { get; }

    public FakeSchemaEnricher Enricher { get; }

    public ISchemaWorkflow Workflow { get; }

    public IServiceProvider Services => _provider;

    public static FakeTimeProvider NewFakeTime() => new(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));

    public void Dispose() => _provider.Dispose();
}
