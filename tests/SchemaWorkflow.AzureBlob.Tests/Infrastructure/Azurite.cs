using Azure.Storage.Blobs;

namespace SchemaWorkflow.AzureBlob.Tests.Infrastructure;

/// <summary>The shared Azurite that <c>.ci/azurite.sh</c> starts; tests fail (never skip) when it is not there.</summary>
internal static class Azurite
{
    public const string ConnectionStringVariable = "AZURITE_BLOB_CONNECTION_STRING";

    /// <summary>The well-known, public Azurite development account key (not a secret).</summary>
    public const string DevelopmentAccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    /// <summary>The API version Azurite 3.37.0 knows, so the tests also pass against an Azurite started without --skipApiVersionCheck.</summary>
    public const BlobClientOptions.ServiceVersion ServiceVersion = BlobClientOptions.ServiceVersion.V2026_06_06;

    public static string ConnectionString
    {
        get
        {
            var value = Environment.GetEnvironmentVariable(ConnectionStringVariable);
            if (string.IsNullOrWhiteSpace(value))
            {
                throw new InvalidOperationException(
                    $"{ConnectionStringVariable} is not set, so the Azure Blob tests have no Azurite to run against. " +
                    "Run the whole suite with 'bash .ci/run', or start the emulator in the same shell first: " +
                    "'source .ci/azurite.sh && azurite_start && dotnet test tests/SchemaWorkflow.AzureBlob.Tests'.");
            }

            return value;
        }
    }

    public static string ConnectionStringFor(int port) =>
        $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={DevelopmentAccountKey};BlobEndpoint=http://127.0.0.1:{port}/devstoreaccount1;";

    /// <summary>A client that fails fast: the tests want errors, not the SDK's patience.</summary>
    public static BlobServiceClient CreateServiceClient(string? connectionString = null)
    {
        var options = new BlobClientOptions(ServiceVersion);
        options.Retry.MaxRetries = 0;
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(5);
        return new BlobServiceClient(connectionString ?? ConnectionString, options);
    }

    /// <summary>Store options for tests: one container per test, few quick retries.</summary>
    public static AzureBlobSchemaStoreOptions Options(string containerName, string? connectionString = null) => new()
    {
        ConnectionString = connectionString ?? ConnectionString,
        ContainerName = containerName,
        ServiceVersion = ServiceVersion,
        MaxRetries = 1,
        RetryDelay = TimeSpan.FromMilliseconds(20),
        MaxRetryDelay = TimeSpan.FromMilliseconds(100),
        NetworkTimeout = TimeSpan.FromSeconds(5),
        LeaseDuration = TimeSpan.FromSeconds(15),
    };

    /// <summary>A container name unique to one test, readable in Azurite's listing.</summary>
    public static string NewContainerName(string purpose) =>
        $"t-{purpose}-{Guid.NewGuid():N}" is var name && name.Length > 63 ? name[..63] : name;

    /// <summary>A loopback port nothing listens on.</summary>
    public static int ClosedPort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
