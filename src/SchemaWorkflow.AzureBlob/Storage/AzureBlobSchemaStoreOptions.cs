using Azure.Core;
using Azure.Storage.Blobs;

namespace SchemaWorkflow.AzureBlob;

/// <summary>
/// Options of <see cref="AzureBlobSchemaStore"/>, bound from the <c>SchemaWorkflow:AzureBlob</c> configuration section
/// and validated at start. Choose one client source: <see cref="ConnectionString"/>; <see cref="ServiceUri"/> with a
/// <see cref="Credential"/> (managed identity, workload identity, …) or a SAS in the URI; or neither, to use the
/// <see cref="BlobServiceClient"/> registered in the service container.
/// </summary>
public sealed class AzureBlobSchemaStoreOptions
{
    /// <summary>The configuration section these options bind from.</summary>
    public const string SectionName = "SchemaWorkflow:AzureBlob";

    /// <summary>The smallest lease the Blob service grants.</summary>
    public static readonly TimeSpan MinLeaseDuration = TimeSpan.FromSeconds(15);

    /// <summary>The longest finite lease the Blob service grants.</summary>
    public static readonly TimeSpan MaxLeaseDuration = TimeSpan.FromSeconds(60);

    /// <summary>An Azure Storage connection string (a secret: keep it in a secret store, not in appsettings.json).</summary>
    public string? ConnectionString { get; set; }

    /// <summary>
    /// The Blob service endpoint, such as <c>https://myaccount.blob.core.windows.net</c>. Used with
    /// <see cref="Credential"/>, or alone when it carries a SAS token.
    /// </summary>
    public Uri? ServiceUri { get; set; }

    /// <summary>
    /// The credential used with <see cref="ServiceUri"/>, for example <c>new DefaultAzureCredential()</c> from
    /// Azure.Identity. Set in code; it is not read from configuration.
    /// </summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>The container that holds the schemas. Default <c>schemaworkflow</c>.</summary>
    public string ContainerName { get; set; } = "schemaworkflow";

    /// <summary>
    /// The virtual folder inside the container, without leading or trailing slash; empty puts the blobs at the
    /// container root. Default <c>schemas</c>. Schemas are <c>{Prefix}/{key}.json</c>, lock blobs
    /// <c>{Prefix}/.locks/{key}.lock</c>.
    /// </summary>
    public string Prefix { get; set; } = "schemas";

    /// <summary>When true (default) the container is created on the first write if it does not exist.</summary>
    public bool CreateContainerIfNotExists { get; set; } = true;

    /// <summary>
    /// Blobs larger than this are not downloaded: a read reports them corrupt (with their ETag, so the workflow
    /// replaces them). Default 4 MiB.
    /// </summary>
    public long MaxBlobBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>
    /// How long a generation lease lasts without renewal: 15 to 60 seconds. The holder renews it every third of this
    /// while it generates; a holder that dies blocks the key for at most this long. Default 30 seconds.
    /// </summary>
    public TimeSpan LeaseDuration { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries of one storage request by the SDK's exponential retry policy (the only retry layer). Default 3;
    /// 0 to 10.
    /// </summary>
    public int MaxRetries { get; set; } = 3;

    /// <summary>The first retry delay; later ones double, with jitter. Default 0.5 seconds.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(0.5);

    /// <summary>The longest retry delay. Default 5 seconds.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long one try of one request may take before it is abandoned (and retried). Default 10 seconds.</summary>
    public TimeSpan NetworkTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Pins the Blob service API version; null (default) uses the SDK's newest. An emulator that lags the SDK can be
    /// served by pinning an older version (or by starting Azurite with <c>--skipApiVersionCheck</c>).
    /// </summary>
    public BlobClientOptions.ServiceVersion? ServiceVersion { get; set; }

    /// <summary>
    /// Adjusts the client options after the settings above are applied (diagnostics, transport, …). Set in code.
    /// Not used when the <see cref="BlobServiceClient"/> comes from the service container, which is already built.
    /// </summary>
    public Action<BlobClientOptions>? ConfigureClientOptions { get; set; }
}
