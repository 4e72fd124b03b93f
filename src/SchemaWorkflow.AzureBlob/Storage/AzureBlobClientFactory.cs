using Azure.Core;
using Azure.Storage.Blobs;

namespace SchemaWorkflow.AzureBlob;

/// <summary>Builds the Blob service client from options, with the SDK retry policy as the single retry layer.</summary>
internal static class AzureBlobClientFactory
{
    /// <summary>Creates a client from <see cref="AzureBlobSchemaStoreOptions.ConnectionString"/> or <see cref="AzureBlobSchemaStoreOptions.ServiceUri"/>.</summary>
    /// <param name="options">Validated options.</param>
    /// <returns>The client, or null when neither is set.</returns>
    public static BlobServiceClient? TryCreate(AzureBlobSchemaStoreOptions options)
    {
        if (!string.IsNullOrWhiteSpace(options.ConnectionString))
        {
            return new BlobServiceClient(options.ConnectionString, CreateClientOptions(options));
        }

        if (options.ServiceUri is { } uri)
        {
            return options.Credential is { } credential
                ? new BlobServiceClient(uri, credential, CreateClientOptions(options))
                : new BlobServiceClient(uri, CreateClientOptions(options));
        }

        return null;
    }

    public static BlobClientOptions CreateClientOptions(AzureBlobSchemaStoreOptions options)
    {
        var clientOptions = options.ServiceVersion is { } version ? new BlobClientOptions(version) : new BlobClientOptions();
        clientOptions.Retry.Mode = RetryMode.Exponential;
        clientOptions.Retry.MaxRetries = options.MaxRetries;
        clientOptions.Retry.Delay = options.RetryDelay;
        clientOptions.Retry.MaxDelay = options.MaxRetryDelay;
        clientOptions.Retry.NetworkTimeout = options.NetworkTimeout;
        options.ConfigureClientOptions?.Invoke(clientOptions);
        return clientOptions;
    }
}
