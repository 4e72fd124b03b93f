using System.Globalization;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using BenchmarkDotNet.Attributes;
using SchemaWorkflow.AzureBlob;
using SchemaWorkflow.Benchmarks.Infrastructure;
using SchemaWorkflow.Benchmarks.Simulation;
using SchemaWorkflow.Serialization;
using SchemaWorkflow.Storage;

namespace SchemaWorkflow.Benchmarks.Suites;

/// <summary>
/// 7. The Azure Blob store against Azurite on loopback, for the record: these are I/O-bound (an HTTP round trip to a
/// Node.js emulator on the same 2 cores), so they say what the store adds to the SDK, not what Azure costs. Baselines
/// per operation: the SDK's own download, and the SDK's own If-Match upload of the same bytes. Needs
/// AZURITE_BLOB_CONNECTION_STRING (see .ci/azurite.sh); fails with a clear message without it.
/// </summary>
[MemoryDiagnoser]
[SuiteJob(SuiteJobKind.Micro)]
public class AzureBlobStoreBenchmarks
{
    public const string ConnectionStringVariable = "AZURITE_BLOB_CONNECTION_STRING";

    private AzureBlobSchemaStore _store = null!;
    private BlobClient _blob = null!;
    private SchemaEnvelope _envelope = null!;
    private BinaryData _bytes = null!;
    private BlobUploadOptions _sdkUpload = null!;
    private ProductTypeKey _key;
    private string _storeETag = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        var connectionString = Environment.GetEnvironmentVariable(ConnectionStringVariable);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException($"{ConnectionStringVariable} is not set. Start Azurite first ('. .ci/azurite.sh; azurite_start' exports it), or leave this class out with --filter.");
        }

        var options = new AzureBlobSchemaStoreOptions
        {
            ConnectionString = connectionString,
            ContainerName = "bench-" + Guid.NewGuid().ToString("N")[..12],
            MaxRetries = 0,
            ServiceVersion = BlobClientOptions.ServiceVersion.V2026_06_06,
        };
        _store = new AzureBlobSchemaStore(options);
        _key = ProductTypeKey.Parse("temperature_transmitter");
        _envelope = SchemaEnvelopeSerializer.CreateEnvelope(BenchSchemas.Realistic(_key), "simulated/1", DateTimeOffset.UnixEpoch);
        var created = _store.WriteAsync(_envelope, WriteCondition.IfNotExists).AsTask().GetAwaiter().GetResult();
        BenchmarkCheck.That(created.Status == StoreWriteStatus.Written, "The store did not create the blob.");
        _storeETag = created.ETag!;

        // A second blob for the SDK's own uploads, so the store's ETag chain is not disturbed.
        _bytes = BinaryData.FromBytes(SchemaEnvelopeSerializer.Serialize(_envelope));
        _blob = _store.Container.GetBlobClient(_store.GetBlobName(ProductTypeKey.Parse("sdk_baseline")));
        var etag = _blob.Upload(_bytes, overwrite: true).Value.ETag;
        _sdkUpload = new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "application/json" }, Conditions = new BlobRequestConditions { IfMatch = etag } };
        BenchmarkCheck.That(StoreGet().AsTask().GetAwaiter().GetResult().Status == StoreReadStatus.Found, "The store did not read its blob back.");
    }

    [Benchmark(Baseline = true, Description = "SDK: BlobClient.DownloadContentAsync")]
    public async Task<BinaryData> SdkDownload() => (await _blob.DownloadContentAsync().ConfigureAwait(false)).Value.Content;

    [Benchmark(Description = "Store: GetAsync (download + envelope checks)")]
    public ValueTask<StoreReadResult> StoreGet() => _store.GetAsync(_key);

    [Benchmark(Description = "SDK: UploadAsync If-Match")]
    public async Task SdkConditionalUpload()
    {
        var response = await _blob.UploadAsync(_bytes, _sdkUpload).ConfigureAwait(false);
        _sdkUpload.Conditions = new BlobRequestConditions { IfMatch = response.Value.ETag };
    }

    [Benchmark(Description = "Store: WriteAsync If-Match")]
    public async Task StoreConditionalPut()
    {
        var written = await _store.WriteAsync(_envelope, WriteCondition.IfMatch(_storeETag)).ConfigureAwait(false);
        BenchmarkCheck.That(written.Status == StoreWriteStatus.Written, string.Create(CultureInfo.InvariantCulture, $"The conditional put was refused ({written.Status})."));
        _storeETag = written.ETag!;
    }

    [GlobalCleanup]
    public void Cleanup() => _store?.Container.DeleteIfExists();
}
