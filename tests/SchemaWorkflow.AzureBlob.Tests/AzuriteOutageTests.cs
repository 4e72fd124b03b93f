using SchemaWorkflow.AzureBlob.Tests.Infrastructure;
using SchemaWorkflow.Storage;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.AzureBlob.Tests;

/// <summary>The store's service goes away in the middle of a batch and comes back (a private Azurite, stopped and restarted).</summary>
public sealed class AzuriteOutageTests
{
    private static readonly string[] Types =
        ["pressure gauge", "flow meter", "level switch", "temperature transmitter", "control valve", "ph analyzer"];

    [Fact]
    public async Task Outage_mid_batch_returns_schemas_flagged_not_persisted_and_later_requests_persist_after_restart()
    {
        await using var azurite = await PrivateAzurite.StartAsync();
        var options = Azurite.Options("outage", azurite.ConnectionString);
        var generator = new FakeSchemaGenerator("gen", "fake/1");
        var third = ProductTypeText.ToKey(Types[2]);
        var outages = 0;
        generator.Produce = request =>
        {
            // The storage service goes down while the third type is being generated (its lease is already held).
            if (request.Key == third && Interlocked.Increment(ref outages) == 1)
            {
                azurite.Stop();
            }

            return TestSchemas.Create(request.Key, generator.Name, generator.Fingerprint);
        };
        await using var host = WorkflowHost.Create(options, generator);

        var during = await host.Workflow.GetOrGenerateManyAsync(Types, new SchemaRequestOptions { Strategy = ExecutionStrategyKind.Sequential });

        Assert.All(during, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.Equal([true, true, false, false, false, false], during.Select(r => r.Persisted));
        Assert.All(during.Skip(2), r => Assert.Contains(r.Warnings, w => w.Contains("not persisted", StringComparison.Ordinal)));
        Assert.Contains(during[2].Warnings, w => w.Contains("reachable", StringComparison.Ordinal));
        Assert.Equal(6, generator.Calls);

        await azurite.RestartAsync();

        // What was stored before the outage survived it.
        Assert.Equal(StoreReadStatus.Found, (await host.Store.GetAsync(ProductTypeText.ToKey(Types[0]))).Status);
        Assert.Equal(StoreReadStatus.Found, (await host.Store.GetAsync(ProductTypeText.ToKey(Types[1]))).Status);

        string[] later = [.. Types, "conductivity sensor", "radar level transmitter"];
        var after = await host.Workflow.GetOrGenerateManyAsync(later, new SchemaRequestOptions { Strategy = ExecutionStrategyKind.Parallel });

        Assert.All(after, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.All(after, r => Assert.True(r.Persisted, string.Join(" ", r.Warnings)));
        Assert.Equal([SchemaSource.Store, SchemaSource.Store], after.Take(2).Select(r => r.Source));
        Assert.All(after.Skip(2), r => Assert.Equal(SchemaSource.Generated, r.Source));
        Assert.Equal(12, generator.Calls);

        // Nothing corrupt left behind: each blob is a readable schema of its key, or a lock blob.
        var names = new List<string>();
        await foreach (var item in host.Store.Container.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions()))
        {
            names.Add(item.Name);
        }

        var schemaBlobs = names.Where(n => !n.StartsWith("schemas/.locks/", StringComparison.Ordinal)).ToList();
        Assert.Equal(later.Select(t => $"schemas/{ProductTypeText.ToKey(t)}.json").Order(StringComparer.Ordinal), schemaBlobs.Order(StringComparer.Ordinal));
        Assert.All(names.Except(schemaBlobs), n => Assert.EndsWith(".lock", n, StringComparison.Ordinal));
        foreach (var type in later)
        {
            var read = await host.Store.GetAsync(ProductTypeText.ToKey(type));
            Assert.Equal(StoreReadStatus.Found, read.Status);
        }
    }
}
