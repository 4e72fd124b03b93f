using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using SchemaWorkflow.AI.Tests.Fakes;
using SchemaWorkflow.Quality;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.AI.Tests;

/// <summary>The LLM generator inside a real workflow: fallback, circuit breaker, nothing junk stored, DI and options.</summary>
public sealed class WorkflowTests : IAsyncLifetime
{
    private FakeModelServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeModelServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task Model_answer_is_generated_validated_and_stored()
    {
        _server.Enqueue(Reply.Content(Answers.GoodSchema));
        using var host = new Host(_server);

        var result = await host.Workflow.GetOrGenerateAsync("Pressure transmitter");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(SchemaSource.Generated, result.Source);
        Assert.Equal("chat", result.GeneratedBy);
        Assert.True(result.Persisted);
        Assert.Equal(1, host.Store.Writes);

        // The catalog class is the skeleton by default: sent as trusted context, its fields kept.
        Assert.Contains("<catalog_skeleton>", _server.Requests[0].Messages[1].Content, StringComparison.Ordinal);
        Assert.Contains("skeleton:catalog/" + result.Key!.Value.Value, result.Schema!.Provenance.Sources);
        var catalog = host.Services.GetRequiredService<SchemaWorkflow.Catalog.CatalogSchemaGenerator>().Generate(result.Key.Value);
        Assert.All(catalog.AllFields, f => Assert.Equal(f, result.Schema.FindField(f.Key)));
        Assert.Empty(SchemaQualityGate.Validate(result.Schema));
    }

    [Fact]
    public async Task Model_outage_is_served_by_the_fallback_generator_and_the_result_says_fallback()
    {
        for (var i = 0; i < 10; i++)
        {
            _server.Enqueue(Reply.Error(500, "server_error", "down"));
        }

        using var host = new Host(_server, o => o.Resilience.MaxRetryAttempts = 2);

        var result = await host.Workflow.GetOrGenerateAsync("Pressure transmitter");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(SchemaSource.Fallback, result.Source);
        Assert.Equal("fake", result.GeneratedBy);
        Assert.Equal(3, _server.Requests.Count);
        Assert.Contains(result.Warnings, w => w.Contains("The chat generator failed", StringComparison.Ordinal));
        Assert.Equal(1, host.Fallback.Calls);
    }

    [Fact]
    public async Task Open_circuit_fails_fast_so_the_fallback_serves_without_calling_the_model()
    {
        for (var i = 0; i < 10; i++)
        {
            _server.Enqueue(Reply.Error(503, "unavailable", "down"));
        }

        using var host = new Host(_server, o =>
        {
            o.Resilience.MaxRetryAttempts = 1;
            o.Resilience.BreakerMinimumThroughput = 2;
            o.Resilience.BreakerFailureRatio = 0.5;
            o.Resilience.BreakDuration = TimeSpan.FromMinutes(1);
        });

        var first = await host.Workflow.GetOrGenerateAsync("Pressure transmitter");
        var endpoint = host.Services.GetRequiredKeyedService<ModelEndpoint>(ModelEndpoint.DefaultName);
        Assert.Equal(CircuitState.Open, endpoint.CircuitState);
        var sent = _server.Requests.Count;

        var second = await host.Workflow.GetOrGenerateAsync("Level switch");

        Assert.Equal(SchemaSource.Fallback, first.Source);
        Assert.Equal(SchemaSource.Fallback, second.Source);
        Assert.Equal(sent, _server.Requests.Count);
        Assert.Contains(second.Warnings, w => w.Contains("circuit breaker is open", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Junk_answers_are_never_stored_when_no_fallback_can_serve()
    {
        _server.Enqueue(Reply.Content(Answers.JunkValues), Reply.Content(Answers.JunkValues));
        using var host = new Host(_server, withFallback: false);

        var result = await host.Workflow.GetOrGenerateAsync("Pressure transmitter");

        Assert.False(result.Succeeded);
        Assert.Equal(SchemaErrorCode.GenerationFailed, result.Error!.Code);
        Assert.Contains("failed validation", result.Error.Message, StringComparison.Ordinal);
        Assert.Equal(0, host.Store.Writes);
        Assert.Equal(2, _server.Requests.Count);
    }

    [Fact]
    public async Task Contaminated_answers_fall_back_and_the_stored_schema_is_clean()
    {
        _server.Enqueue(Reply.Content(Answers.Contaminated), Reply.Content(Answers.Contaminated));
        using var host = new Host(_server);

        var result = await host.Workflow.GetOrGenerateAsync("Pressure transmitter");

        Assert.Equal(SchemaSource.Fallback, result.Source);
        var stored = await host.Store.GetAsync(ProductTypeKey.Parse("pressure_transmitter"));
        Assert.Empty(SchemaQualityGate.Validate(stored.Envelope!.Schema));
        Assert.Equal("fake", stored.Envelope.Schema.Provenance.Generator);
    }

    [Fact]
    public async Task Missing_azure_settings_fail_with_messages_that_name_them()
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore().UseAzureOpenAI(o => o.Resilience.TotalTimeout = TimeSpan.FromSeconds(1)).UseChatClientGenerator();
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ISchemaWorkflow>());

        Assert.Contains(ex.Failures, f => f.Contains("Endpoint is missing", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Deployment is missing", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("neither ApiKey nor Credential", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("TotalTimeout", StringComparison.Ordinal) && f.Contains("shorter than", StringComparison.Ordinal));
    }

    [Fact]
    public void Invalid_generator_options_fail_when_configured()
    {
        var builder = new ServiceCollection().AddSchemaWorkflow();

        var ex = Assert.Throws<OptionsValidationException>(() => builder.UseChatClientGenerator(o => { o.MaxOutputTokens = 10; o.Name = "Chat Gen"; }));

        Assert.Contains(ex.Failures, f => f.Contains("MaxOutputTokens is 10", StringComparison.Ordinal));
        Assert.Contains(ex.Failures, f => f.Contains("Name is 'Chat Gen'", StringComparison.Ordinal));
    }

    [Fact]
    public void Generator_without_a_registered_endpoint_says_how_to_register_one()
    {
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore().UseChatClientGenerator(o => o.Endpoint = "mini");
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<ISchemaWorkflow>());

        Assert.Contains("model endpoint 'mini'", ex.Message, StringComparison.Ordinal);
        Assert.Contains("UseAzureOpenAI", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Any_chat_client_can_back_the_generator()
    {
        _server.Enqueue(Reply.Content(Answers.GoodSchema));
        var options = _server.CreateOptions();
        var services = new ServiceCollection();
        services.AddSchemaWorkflow().UseInMemoryStore().WithoutEnricher()
            .UseChatClient(_ => AzureOpenAIChatClientFactory.Create(options), o => o.ModelId = "any-model")
            .UseChatClientGenerator();
        using var provider = services.BuildServiceProvider();

        var result = await provider.GetRequiredService<ISchemaWorkflow>().GetOrGenerateAsync("Pressure transmitter");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Contains("model.any-model", result.Schema!.Provenance.GeneratorFingerprint, StringComparison.Ordinal);
    }

    /// <summary>A DI-built workflow: the chat generator on the fake server, then (optionally) a fake fallback generator.</summary>
    private sealed class Host : IDisposable
    {
        private readonly ServiceProvider _provider;

        public Host(FakeModelServer server, Action<AzureOpenAIOptions>? configure = null, bool withFallback = true)
        {
            var services = new ServiceCollection();
            var builder = services.AddSchemaWorkflow()
                .UseStore(_ => Store)
                .WithoutEnricher()
                .UseAzureOpenAI(o =>
                {
                    server.ApplyDefaults(o);
                    configure?.Invoke(o);
                })
                .UseChatClientGenerator();
            if (withFallback)
            {
                builder.UseGenerator(_ => Fallback);
            }

            _provider = services.BuildServiceProvider(validateScopes: true);
            Workflow = _provider.GetRequiredService<ISchemaWorkflow>();
        }

        public FakeSchemaStore Store { get; } = new();

        public FakeSchemaGenerator Fallback { get; } = new();

        public ISchemaWorkflow Workflow { get; }

        public IServiceProvider Services => _provider;

        public void Dispose() => _provider.Dispose();
    }
}
