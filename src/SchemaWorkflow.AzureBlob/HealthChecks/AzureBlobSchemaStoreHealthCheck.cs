using Azure;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SchemaWorkflow.AzureBlob;

/// <summary>
/// Reports whether the store's container can be reached: Healthy when it answers (or is missing but will be created
/// on the first write), the registration's failure status otherwise, with a description that says what to check.
/// </summary>
/// <param name="store">The store to check.</param>
public sealed class AzureBlobSchemaStoreHealthCheck(AzureBlobSchemaStore store) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(store);
        var failureStatus = context?.Registration?.FailureStatus ?? HealthStatus.Unhealthy;
        var container = store.Container;
        var data = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["container"] = container.Name,
            ["endpoint"] = container.Uri.GetLeftPart(UriPartial.Authority),
        };
        try
        {
            await container.GetPropertiesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
            return HealthCheckResult.Healthy($"Blob container '{container.Name}' is reachable.", data);
        }
        catch (RequestFailedException ex) when (ex.Status == 404)
        {
            return store.Options.CreateContainerIfNotExists
                ? HealthCheckResult.Healthy($"Blob container '{container.Name}' does not exist yet; it is created on the first write.", data)
                : new HealthCheckResult(failureStatus, $"Blob container '{container.Name}' does not exist. Create it, or set SchemaWorkflow:AzureBlob:CreateContainerIfNotExists to true.", ex, data);
        }
        catch (Exception ex) when (AzureBlobFailures.IsFailure(ex, cancellationToken))
        {
            return new HealthCheckResult(failureStatus, $"Blob container '{container.Name}' cannot be reached: {AzureBlobFailures.Describe(ex)}. {AzureBlobFailures.Advice(ex)}", ex, data);
        }
    }
}
