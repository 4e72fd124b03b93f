using SchemaWorkflow.AzureBlob.Tests.Infrastructure;
using SchemaWorkflow.Serialization;
using SchemaWorkflow.Storage;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.AzureBlob.Tests;

/// <summary>Several workflow instances (separate DI containers) sharing one container, as a scaled-out host would.</summary>
public sealed class AzureBlobWorkflowTests
{
    private const int JoinedFlightEvent = 1007;
    private const int WaitingForDistributedLockEvent = 1010;
    private const int LeaseAcquiredEvent = 5003;
    private const int LeaseBusyEvent = 5004;

    [Fact]
    public async Task Two_instances_with_fifty_concurrent_requests_each_generate_an_uncached_type_once()
    {
        await using var container = await TestContainer.CreateAsync("single-flight");
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var a = WorkflowHost.Create(container.Options(), new FakeSchemaGenerator("gen-a", "fake/1") { Gate = gate.Task });
        await using var b = WorkflowHost.Create(container.Options(), new FakeSchemaGenerator("gen-b", "fake/1") { Gate = gate.Task });

        var requests = Enumerable.Range(0, 50)
            .SelectMany(_ => new[] { a, b })
            .Select(host => Task.Run(() => host.Workflow.GetOrGenerateAsync("Pressure Transmitter").AsTask()))
            .ToArray();

        // Hold the one generation until the other instance is provably waiting on the blob lease.
        await Wait.UntilAsync(() => a.Generator.Calls + b.Generator.Calls >= 1, "one instance starts generating");
        var generating = a.Generator.Calls == 1 ? a : b;
        var waiting = generating == a ? b : a;
        await Wait.UntilAsync(() => waiting.Logs.Has(WaitingForDistributedLockEvent), "the other instance waits for the lease");
        await Wait.UntilAsync(() => a.Logs.Count(JoinedFlightEvent) == 49 && b.Logs.Count(JoinedFlightEvent) == 49, "every other request joins its instance's flight");
        gate.SetResult();
        var results = await Task.WhenAll(requests);

        Assert.Equal(1, a.Generator.Calls + b.Generator.Calls);
        Assert.Equal(0, waiting.Generator.Calls);
        Assert.All(results, r => Assert.True(r.Succeeded, r.Error?.Message));
        Assert.All(results, r => Assert.True(r.Persisted));
        var hashes = results.Select(r => SchemaEnvelopeSerializer.ComputeHash(r.Schema!)).Distinct().ToList();
        Assert.Single(hashes);
        Assert.All(results, r => Assert.Equal(generating.Generator.Name, r.Schema!.Provenance.Generator));
        Assert.Equal(50, results.Count(r => r.Source == SchemaSource.Store));
        Assert.Equal(50, results.Count(r => r.Source == SchemaSource.Generated));
        Assert.Equal(["schemas/.locks/pressure_transmitter.lock", "schemas/pressure_transmitter.json"], await container.BlobNamesAsync());
        Assert.Equal(StoreReadStatus.Found, (await a.Store.GetAsync(ProductTypeKey.Parse("pressure_transmitter"))).Status);
    }

    [Fact]
    public async Task Dead_lease_holder_is_replaced_after_expiry_and_its_late_write_cannot_overwrite()
    {
        await using var container = await TestContainer.CreateAsync("takeover");
        var deadGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var dead = WorkflowHost.Create(container.Options(), new FakeSchemaGenerator("gen-dead", "fake/1") { Gate = deadGate.Task });
        await using var survivor = WorkflowHost.Create(container.Options(), new FakeSchemaGenerator("gen-survivor", "fake/1"));
        var observer = container.CreateStore();
        var key = ProductTypeKey.Parse("flow_meter");

        // A live holder on another key, acquired first: it must still hold after its 15 s lease would have run out.
        var live = Assert.IsType<BlobLeaseHandle>(await container.CreateStore().TryAcquireAsync(ProductTypeKey.Parse("level_switch")));

        var deadRequest = dead.Workflow.GetOrGenerateAsync("flow meter").AsTask();
        await dead.Generator.WhenCalls(1);
        Assert.Equal(1, dead.Store.AbandonHeldLeases());
        Assert.Null(await observer.TryAcquireAsync(key));

        var result = await survivor.Workflow.GetOrGenerateAsync("flow meter");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(SchemaSource.Generated, result.Source);
        Assert.True(result.Persisted);
        Assert.Equal(1, survivor.Generator.Calls);
        Assert.True(survivor.Logs.Has(WaitingForDistributedLockEvent));

        // The survivor was refused the abandoned lease, kept waiting, and then took it over - once, and not by giving up
        // its wait (which would generate without the lease). The service grants an abandoned lease only once it has
        // expired, 15 s after the dead instance took it, so the live lease (taken before it) is past its own 15 s now.
        var lockBlob = survivor.Store.GetLockBlobName(key);
        var leaseEvents = survivor.Logs.Entries
            .Where(e => (e.Id.Id is LeaseBusyEvent or LeaseAcquiredEvent) && e.Message.Contains(lockBlob, StringComparison.Ordinal))
            .Select(e => e.Id.Id)
            .ToList();
        Assert.Equal(LeaseAcquiredEvent, leaseEvents[^1]);
        Assert.Single(leaseEvents, LeaseAcquiredEvent);
        Assert.Contains(LeaseBusyEvent, leaseEvents);
        Assert.DoesNotContain(result.Warnings, w => w.Contains("generated here instead", StringComparison.Ordinal));

        // The renewed lease outlived its duration; the abandoned one did not. (Its renewal schedule is tested on a fake
        // clock in AzureBlobLeaseTests.)
        Assert.True(live.Renewals >= 1, $"renewals: {live.Renewals}");
        Assert.Null(await observer.TryAcquireAsync(ProductTypeKey.Parse("level_switch")));
        await live.DisposeAsync();

        // The "dead" instance wakes up late: its create-only write conflicts, so it serves the survivor's schema.
        deadGate.SetResult();
        var late = await deadRequest;
        Assert.True(late.Succeeded, late.Error?.Message);
        Assert.Equal(SchemaSource.Store, late.Source);
        Assert.Equal("gen-survivor", late.Schema!.Provenance.Generator);

        var stored = await observer.GetAsync(key);
        Assert.Equal(StoreReadStatus.Found, stored.Status);
        Assert.Equal("gen-survivor", stored.Envelope!.Schema.Provenance.Generator);
        var entries = new List<StoredSchemaInfo>();
        await foreach (var entry in observer.ListAsync())
        {
            entries.Add(entry);
        }

        Assert.Equal(key, Assert.Single(entries).Key);
        Assert.Equal(stored.ETag, entries[0].ETag);
        Assert.Equal(1, dead.Generator.Calls);
    }

    [Fact]
    public async Task Workflow_replaces_a_corrupt_blob_by_a_conditional_write()
    {
        await using var container = await TestContainer.CreateAsync("wf-corrupt");
        await using var host = WorkflowHost.Create(container.Options(), new FakeSchemaGenerator("gen", "fake/1"));
        var blob = container.Client.GetBlobClient(host.Store.GetBlobName(ProductTypeKey.Parse("level_switch")));
        await blob.UploadAsync(BinaryData.FromString("{ truncated"));

        var result = await host.Workflow.GetOrGenerateAsync("level switch");

        Assert.True(result.Succeeded, result.Error?.Message);
        Assert.Equal(SchemaSource.Generated, result.Source);
        Assert.True(result.Persisted);
        Assert.Contains(result.Warnings, w => w.Contains("could not be used", StringComparison.Ordinal));
        Assert.True(host.Logs.Has(5001));
        var stored = await host.Store.GetAsync(ProductTypeKey.Parse("level_switch"));
        Assert.Equal(StoreReadStatus.Found, stored.Status);
        Assert.Equal("gen", stored.Envelope!.Schema.Provenance.Generator);
    }

    [Fact]
    public async Task Workflow_serves_a_stored_schema_without_generating()
    {
        await using var container = await TestContainer.CreateAsync("wf-hit");
        await using var first = WorkflowHost.Create(container.Options(), new FakeSchemaGenerator("gen", "fake/1"));
        await using var second = WorkflowHost.Create(container.Options(), new FakeSchemaGenerator("gen", "fake/1"));

        var generated = await first.Workflow.GetOrGenerateAsync("temperature transmitter");
        var loaded = await second.Workflow.GetOrGenerateAsync("temperature transmitter");

        Assert.Equal(SchemaSource.Generated, generated.Source);
        Assert.Equal(SchemaSource.Store, loaded.Source);
        Assert.Equal(0, second.Generator.Calls);
        Assert.Equal(SchemaEnvelopeSerializer.ComputeHash(generated.Schema!), SchemaEnvelopeSerializer.ComputeHash(loaded.Schema!));
    }

    [Fact]
    public async Task Invalidate_deletes_the_blob_so_the_next_request_generates_again()
    {
        await using var container = await TestContainer.CreateAsync("wf-invalidate");
        await using var host = WorkflowHost.Create(container.Options(), new FakeSchemaGenerator("gen", "fake/1"));
        await host.Workflow.GetOrGenerateAsync("pressure gauge");

        Assert.True(await host.Workflow.InvalidateAsync("pressure gauge"));
        var again = await host.Workflow.GetOrGenerateAsync("pressure gauge");

        Assert.Equal(SchemaSource.Generated, again.Source);
        Assert.Equal(2, host.Generator.Calls);
    }
}
