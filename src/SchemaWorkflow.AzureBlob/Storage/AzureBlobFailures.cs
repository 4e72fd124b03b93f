using Azure;
using Azure.Storage.Blobs.Models;

namespace SchemaWorkflow.AzureBlob;

/// <summary>Turns storage failures into <see cref="SchemaStoreUnavailableException"/>s that say what to check.</summary>
internal static class AzureBlobFailures
{
    public static bool Is(RequestFailedException ex, BlobErrorCode code) =>
        string.Equals(ex.ErrorCode, code.ToString(), StringComparison.Ordinal);

    /// <summary>True for a failure the caller did not ask for (anything but its own cancellation).</summary>
    public static bool IsFailure(Exception ex, CancellationToken cancellationToken) =>
        ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested;

    public static SchemaStoreUnavailableException Unavailable(string operation, string blobName, string container, Uri endpoint, Exception ex) =>
        new($"The Azure Blob schema store could not {operation} '{blobName}' in container '{container}' at {endpoint.GetLeftPart(UriPartial.Authority)}: {Describe(ex)}. {Advice(ex)}", ex);

    public static string Describe(Exception ex) => ex switch
    {
        RequestFailedException { Status: 0 } rfe => FirstLine(rfe.InnerException?.Message ?? rfe.Message),
        RequestFailedException rfe => $"HTTP {rfe.Status} {rfe.ErrorCode} ({FirstLine(rfe.Message)})",
        AggregateException agg when agg.InnerExceptions.Count > 0 => $"{agg.InnerExceptions.Count} tries failed, the last with: {Describe(agg.InnerExceptions[^1])}",
        OperationCanceledException => "no answer within the network timeout",
        _ => FirstLine(ex.Message),
    };

    public static string Advice(Exception ex)
    {
        var root = ex is AggregateException { InnerExceptions.Count: > 0 } agg ? agg.InnerExceptions[^1] : ex;
        return root switch
        {
            RequestFailedException { Status: 401 or 403 } =>
                "Check the credential: the identity needs the 'Storage Blob Data Contributor' role on the account or container, or the connection string or SAS must be current and allow read, write, delete and list.",
            RequestFailedException { Status: 404 } rfe when Is(rfe, BlobErrorCode.ContainerNotFound) =>
                "Create the container, or set SchemaWorkflow:AzureBlob:CreateContainerIfNotExists to true.",
            RequestFailedException { Status: 408 or 429 or >= 500 } =>
                "The storage service is failing or throttling after the SDK's retries; check the account's health and request rate, or raise MaxRetries.",
            RequestFailedException { Status: 0 } or OperationCanceledException or HttpRequestException or IOException =>
                "Check that the Blob endpoint is reachable from this host (address, DNS, firewall, private endpoint) and that the service is running; for local development start Azurite (source .ci/azurite.sh && azurite_start).",
            _ when root.GetType().Name.Contains("Authentication", StringComparison.Ordinal) || root.GetType().Name.Contains("Credential", StringComparison.Ordinal) =>
                "Check the token credential: a managed identity must be assigned to this host, or a developer must be signed in (az login) for DefaultAzureCredential.",
            _ => "Check the storage account settings (SchemaWorkflow:AzureBlob) and the logs of the storage account.",
        };
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return (end < 0 ? message : message[..end]).TrimEnd('.', ' ');
    }
}
