using Microsoft.Extensions.Logging;

namespace SchemaWorkflow.AzureBlob.Diagnostics;

/// <summary>Source-generated log events of the Azure Blob store, ids 5xxx (the core uses 1xxx to 4xxx).</summary>
internal static partial class AzureBlobLog
{
    [LoggerMessage(5001, LogLevel.Warning, "Blob {BlobName} for {ProductType} cannot be used ({Problem}); reported as {Status} with its ETag so the workflow replaces it by a conditional write")]
    public static partial void BlobUnreadable(ILogger logger, string blobName, string productType, string problem, string status);

    [LoggerMessage(5002, LogLevel.Information, "Created blob container {Container}")]
    public static partial void ContainerCreated(ILogger logger, string container);

    [LoggerMessage(5003, LogLevel.Debug, "Acquired the generation lease on {BlobName}")]
    public static partial void LeaseAcquired(ILogger logger, string blobName);

    [LoggerMessage(5004, LogLevel.Debug, "The generation lease on {BlobName} is held by another instance")]
    public static partial void LeaseBusy(ILogger logger, string blobName);

    [LoggerMessage(5005, LogLevel.Warning, "Renewing the generation lease on {BlobName} failed; trying again at the next interval")]
    public static partial void LeaseRenewalFailed(ILogger logger, Exception exception, string blobName);

    [LoggerMessage(5006, LogLevel.Warning, "Lost the generation lease on {BlobName} ({Reason}); another instance may generate the same product type")]
    public static partial void LeaseLost(ILogger logger, string blobName, string reason);

    [LoggerMessage(5007, LogLevel.Debug, "Released the generation lease on {BlobName}")]
    public static partial void LeaseReleased(ILogger logger, string blobName);

    [LoggerMessage(5008, LogLevel.Debug, "Abandoned the generation lease on {BlobName} without releasing it")]
    public static partial void LeaseAbandoned(ILogger logger, string blobName);
}
