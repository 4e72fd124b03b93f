using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Time.Testing;
using SchemaWorkflow.AzureBlob.Tests.Infrastructure;

namespace SchemaWorkflow.AzureBlob.Tests;

public sealed class AzureBlobLeaseTests
{
    private static readonly ProductTypeKey Meter = ProductTypeKey.Parse("flow_meter");

    [Fact]
    public async Task Lease_is_exclusive_across_store_instances_until_released()
    {
        await using var container = await TestContainer.CreateAsync("lease");
        var first = container.CreateStore();
        var second = container.CreateStore();

        var held = await first.TryAcquireAsync(Meter);
        var refused = await second.TryAcquireAsync(Meter);

        Assert.NotNull(held);
        Assert.Null(refused);
        Assert.Contains("schemas/.locks/flow_meter.lock", await container.BlobNamesAsync());
        Assert.Equal(1, first.HeldLeaseCount);

        await held.DisposeAsync();
        var next = await second.TryAcquireAsync(Meter);

        Assert.NotNull(next);
        Assert.Equal(0, first.HeldLeaseCount);
        await next.DisposeAsync();
    }

    [Fact]
    public async Task Leases_of_different_keys_do_not_block_each_other()
    {
        await using var container = await TestContainer.CreateAsync("lease-keys");
        var store = container.CreateStore();

        await using var a = await store.TryAcquireAsync(Meter);
        await using var b = await container.CreateStore().TryAcquireAsync(ProductTypeKey.Parse("level_switch"));

        Assert.NotNull(a);
        Assert.NotNull(b);
    }

    [Fact]
    public async Task First_lease_creates_the_container_and_the_lock_blob()
    {
        await using var container = await TestContainer.CreateAsync("lease-create", create: false);
        var store = container.CreateStore();

        await using var held = await store.TryAcquireAsync(Meter);

        Assert.NotNull(held);
        Assert.Equal(["schemas/.locks/flow_meter.lock"], await container.BlobNamesAsync());
    }

    [Fact]
    public async Task Concurrent_acquires_from_many_stores_grant_exactly_one_lease()
    {
        await using var container = await TestContainer.CreateAsync("lease-race", create: false);
        var stores = Enumerable.Range(0, 8).Select(_ => container.CreateStore()).ToArray();

        var handles = await Task.WhenAll(stores.Select(s => s.TryAcquireAsync(Meter).AsTask()));

        Assert.Single(handles, h => h is not null);
        foreach (var h in handles)
        {
            if (h is not null)
            {
                await h.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task Held_lease_renews_on_the_time_provider_timer()
    {
        await using var container = await TestContainer.CreateAsync("lease-renew");
        var time = new FakeTimeProvider();
        var store = container.CreateStore(timeProvider: time);
        await using var held = await store.TryAcquireAsync(Meter);
        var handle = Assert.IsType<BlobLeaseHandle>(held);

        time.Advance(TimeSpan.FromSeconds(4));
        Assert.Equal(0, handle.Renewals);
        time.Advance(TimeSpan.FromSeconds(1));
        await Wait.UntilAsync(() => handle.Renewals == 1, "the first renewal at a third of the lease");
        time.Advance(TimeSpan.FromSeconds(5));
        await Wait.UntilAsync(() => handle.Renewals == 2, "the second renewal");

        Assert.False(handle.IsLost);
        Assert.Null(await container.CreateStore().TryAcquireAsync(Meter));
    }

    [Fact]
    public async Task Lease_taken_over_by_another_instance_is_detected_as_lost_and_not_released_on_dispose()
    {
        await using var container = await TestContainer.CreateAsync("lease-lost");
        var time = new FakeTimeProvider();
        var store = container.CreateStore(timeProvider: time);
        var held = await store.TryAcquireAsync(Meter);
        var handle = Assert.IsType<BlobLeaseHandle>(held);

        // Break the lease (as an expiry would), and let another instance take it.
        var blob = container.Client.GetBlobClient(store.GetLockBlobName(Meter));
        await blob.GetBlobLeaseClient().BreakAsync(TimeSpan.Zero);
        var other = container.CreateStore();
        await using var taken = await other.TryAcquireAsync(Meter);
        Assert.NotNull(taken);

        time.Advance(TimeSpan.FromSeconds(5));
        await Wait.UntilAsync(() => handle.IsLost, "the renewal finds the lease gone");
        await handle.DisposeAsync();

        Assert.Null(await container.CreateStore().TryAcquireAsync(Meter));
        Assert.Equal(0, store.HeldLeaseCount);
    }

    [Fact]
    public async Task Abandoned_lease_is_neither_renewed_nor_released()
    {
        await using var container = await TestContainer.CreateAsync("lease-abandon");
        var time = new FakeTimeProvider();
        var store = container.CreateStore(timeProvider: time);
        var held = await store.TryAcquireAsync(Meter);
        var handle = Assert.IsType<BlobLeaseHandle>(held);

        Assert.Equal(1, store.AbandonHeldLeases());
        time.Advance(TimeSpan.FromSeconds(20));
        await handle.DisposeAsync();

        Assert.Equal(0, handle.Renewals);
        Assert.Null(await container.CreateStore().TryAcquireAsync(Meter));
    }

    [Fact]
    public async Task Dispose_twice_releases_once()
    {
        await using var container = await TestContainer.CreateAsync("lease-dispose");
        var store = container.CreateStore();
        var held = await store.TryAcquireAsync(Meter);

        await held!.DisposeAsync();
        await using var next = await container.CreateStore().TryAcquireAsync(Meter);
        await held.DisposeAsync();

        Assert.NotNull(next);
        Assert.Null(await container.CreateStore().TryAcquireAsync(Meter));
    }
}
