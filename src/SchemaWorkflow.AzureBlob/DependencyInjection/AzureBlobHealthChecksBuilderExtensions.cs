using Microsoft.Extensions.Diagnostics.HealthChecks;
using SchemaWorkflow.AzureBlob;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the Azure Blob schema store health check.</summary>
public static class AzureBlobHealthChecksBuilderExtensions
{
    /// <summary>The default registration name.</summary>
    public const string DefaultName = "schemaworkflow-azureblob";

    /// <summary>
    /// Adds a check that the schema store's blob container can be reached. Needs <c>UseAzureBlobStore</c> on the
    /// <c>AddSchemaWorkflow</c> builder.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The registration name.</param>
    /// <param name="failureStatus">The status reported on failure; Unhealthy when null.</param>
    /// <param name="tags">Tags to filter checks by.</param>
    /// <param name="timeout">How long the check may take; the host's default when null.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddAzureBlobSchemaStoreHealthCheck(this IHealthChecksBuilder builder, string name = DefaultName, HealthStatus? failureStatus = null, IEnumerable<string>? tags = null, TimeSpan? timeout = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return builder.Add(new HealthCheckRegistration(
            name,
            static sp => new AzureBlobSchemaStoreHealthCheck(sp.GetRequiredService<AzureBlobSchemaStore>()),
            failureStatus,
            tags,
            timeout));
    }
}
