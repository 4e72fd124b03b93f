using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using SchemaWorkflow.AzureBlob.Tests.Infrastructure;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Storage;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.AzureBlob.Tests;

public sealed class AzureBlobRegistrationTests
{
    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static ServiceCollection Services(IConfiguration? hostConfiguration = null)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        if (hostConfiguration is not null)
        {
            services.AddSingleton(hostConfiguration);
        }

        return services;
    }

    [Fact]
    public void Options_bind_from_the_host_configuration_section_and_code_wins()
    {
        var configuration = Configuration(new()
        {
            ["SchemaWorkflow:AzureBlob:ConnectionString"] = Azurite.ConnectionStringFor(10000),
            ["SchemaWorkflow:AzureBlob:ContainerName"] = "from-config",
            ["SchemaWorkflow:AzureBlob:Prefix"] = "plant/schemas",
            ["SchemaWorkflow:AzureBlob:LeaseDuration"] = "00:00:20",
            ["SchemaWorkflow:AzureBlob:MaxBlobBytes"] = "65536",
            ["SchemaWorkflow:AzureBlob:MaxRetries"] = "5",
            ["SchemaWorkflow:AzureBlob:CreateContainerIfNotExists"] = "false",
            ["SchemaWorkflow:AzureBlob:ServiceVersion"] = "V2026_06_06",
        });
        var services = Services(configuration);
        services.AddSchemaWorkflow().UseAzureBlobStore(o => o.MaxRetries = 0);
        using var provider = services.BuildServiceProvider();

        var options = provider.GetRequiredService<IOptions<AzureBlobSchemaStoreOptions>>().Value;
        var store = Assert.IsType<AzureBlobSchemaStore>(provider.GetRequiredService<ISchemaStore>());

        Assert.Equal("from-config", options.ContainerName);
        Assert.Equal(TimeSpan.FromSeconds(20), options.LeaseDuration);
        Assert.Equal(65536, options.MaxBlobBytes);
        Assert.Equal(0, options.MaxRetries);
        Assert.False(options.CreateContainerIfNotExists);
        Assert.Equal(BlobClientOptions.ServiceVersion.V2026_06_06, options.ServiceVersion);
        Assert.Equal("from-config", store.Container.Name);
        Assert.Equal("plant/schemas/flow_meter.json", store.GetBlobName(ProductTypeKey.Parse("flow_meter")));
        Assert.Same(store, provider.GetRequiredService<AzureBlobSchemaStore>());
        Assert.IsAssignableFrom<ISchemaGenerationLock>(provider.GetRequiredService<ISchemaStore>());
    }

    [Fact]
    public void Options_bind_from_an_explicit_configuration_without_one_in_the_container()
    {
        var configuration = Configuration(new()
        {
            ["SchemaWorkflow:AzureBlob:ConnectionString"] = Azurite.ConnectionStringFor(10000),
            ["SchemaWorkflow:AzureBlob:ContainerName"] = "explicit",
        });
        var services = Services();
        services.AddSchemaWorkflow().UseAzureBlobStore(configuration);
        using var provider = services.BuildServiceProvider();

        Assert.Equal("explicit", provider.GetRequiredService<AzureBlobSchemaStore>().Container.Name);
    }

    [Fact]
    public void Invalid_options_fail_start_validation_with_a_message_per_setting()
    {
        var services = Services();
        services.AddSchemaWorkflow().UseAzureBlobStore(o =>
        {
            o.ContainerName = "Bad_Name";
            o.Prefix = "/leading";
            o.LeaseDuration = TimeSpan.FromSeconds(5);
            o.MaxBlobBytes = 10;
            o.MaxRetries = 99;
        });
        using var provider = services.BuildServiceProvider();

        var ex = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IStartupValidator>().Validate());

        var message = string.Join("\n", ex.Failures);
        Assert.Contains("No Azure Blob client is configured", message, StringComparison.Ordinal);
        Assert.Contains("SchemaWorkflow:AzureBlob:ContainerName 'Bad_Name'", message, StringComparison.Ordinal);
        Assert.Contains("SchemaWorkflow:AzureBlob:Prefix '/leading'", message, StringComparison.Ordinal);
        Assert.Contains("SchemaWorkflow:AzureBlob:LeaseDuration is 00:00:05", message, StringComparison.Ordinal);
        Assert.Contains("SchemaWorkflow:AzureBlob:MaxBlobBytes is 10", message, StringComparison.Ordinal);
        Assert.Contains("SchemaWorkflow:AzureBlob:MaxRetries is 99", message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("UseDevelopmentStorage=false;garbage", "ConnectionString is not a valid")]
    [InlineData(null, "without a credential")]
    public void Client_settings_are_checked_without_revealing_secrets(string? connectionString, string expected)
    {
        var options = new AzureBlobSchemaStoreOptions
        {
            ConnectionString = connectionString,
            ServiceUri = connectionString is null ? new Uri("https://account.blob.core.windows.net") : null,
        };

        var ex = Assert.Throws<ArgumentException>(() => new AzureBlobSchemaStore(options));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("garbage", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Connection_string_and_service_uri_together_are_rejected()
    {
        var options = new AzureBlobSchemaStoreOptions { ConnectionString = Azurite.ConnectionStringFor(10000), ServiceUri = new Uri("https://account.blob.core.windows.net") };

        var ex = Assert.Throws<ArgumentException>(() => new AzureBlobSchemaStore(options));

        Assert.Contains("set only one of them", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Service_uri_with_a_sas_token_needs_no_credential_and_the_token_is_never_shown()
    {
        var ok = new AzureBlobSchemaStore(new AzureBlobSchemaStoreOptions { ServiceUri = new Uri("https://account.blob.core.windows.net/?sv=2024&sig=secret") });
        var ex = Assert.Throws<ArgumentException>(() => new AzureBlobSchemaStore(new AzureBlobSchemaStoreOptions { ServiceUri = new Uri("ftp://account/?sig=secret") }));

        Assert.Equal("schemaworkflow", ok.Container.Name);
        Assert.Contains("not an absolute http(s) address", ex.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Blob_service_client_registered_in_the_container_is_used_when_no_client_settings_are_given()
    {
        await using var container = await TestContainer.CreateAsync("di-client");
        var services = Services();
        services.AddSingleton(Azurite.CreateServiceClient());
        services.AddSchemaWorkflow().UseAzureBlobStore(o => o.ContainerName = container.Name);
        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        var store = provider.GetRequiredService<AzureBlobSchemaStore>();
        var envelope = Serialization.SchemaEnvelopeSerializer.CreateEnvelope(TestSchemas.Create("flow_meter"), "fake/1", DateTimeOffset.UnixEpoch);
        await store.WriteAsync(envelope, WriteCondition.IfNotExists);

        Assert.Equal(["schemas/flow_meter.json"], await container.BlobNamesAsync());
    }

    [Fact]
    public async Task Health_check_is_healthy_for_a_reachable_container_and_for_one_created_on_first_write()
    {
        await using var existing = await TestContainer.CreateAsync("health");
        await using var missing = await TestContainer.CreateAsync("health-missing", create: false);

        var present = await CheckAsync(existing.Options());
        var absent = await CheckAsync(missing.Options());

        Assert.Equal(HealthStatus.Healthy, present.Status);
        Assert.Contains("is reachable", present.Description, StringComparison.Ordinal);
        Assert.Equal(existing.Name, present.Data["container"]);
        Assert.Equal(HealthStatus.Healthy, absent.Status);
        Assert.Contains("created on the first write", absent.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Health_check_reports_a_missing_container_when_creation_is_off_and_an_unreachable_account()
    {
        await using var missing = await TestContainer.CreateAsync("health-off", create: false);

        var absent = await CheckAsync(missing.Options(o => o.CreateContainerIfNotExists = false));
        var unreachable = await CheckAsync(Azurite.Options("health-down", Azurite.ConnectionStringFor(Azurite.ClosedPort())));

        Assert.Equal(HealthStatus.Unhealthy, absent.Status);
        Assert.Contains("does not exist", absent.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Unhealthy, unreachable.Status);
        Assert.Contains("reachable", unreachable.Description, StringComparison.Ordinal);
        Assert.NotNull(unreachable.Exception);
    }

    [Fact]
    public async Task Health_check_uses_the_failure_status_of_its_registration()
    {
        var services = Services();
        services.AddSchemaWorkflow().UseAzureBlobStore(o => Apply(Azurite.Options("health-degraded", Azurite.ConnectionStringFor(Azurite.ClosedPort())), o));
        services.AddHealthChecks().AddAzureBlobSchemaStoreHealthCheck(failureStatus: HealthStatus.Degraded, tags: ["storage"]);
        await using var provider = services.BuildServiceProvider();

        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();

        var entry = Assert.Single(report.Entries);
        Assert.Equal(AzureBlobHealthChecksBuilderExtensions.DefaultName, entry.Key);
        Assert.Equal(HealthStatus.Degraded, entry.Value.Status);
        Assert.Contains("storage", entry.Value.Tags);
    }

    private static async Task<HealthReportEntry> CheckAsync(AzureBlobSchemaStoreOptions options)
    {
        var services = Services();
        services.AddSchemaWorkflow().UseAzureBlobStore(o => Apply(options, o));
        services.AddHealthChecks().AddAzureBlobSchemaStoreHealthCheck();
        await using var provider = services.BuildServiceProvider();
        var report = await provider.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return Assert.Single(report.Entries).Value;
    }

    private static void Apply(AzureBlobSchemaStoreOptions from, AzureBlobSchemaStoreOptions to)
    {
        to.ConnectionString = from.ConnectionString;
        to.ContainerName = from.ContainerName;
        to.CreateContainerIfNotExists = from.CreateContainerIfNotExists;
        to.ServiceVersion = from.ServiceVersion;
        to.MaxRetries = from.MaxRetries;
        to.RetryDelay = from.RetryDelay;
        to.MaxRetryDelay = from.MaxRetryDelay;
        to.NetworkTimeout = from.NetworkTimeout;
    }
}
