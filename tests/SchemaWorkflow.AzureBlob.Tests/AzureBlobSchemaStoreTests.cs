using System.Text;
using Azure;
using Azure.Storage.Blobs.Models;
using SchemaWorkflow.AzureBlob.Tests.Infrastructure;
using SchemaWorkflow.Serialization;
using SchemaWorkflow.Storage;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.AzureBlob.Tests;

public sealed class AzureBlobSchemaStoreTests
{
    private static readonly ProductTypeKey Gauge = ProductTypeKey.Parse("pressure_gauge");

    private static SchemaEnvelope Envelope(ProductTypeKey key, string generator = "fake") =>
        SchemaEnvelopeSerializer.CreateEnvelope(TestSchemas.Create(key, generator), "fake/1", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero));

    [Fact]
    public async Task Written_envelope_reads_back_with_its_etag_metadata_and_content_type()
    {
        await using var container = await TestContainer.CreateAsync("roundtrip");
        var store = container.CreateStore(o => o.Prefix = "tenant-a/schemas");
        var envelope = Envelope(Gauge);

        var write = await store.WriteAsync(envelope, WriteCondition.IfNotExists);
        var read = await store.GetAsync(Gauge);

        Assert.Equal(StoreWriteStatus.Written, write.Status);
        Assert.Equal(StoreReadStatus.Found, read.Status);
        Assert.Equal(write.ETag, read.ETag);
        Assert.Null(envelope.ContentHash);
        Assert.Equal(SchemaEnvelopeSerializer.ComputeHash(envelope.Schema), read.Envelope!.ContentHash);
        Assert.Equal(envelope.CreatedAt, read.Envelope.CreatedAt);
        Assert.Equal(SchemaEnvelopeSerializer.ComputeHash(envelope.Schema), SchemaEnvelopeSerializer.ComputeHash(read.Envelope.Schema));

        Assert.Equal(["tenant-a/schemas/pressure_gauge.json"], await container.BlobNamesAsync());
        var properties = (await container.Client.GetBlobClient("tenant-a/schemas/pressure_gauge.json").GetPropertiesAsync()).Value;
        Assert.Equal("application/json", properties.ContentType);
        Assert.Equal("pressure_gauge", properties.Metadata["producttype"]);
        Assert.Equal("1", properties.Metadata["formatversion"]);
        Assert.Equal("fake/1", properties.Metadata["generatorfingerprint"]);
        Assert.Equal(read.Envelope.ContentHash, properties.Metadata["contenthash"]);
        Assert.Equal(properties.ETag.ToString("H"), read.ETag);
    }

    [Fact]
    public async Task Reading_a_missing_blob_or_container_is_not_found()
    {
        await using var container = await TestContainer.CreateAsync("missing", create: false);
        var store = container.CreateStore();

        Assert.Equal(StoreReadStatus.NotFound, (await store.GetAsync(Gauge)).Status);
        await container.Client.CreateAsync();
        Assert.Equal(StoreReadStatus.NotFound, (await store.GetAsync(Gauge)).Status);
    }

    [Fact]
    public async Task Create_when_the_blob_exists_is_a_conflict_and_keeps_the_first_schema()
    {
        await using var container = await TestContainer.CreateAsync("create-conflict");
        var first = container.CreateStore();
        var second = container.CreateStore();

        var won = await first.WriteAsync(Envelope(Gauge, "first"), WriteCondition.IfNotExists);
        var lost = await second.WriteAsync(Envelope(Gauge, "second"), WriteCondition.IfNotExists);

        Assert.Equal(StoreWriteStatus.Written, won.Status);
        Assert.Equal(new StoreWriteResult(StoreWriteStatus.Conflict, null), lost);
        var stored = await second.GetAsync(Gauge);
        Assert.Equal("first", stored.Envelope!.Schema.Provenance.Generator);
        Assert.Equal(won.ETag, stored.ETag);
    }

    [Fact]
    public async Task Concurrent_creates_of_one_key_let_exactly_one_writer_win()
    {
        await using var container = await TestContainer.CreateAsync("create-race");
        var stores = Enumerable.Range(0, 8).Select(_ => container.CreateStore()).ToArray();

        var results = await Task.WhenAll(stores.Select((s, i) => s.WriteAsync(Envelope(Gauge, $"writer{i}"), WriteCondition.IfNotExists).AsTask()));

        var winner = Assert.Single(results, r => r.Status == StoreWriteStatus.Written);
        Assert.Equal(7, results.Count(r => r.Status == StoreWriteStatus.Conflict));
        Assert.Equal(winner.ETag, (await stores[0].GetAsync(Gauge)).ETag);
    }

    [Fact]
    public async Task Replace_succeeds_with_the_current_etag_and_conflicts_with_a_stale_one()
    {
        await using var container = await TestContainer.CreateAsync("replace");
        var store = container.CreateStore();
        var created = await store.WriteAsync(Envelope(Gauge, "v1"), WriteCondition.IfNotExists);

        var replaced = await store.WriteAsync(Envelope(Gauge, "v2"), WriteCondition.IfMatch(created.ETag!));
        var stale = await store.WriteAsync(Envelope(Gauge, "v3"), WriteCondition.IfMatch(created.ETag!));

        Assert.Equal(StoreWriteStatus.Written, replaced.Status);
        Assert.NotEqual(created.ETag, replaced.ETag);
        Assert.Equal(StoreWriteStatus.Conflict, stale.Status);
        var stored = await store.GetAsync(Gauge);
        Assert.Equal("v2", stored.Envelope!.Schema.Provenance.Generator);
        Assert.Equal(replaced.ETag, stored.ETag);
    }

    [Fact]
    public async Task Replace_of_a_deleted_blob_is_a_conflict_and_does_not_recreate_it()
    {
        await using var container = await TestContainer.CreateAsync("replace-deleted");
        var store = container.CreateStore();
        var created = await store.WriteAsync(Envelope(Gauge), WriteCondition.IfNotExists);
        Assert.True(await store.DeleteAsync(Gauge));

        var result = await store.WriteAsync(Envelope(Gauge), WriteCondition.IfMatch(created.ETag!));

        Assert.Equal(StoreWriteStatus.Conflict, result.Status);
        Assert.Equal(StoreReadStatus.NotFound, (await store.GetAsync(Gauge)).Status);
    }

    [Fact]
    public async Task First_write_creates_a_missing_container()
    {
        await using var container = await TestContainer.CreateAsync("autocreate", create: false);
        var store = container.CreateStore();

        var result = await store.WriteAsync(Envelope(Gauge), WriteCondition.IfNotExists);

        Assert.Equal(StoreWriteStatus.Written, result.Status);
        Assert.True((await container.Client.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Write_to_a_missing_container_fails_clearly_when_creation_is_off()
    {
        await using var container = await TestContainer.CreateAsync("nocreate", create: false);
        var store = container.CreateStore(o => o.CreateContainerIfNotExists = false);

        var ex = await Assert.ThrowsAsync<SchemaStoreUnavailableException>(() => store.WriteAsync(Envelope(Gauge), WriteCondition.IfNotExists).AsTask());

        Assert.Contains(container.Name, ex.Message, StringComparison.Ordinal);
        Assert.Contains("ContainerNotFound", ex.Message, StringComparison.Ordinal);
        Assert.Contains("CreateContainerIfNotExists", ex.Message, StringComparison.Ordinal);
        Assert.False((await container.Client.ExistsAsync()).Value);
    }

    [Fact]
    public async Task List_returns_only_schema_blobs_of_the_prefix_in_key_order()
    {
        await using var container = await TestContainer.CreateAsync("list");
        var store = container.CreateStore();
        var keys = new[] { "temperature_transmitter", "flow_meter", "level_switch" }.Select(ProductTypeKey.Parse).ToArray();
        var etags = new Dictionary<ProductTypeKey, string>();
        foreach (var key in keys)
        {
            etags[key] = (await store.WriteAsync(Envelope(key), WriteCondition.IfNotExists)).ETag!;
        }

        await using (await store.TryAcquireAsync(keys[0]))
        {
            // A lock blob, a non-key name, a nested blob and another prefix must not be listed.
            await container.Client.UploadBlobAsync("schemas/Not A Key.json", BinaryData.FromString("{}"));
            await container.Client.UploadBlobAsync("schemas/notes.txt", BinaryData.FromString("x"));
            await container.Client.UploadBlobAsync("schemas/archive/flow_meter.json", BinaryData.FromString("{}"));
            await container.Client.UploadBlobAsync("other/pressure_gauge.json", BinaryData.FromString("{}"));

            var listed = new List<StoredSchemaInfo>();
            await foreach (var info in store.ListAsync())
            {
                listed.Add(info);
            }

            Assert.Equal(["flow_meter", "level_switch", "temperature_transmitter"], listed.Select(i => i.Key.Value));
            Assert.All(listed, i => Assert.Equal(etags[i.Key], i.ETag));
            Assert.All(listed, i => Assert.True(i.Size > 100));
            Assert.All(listed, i => Assert.True(i.LastModified > DateTimeOffset.UtcNow.AddMinutes(-10)));
        }
    }

    [Fact]
    public async Task List_of_a_missing_container_is_empty()
    {
        await using var container = await TestContainer.CreateAsync("list-missing", create: false);
        var store = container.CreateStore();

        var count = 0;
        await foreach (var unused in store.ListAsync())
        {
            count++;
        }

        Assert.Equal(0, count);
    }

    [Fact]
    public async Task Delete_removes_the_entry_once()
    {
        await using var container = await TestContainer.CreateAsync("delete");
        var store = container.CreateStore();
        await store.WriteAsync(Envelope(Gauge), WriteCondition.IfNotExists);

        Assert.True(await store.DeleteAsync(Gauge));
        Assert.False(await store.DeleteAsync(Gauge));
        Assert.Equal(StoreReadStatus.NotFound, (await store.GetAsync(Gauge)).Status);
        Assert.Empty(await container.BlobNamesAsync());
    }

    [Fact]
    public async Task Delete_in_a_missing_container_returns_false()
    {
        await using var container = await TestContainer.CreateAsync("delete-missing", create: false);

        Assert.False(await container.CreateStore().DeleteAsync(Gauge));
    }

    [Fact]
    public async Task Corrupt_blob_is_reported_with_its_etag_and_left_in_place_for_a_conditional_replace()
    {
        await using var container = await TestContainer.CreateAsync("corrupt");
        var store = container.CreateStore();
        var blob = container.Client.GetBlobClient(store.GetBlobName(Gauge));
        var uploaded = await blob.UploadAsync(BinaryData.FromString("{\"formatVersion\":1,\"key\":\"pressure_ga"));

        var read = await store.GetAsync(Gauge);

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Equal(uploaded.Value.ETag.ToString("H"), read.ETag);
        Assert.Contains("not valid JSON", read.Problem, StringComparison.Ordinal);
        Assert.True((await blob.ExistsAsync()).Value);

        var replaced = await store.WriteAsync(Envelope(Gauge), WriteCondition.IfMatch(read.ETag!));
        Assert.Equal(StoreWriteStatus.Written, replaced.Status);
        Assert.Equal(StoreReadStatus.Found, (await store.GetAsync(Gauge)).Status);
    }

    [Fact]
    public async Task Corrupt_blob_replaced_by_someone_else_meanwhile_is_not_overwritten()
    {
        await using var container = await TestContainer.CreateAsync("corrupt-race");
        var store = container.CreateStore();
        var blob = container.Client.GetBlobClient(store.GetBlobName(Gauge));
        await blob.UploadAsync(BinaryData.FromString("not json"));
        var read = await store.GetAsync(Gauge);
        var other = await container.CreateStore().WriteAsync(Envelope(Gauge, "other"), WriteCondition.IfMatch(read.ETag!));

        var late = await store.WriteAsync(Envelope(Gauge, "late"), WriteCondition.IfMatch(read.ETag!));

        Assert.Equal(StoreWriteStatus.Written, other.Status);
        Assert.Equal(StoreWriteStatus.Conflict, late.Status);
        Assert.Equal("other", (await store.GetAsync(Gauge)).Envelope!.Schema.Provenance.Generator);
    }

    [Fact]
    public async Task Empty_blob_is_corrupt_with_its_etag()
    {
        await using var container = await TestContainer.CreateAsync("empty");
        var store = container.CreateStore();
        var uploaded = await container.Client.GetBlobClient(store.GetBlobName(Gauge)).UploadAsync(BinaryData.Empty);

        var read = await store.GetAsync(Gauge);

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Equal(uploaded.Value.ETag.ToString("H"), read.ETag);
    }

    [Fact]
    public async Task Blob_whose_hash_does_not_match_is_corrupt()
    {
        await using var container = await TestContainer.CreateAsync("tampered");
        var store = container.CreateStore();
        var json = Encoding.UTF8.GetString(SchemaEnvelopeSerializer.Serialize(Envelope(Gauge)));
        var tampered = json.Replace("Measuring range", "Measuring ranges", StringComparison.Ordinal);
        Assert.NotEqual(json, tampered);
        var uploaded = await container.Client.GetBlobClient(store.GetBlobName(Gauge)).UploadAsync(BinaryData.FromString(tampered));

        var read = await store.GetAsync(Gauge);

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Equal(uploaded.Value.ETag.ToString("H"), read.ETag);
        Assert.Contains("content hash", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_blob_is_corrupt_with_its_etag_and_is_not_deleted()
    {
        await using var container = await TestContainer.CreateAsync("oversized");
        var store = container.CreateStore(o => o.MaxBlobBytes = 1024);
        var blob = container.Client.GetBlobClient(store.GetBlobName(Gauge));
        var content = BinaryData.FromString("{\"formatVersion\":1,\"pad\":\"" + new string('x', 5000) + "\"}");
        var uploaded = await blob.UploadAsync(content);

        var read = await store.GetAsync(Gauge);

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Equal(uploaded.Value.ETag.ToString("H"), read.ETag);
        Assert.Contains($"{content.ToMemory().Length} bytes", read.Problem, StringComparison.Ordinal);
        Assert.Contains("MaxBlobBytes", read.Problem, StringComparison.Ordinal);
        Assert.True((await blob.ExistsAsync()).Value);
    }

    [Fact]
    public async Task Envelope_larger_than_the_limit_is_refused_before_upload()
    {
        await using var container = await TestContainer.CreateAsync("too-large");
        var store = container.CreateStore(o => o.MaxBlobBytes = 1024);

        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => store.WriteAsync(Envelope(Gauge), WriteCondition.IfNotExists).AsTask());

        Assert.Contains("MaxBlobBytes", ex.Message, StringComparison.Ordinal);
        Assert.Empty(await container.BlobNamesAsync());
    }

    [Fact]
    public async Task Unknown_format_version_is_reported_with_its_etag()
    {
        await using var container = await TestContainer.CreateAsync("format");
        var store = container.CreateStore();
        var uploaded = await container.Client.GetBlobClient(store.GetBlobName(Gauge))
            .UploadAsync(BinaryData.FromString("{\"formatVersion\":99,\"key\":\"pressure_gauge\",\"somethingNew\":true}"));

        var read = await store.GetAsync(Gauge);

        Assert.Equal(StoreReadStatus.UnknownFormat, read.Status);
        Assert.Equal(uploaded.Value.ETag.ToString("H"), read.ETag);
        Assert.Contains("format version 99", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unreachable_account_raises_store_unavailable_saying_what_to_check()
    {
        var port = Azurite.ClosedPort();
        var store = new AzureBlobSchemaStore(Azurite.Options("unreachable", Azurite.ConnectionStringFor(port)));

        var read = await Assert.ThrowsAsync<SchemaStoreUnavailableException>(() => store.GetAsync(Gauge).AsTask());
        var write = await Assert.ThrowsAsync<SchemaStoreUnavailableException>(() => store.WriteAsync(Envelope(Gauge), WriteCondition.IfNotExists).AsTask());
        var delete = await Assert.ThrowsAsync<SchemaStoreUnavailableException>(() => store.DeleteAsync(Gauge).AsTask());
        var lease = await Assert.ThrowsAsync<SchemaStoreUnavailableException>(() => store.TryAcquireAsync(Gauge).AsTask());
        var list = await Assert.ThrowsAsync<SchemaStoreUnavailableException>(async () =>
        {
            await foreach (var unused in store.ListAsync())
            {
            }
        });

        foreach (var ex in new[] { read, write, delete, lease, list })
        {
            Assert.Contains("'unreachable'", ex.Message, StringComparison.Ordinal);
            Assert.Contains($"127.0.0.1:{port}", ex.Message, StringComparison.Ordinal);
            Assert.Contains("reachable", ex.Message, StringComparison.Ordinal);
            Assert.NotNull(ex.InnerException);
        }

        Assert.Contains("could not read 'schemas/pressure_gauge.json'", read.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Account_that_never_answers_raises_store_unavailable_after_the_network_timeout()
    {
        using var silent = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        silent.Start();
        var port = ((System.Net.IPEndPoint)silent.LocalEndpoint).Port;
        var options = Azurite.Options("silent", Azurite.ConnectionStringFor(port));
        options.MaxRetries = 0;
        options.NetworkTimeout = TimeSpan.FromMilliseconds(500);
        var store = new AzureBlobSchemaStore(options);

        var ex = await Assert.ThrowsAsync<SchemaStoreUnavailableException>(() => store.GetAsync(Gauge).AsTask());

        Assert.Contains("no answer within the network timeout", ex.Message, StringComparison.Ordinal);
        Assert.Contains("reachable", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Forbidden_request_raises_store_unavailable_that_points_at_the_credential()
    {
        await using var container = await TestContainer.CreateAsync("forbidden");
        var badKey = Convert.ToBase64String(new byte[64]);
        var endpoint = container.Client.Uri.GetLeftPart(UriPartial.Authority);
        var connection = $"DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey={badKey};BlobEndpoint={endpoint}/devstoreaccount1;";
        var store = new AzureBlobSchemaStore(Azurite.Options(container.Name, connection));

        var ex = await Assert.ThrowsAsync<SchemaStoreUnavailableException>(() => store.GetAsync(Gauge).AsTask());

        Assert.Contains("HTTP 403", ex.Message, StringComparison.Ordinal);
        Assert.Contains("Storage Blob Data Contributor", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Caller_cancellation_is_not_reported_as_an_outage()
    {
        await using var container = await TestContainer.CreateAsync("cancel");
        var store = container.CreateStore();
        using var cts = new CancellationTokenSource();
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.GetAsync(Gauge, cts.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.WriteAsync(Envelope(Gauge), WriteCondition.IfNotExists, cts.Token).AsTask());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.TryAcquireAsync(Gauge, cts.Token).AsTask());
    }

    [Fact]
    public void Blob_names_come_from_the_canonical_key_only()
    {
        var store = new AzureBlobSchemaStore(Azurite.CreateServiceClient(Azurite.ConnectionStringFor(1)), new AzureBlobSchemaStoreOptions { Prefix = "a/b" });
        var rootStore = new AzureBlobSchemaStore(Azurite.CreateServiceClient(Azurite.ConnectionStringFor(1)), new AzureBlobSchemaStoreOptions { Prefix = string.Empty });

        Assert.Equal("a/b/flow_meter.json", store.GetBlobName(ProductTypeKey.Parse("flow_meter")));
        Assert.Equal("a/b/.locks/flow_meter.lock", store.GetLockBlobName(ProductTypeKey.Parse("flow_meter")));
        Assert.Equal("flow_meter.json", rootStore.GetBlobName(ProductTypeKey.Parse("flow_meter")));
        Assert.Equal(".locks/flow_meter.lock", rootStore.GetLockBlobName(ProductTypeKey.Parse("flow_meter")));
        Assert.Throws<ArgumentException>(() => store.GetBlobName(default));
    }
}
