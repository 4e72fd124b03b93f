using Azure.Storage.Blobs;

namespace SchemaWorkflow.AzureBlob.Tests.Infrastructure;

/// <summary>A blob container of its own for one test, deleted afterwards.</summary>
internal sealed class TestContainer : IAsyncDisposable
{
    private TestContainer(string name, BlobContainerClient client)
    {
        Name = name;
        Client = client;
    }

    public string Name { get; }

    public BlobContainerClient Client { get; }

    /// <summary>Names a container; <paramref name="create"/> false leaves it for the code under test to create.</summary>
    public static async Task<TestContainer> CreateAsync(string purpose, bool create = true)
    {
        var name = Azurite.NewContainerName(purpose);
        var client = Azurite.CreateServiceClient().GetBlobContainerClient(name);
        if (create)
        {
            await client.CreateAsync();
        }

        return new TestContainer(name, client);
    }

    public AzureBlobSchemaStoreOptions Options(Action<AzureBlobSchemaStoreOptions>? configure = null)
    {
        var options = Azurite.Options(Name);
        configure?.Invoke(options);
        return options;
    }

    public AzureBlobSchemaStore CreateStore(Action<AzureBlobSchemaStoreOptions>? configure = null, TimeProvider? timeProvider = null) =>
        new(Options(configure), timeProvider: timeProvider);

    /// <summary>Every blob name in the container, sorted.</summary>
    public async Task<List<string>> BlobNamesAsync()
    {
        var names = new List<string>();
        await foreach (var item in Client.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions()))
        {
            names.Add(item.Name);
        }

        names.Sort(StringComparer.Ordinal);
        return names;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await Client.DeleteIfExistsAsync();
        }
        catch (Azure.RequestFailedException)
        {
            // Best effort: Azurite is in memory and thrown away after the run.
        }
    }
}
