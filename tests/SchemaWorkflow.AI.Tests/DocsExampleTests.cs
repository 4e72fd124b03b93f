using Microsoft.Extensions.DependencyInjection;
using SchemaWorkflow.AI.Tests.Fakes;

namespace SchemaWorkflow.AI.Tests;

/// <summary>The registration shown in docs/ai.md, compiled and run against the fake server.</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public async Task Quick_start_registration_generates_with_the_model_and_falls_back_to_the_catalog()
    {
        await using var server = await FakeModelServer.StartAsync();
        var root = Path.Combine(Path.GetTempPath(), "schemaworkflow-ai-docs-" + Guid.NewGuid().ToString("N"));
        try
        {
            var services = new ServiceCollection();
            services.AddLogging();
            services.AddSchemaWorkflow()
                .UseFileSystemStore(root)
                .UseAzureOpenAI(o =>
                {
                    o.Endpoint = new Uri("https://my-resource.openai.azure.com/");
                    o.Deployment = "gpt-4o";
                    o.ApiKey = "test-key";
                    o.ConfigureClient = c => c.Transport = new System.ClientModel.Primitives.HttpClientPipelineTransport(server.Client);
                    o.Resilience.MaxRetryAttempts = 0;
                })
                .UseChatClientGenerator()
                .UseCatalogGenerator()
                .UseRetrievalEnricher();
            await using var provider = services.BuildServiceProvider();
            var workflow = provider.GetRequiredService<ISchemaWorkflow>();

            // The model answers the schema, then an empty list for every enrichment group.
            server.Handler = r => Task.FromResult(r.Body.Contains("product_schema", StringComparison.Ordinal)
                ? Reply.Content(Answers.GoodSchema)
                : Reply.Content("""{"values":[]}"""));
            var generated = await workflow.GetOrGenerateAsync("Pressure transmitter");

            // The model is down: the catalog serves.
            server.Handler = _ => Task.FromResult(Reply.Error(503, "unavailable", "down"));
            var fallback = await workflow.GetOrGenerateAsync("Coriolis mass flowmeter");

            Assert.Equal((SchemaSource.Generated, "chat"), (generated.Source, generated.GeneratedBy));
            Assert.Equal((SchemaSource.Fallback, "catalog"), (fallback.Source, fallback.GeneratedBy));
            Assert.Equal("retrieval", generated.Enrichment!.Enricher);
            Assert.True(generated.Persisted && fallback.Persisted);
        }
        finally
        {
            if (Directory.Exists(root))
            {
                Directory.Delete(root, recursive: true);
            }
        }
    }
}
