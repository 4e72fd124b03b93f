using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using SchemaWorkflow.AzureBlob;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>Chooses the Azure Blob schema store on the <c>AddSchemaWorkflow</c> builder.</summary>
public static class AzureBlobSchemaWorkflowBuilderExtensions
{
    /// <summary>
    /// Stores schemas in Azure Blob Storage and coordinates generation across instances with blob leases. Options
    /// bind from the <c>SchemaWorkflow:AzureBlob</c> section of the host's <see cref="IConfiguration"/> (when one is
    /// registered), then <paramref name="configure"/> applies; they are validated at start. With neither a
    /// connection string nor a service URI set, the <see cref="BlobServiceClient"/> registered in the container is used.
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configure">Sets options in code; applied after configuration binding.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseAzureBlobStore(this ISchemaWorkflowBuilder builder, Action<AzureBlobSchemaStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return Register(builder, null, configure);
    }

    /// <summary>
    /// Stores schemas in Azure Blob Storage with options bound from the <c>SchemaWorkflow:AzureBlob</c> section of
    /// <paramref name="configuration"/> (the root, or any section holding a <c>SchemaWorkflow</c> section).
    /// </summary>
    /// <param name="builder">The builder.</param>
    /// <param name="configuration">The configuration to bind from.</param>
    /// <param name="configure">Sets options in code; applied after binding.</param>
    /// <returns>The builder.</returns>
    public static ISchemaWorkflowBuilder UseAzureBlobStore(this ISchemaWorkflowBuilder builder, IConfiguration configuration, Action<AzureBlobSchemaStoreOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentNullException.ThrowIfNull(configuration);
        return Register(builder, configuration.GetSection(AzureBlobSchemaStoreOptions.SectionName), configure);
    }

    private static ISchemaWorkflowBuilder Register(ISchemaWorkflowBuilder builder, IConfiguration? section, Action<AzureBlobSchemaStoreOptions>? configure)
    {
        var services = builder.Services;
        services.RemoveAll<AzureBlobConfigurationSource>();
        services.AddSingleton(new AzureBlobConfigurationSource(section));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<AzureBlobSchemaStoreOptions>, AzureBlobSchemaStoreOptionsSetup>());
        var options = services.AddOptions<AzureBlobSchemaStoreOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        options.ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<AzureBlobSchemaStoreOptions>, AzureBlobSchemaStoreOptionsValidator>());
        services.TryAddSingleton(static sp =>
        {
            var o = sp.GetRequiredService<IOptions<AzureBlobSchemaStoreOptions>>().Value;
            var client = AzureBlobClientFactory.TryCreate(o)
                ?? sp.GetService<BlobServiceClient>()
                ?? throw new InvalidOperationException($"No Azure Blob client is configured: set {AzureBlobSchemaStoreOptions.SectionName}:ConnectionString, or ServiceUri with a Credential, or register a BlobServiceClient.");
            return new AzureBlobSchemaStore(client, o, sp.GetService<ILogger<AzureBlobSchemaStore>>(), sp.GetService<TimeProvider>());
        });
        return builder.UseStore(static sp => sp.GetRequiredService<AzureBlobSchemaStore>());
    }
}
