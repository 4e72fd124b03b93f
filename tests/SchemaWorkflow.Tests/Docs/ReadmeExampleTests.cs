using Microsoft.Extensions.DependencyInjection;

namespace SchemaWorkflow.Tests.Docs;

/// <summary>The README's DI example, compiled and run as written (with a private store folder).</summary>
public sealed class ReadmeExampleTests
{
    [Fact]
    public async Task Readme_di_example_runs()
    {
        var folder = Directory.CreateTempSubdirectory("sw-readme-");
        try
        {
            // --- README example (store folder replaced by a temp folder) ---
            var services = new ServiceCollection();
            services.AddSchemaWorkflow(o => o.MaxConcurrency = 8)
                    .UseFileSystemStore(folder.FullName)
                    .WithStrategy(ExecutionStrategyKind.Async);

            await using var provider = services.BuildServiceProvider();
            var workflow = provider.GetRequiredService<ISchemaWorkflow>();

            var result = await workflow.GetOrGenerateAsync("TT 4-20mA HART", new SchemaRequestOptions { SessionId = "user-42" });
            var line = $"{result.Schema?.DisplayName}: {result.Source}, {result.Fields?.Total} fields, {result.Duration.TotalMilliseconds:0.0} ms";
            var many = await workflow.GetOrGenerateManyAsync(["Pressure Gauge", "pressure gauges", "Level Switch"]);
            // --- end of example ---

            Assert.StartsWith("Temperature transmitter: Generated, ", line, StringComparison.Ordinal);
            Assert.Equal(3, many.Count);
            Assert.All(many, r => Assert.True(r.Succeeded));
            Assert.Same(many[0].Schema, many[1].Schema);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Architecture_page_generator_example_falls_back_to_the_catalog()
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore().UseGenerator<WidgetGenerator>().UseCatalogGenerator();
        await using var provider = services.BuildServiceProvider();
        var workflow = provider.GetRequiredService<ISchemaWorkflow>();

        var widget = await workflow.GetOrGenerateAsync("widget");
        var gauge = await workflow.GetOrGenerateAsync("pressure gauge");

        Assert.Equal(SchemaSource.Generated, widget.Source);
        Assert.Equal("mine", widget.GeneratedBy);
        Assert.Equal(SchemaSource.Fallback, gauge.Source);
        Assert.Equal("catalog", gauge.GeneratedBy);
    }

    private sealed class WidgetGenerator : Generation.ISchemaGenerator
    {
        public string Name => "mine";

        public string Fingerprint => "mine/1.0";

        public ValueTask<ProductSchema> GenerateAsync(Generation.SchemaGenerationRequest request, CancellationToken cancellationToken = default)
            => request.Key.Value == "widget"
                ? ValueTask.FromResult(Testing.TestSchemas.Create(request.Key, Name, Fingerprint))
                : throw new ProductTypeNotSupportedException(request.RequestedName, Name);
    }
}
