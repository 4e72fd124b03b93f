using Azure.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SchemaWorkflow.DependencyInjection;
using SchemaWorkflow.Storage;

namespace SchemaWorkflow.AzureBlob.Tests;

/// <summary>The examples of docs/azure-blob-store.md, compiled and checked without contacting Azure.</summary>
public sealed class DocsExampleTests
{
    [Fact]
    public async Task Managed_identity_example_registers_a_store_on_the_configured_account()
    {
        // appsettings.json of the docs example.
        IConfiguration configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["SchemaWorkflow:AzureBlob:ServiceUri"] = "https://contosoplant.blob.core.windows.net",
            ["SchemaWorkflow:AzureBlob:ContainerName"] = "schemaworkflow",
            ["SchemaWorkflow:AzureBlob:Prefix"] = "schemas",
            ["SchemaWorkflow:AzureBlob:LeaseDuration"] = "00:00:30",
        }).Build();
        var services = new ServiceCollection();
        services.AddSingleton(configuration);

        // --- docs example ---
        services.AddSchemaWorkflow(configuration)
            .UseAzureBlobStore(o => o.Credential = new DefaultAzureCredential());
        services.AddHealthChecks().AddAzureBlobSchemaStoreHealthCheck();
        // --- end ---

        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();
        var store = Assert.IsType<AzureBlobSchemaStore>(provider.GetRequiredService<ISchemaStore>());

        Assert.Equal(new Uri("https://contosoplant.blob.core.windows.net/schemaworkflow"), store.Container.Uri);
        Assert.Equal("schemas/pressure_gauge.json", store.GetBlobName(ProductTypeKey.Parse("pressure_gauge")));
        Assert.Equal(TimeSpan.FromSeconds(30), provider.GetRequiredService<IOptions<AzureBlobSchemaStoreOptions>>().Value.LeaseDuration);
    }

    [Fact]
    public async Task Connection_string_example_registers_a_store()
    {
        var services = new ServiceCollection();
        var connectionString = "DefaultEndpointsProtocol=https;AccountName=contosoplant;AccountKey=" + Convert.ToBase64String(new byte[64]) + ";EndpointSuffix=core.windows.net";

        // --- docs example ---
        services.AddSchemaWorkflow()
            .UseAzureBlobStore(o =>
            {
                o.ConnectionString = connectionString;
                o.ContainerName = "schemaworkflow";
            });
        // --- end ---

        await using var provider = services.BuildServiceProvider();
        provider.GetRequiredService<IStartupValidator>().Validate();

        Assert.Equal("contosoplant", provider.GetRequiredService<AzureBlobSchemaStore>().Container.AccountName);
    }
}
