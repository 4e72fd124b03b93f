using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.AzureBlob.Tests.Infrastructure;

/// <summary>One "instance" of a host: its own DI container, workflow, store client and generator.</summary>
internal sealed class WorkflowHost : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private WorkflowHost(ServiceProvider provider, FakeSchemaGenerator generator, CapturingLoggerProvider logs)
    {
        _provider = provider;
        Generator = generator;
        Logs = logs;
        Workflow = provider.GetRequiredService<ISchemaWorkflow>();
        Store = provider.GetRequiredService<AzureBlobSchemaStore>();
    }

    public ISchemaWorkflow Workflow { get; }

    public AzureBlobSchemaStore Store { get; }

    public FakeSchemaGenerator Generator { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _provider;

    /// <summary>Builds an instance through the public registration: AddSchemaWorkflow().UseAzureBlobStore(...).</summary>
    public static WorkflowHost Create(AzureBlobSchemaStoreOptions storeOptions, FakeSchemaGenerator generator, Action<SchemaWorkflowOptions>? configure = null)
    {
        var logs = new CapturingLoggerProvider();
        var services = new ServiceCollection();
        services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug));
        services.AddSchemaWorkflow(o =>
            {
                o.StoreTimeout = TimeSpan.FromSeconds(10);
                configure?.Invoke(o);
            })
            .UseAzureBlobStore(o => Copy(storeOptions, o))
            .UseGenerator(_ => generator)
            .WithoutEnricher();
        return new WorkflowHost(services.BuildServiceProvider(), generator, logs);
    }

    public async ValueTask DisposeAsync() => await _provider.DisposeAsync();

    private static void Copy(AzureBlobSchemaStoreOptions from, AzureBlobSchemaStoreOptions to)
    {
        to.ConnectionString = from.ConnectionString;
        to.ServiceUri = from.ServiceUri;
        to.Credential = from.Credential;
        to.ContainerName = from.ContainerName;
        to.Prefix = from.Prefix;
        to.CreateContainerIfNotExists = from.CreateContainerIfNotExists;
        to.MaxBlobBytes = from.MaxBlobBytes;
        to.LeaseDuration = from.LeaseDuration;
        to.MaxRetries = from.MaxRetries;
        to.RetryDelay = from.RetryDelay;
        to.MaxRetryDelay = from.MaxRetryDelay;
        to.NetworkTimeout = from.NetworkTimeout;
        to.ServiceVersion = from.ServiceVersion;
        to.ConfigureClientOptions = from.ConfigureClientOptions;
    }
}
