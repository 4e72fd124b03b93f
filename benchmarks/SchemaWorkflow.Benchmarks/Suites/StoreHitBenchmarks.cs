using System.Text.Json;
using BenchmarkDotNet.Attributes;
using SchemaWorkflow.Benchmarks.Infrastructure;
using SchemaWorkflow.Benchmarks.Simulation;
using SchemaWorkflow.Serialization;
using SchemaWorkflow.Storage;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.Benchmarks.Suites;

/// <summary>
/// 1 (continued). A request served from the store with a cold session cache (no session id, so nothing is cached
/// between calls): the file store against a baseline that reads and deserializes the same file directly, the store's
/// own read alone, and the in-memory store. The schema is of realistic size (5 groups, 31 fields; 18 KB stored).
/// The file reads complete on a thread-pool thread, so these means carry thread wake-up noise: 20 iterations, and
/// read the median next to the mean.
/// </summary>
[MemoryDiagnoser]
[SuiteJob(SuiteJobKind.Micro, iterations: 40)]
public class StoreHitBenchmarks : IDisposable
{
    private const string ProductType = "Temperature Transmitter";

    private string _root = null!;
    private string _path = null!;
    private ProductTypeKey _key;
    private FileSystemSchemaStore _fileStore = null!;
    private BenchWorkflow _fromFile = null!;
    private BenchWorkflow _fromMemory = null!;

    [GlobalSetup]
    public void Setup()
    {
        _root = Path.Combine(Path.GetTempPath(), "schemaworkflow-bench-" + Guid.NewGuid().ToString("N"));
        _key = ProductTypeKey.Parse("temperature_transmitter");
        _fileStore = new FileSystemSchemaStore(_root);
        _path = _fileStore.GetPath(_key);
        _fromFile = Create(_fileStore);
        _fromMemory = Create(new InMemorySchemaStore());
        BenchmarkCheck.That(File.Exists(_path), "The file store did not write the schema.");
        BenchmarkCheck.That(ReadAndDeserialize().GetAwaiter().GetResult().Schema.Key == _key, "The baseline read another schema.");
        BenchmarkCheck.That(FileStoreGetAsync().AsTask().GetAwaiter().GetResult().Status == StoreReadStatus.Found, "The file store did not find the schema.");
        BenchmarkCheck.That(FileStoreFirstReadAsync().AsTask().GetAwaiter().GetResult().Status == StoreReadStatus.Found, "A new file store did not find the schema.");

        static BenchWorkflow Create(ISchemaStore store)
        {
            var generator = new FakeSchemaGenerator { Produce = static r => BenchSchemas.Realistic(r.Key, "fake", "fake/1") };
            var workflow = new BenchWorkflow(generator, store: store);
            var first = workflow.Workflow.GetOrGenerateAsync(ProductType).AsTask().GetAwaiter().GetResult();
            BenchmarkCheck.That(first is { Succeeded: true, Source: SchemaSource.Generated, Persisted: true }, "The schema was not generated and stored.");
            return workflow;
        }
    }

    [Benchmark(Baseline = true, Description = "File.ReadAllBytesAsync + JsonSerializer.Deserialize")]
    public async Task<SchemaEnvelope> ReadAndDeserialize()
    {
        var bytes = await File.ReadAllBytesAsync(_path).ConfigureAwait(false);
        return JsonSerializer.Deserialize(bytes, SchemaWorkflowJsonContext.Default.SchemaEnvelope)!;
    }

    [Benchmark(Description = "FileSystemSchemaStore.GetAsync (store alone)")]
    public ValueTask<StoreReadResult> FileStoreGetAsync() => _fileStore.GetAsync(_key);

    /// <summary>
    /// The store's read with its full verification: a new store instance has not verified this file version yet, so
    /// it hashes the schema bytes. The other file-store benchmarks reuse one instance, which skips that hash for the
    /// file version it verified last.
    /// </summary>
    [Benchmark(Description = "FileSystemSchemaStore.GetAsync, first read of the file version (new store)")]
    public ValueTask<StoreReadResult> FileStoreFirstReadAsync() => new FileSystemSchemaStore(_root).GetAsync(_key);

    [Benchmark(Description = "GetOrGenerateAsync from the file store")]
    public async Task<SchemaResult> WorkflowFromFileStore()
    {
        var result = await _fromFile.Workflow.GetOrGenerateAsync(ProductType).ConfigureAwait(false);
        BenchmarkCheck.That(result.Source == SchemaSource.Store, "Not served from the file store.");
        return result;
    }

    [Benchmark(Description = "GetOrGenerateAsync from the in-memory store")]
    public async Task<SchemaResult> WorkflowFromInMemoryStore()
    {
        var result = await _fromMemory.Workflow.GetOrGenerateAsync(ProductType).ConfigureAwait(false);
        BenchmarkCheck.That(result.Source == SchemaSource.Store, "Not served from the in-memory store.");
        return result;
    }

    [GlobalCleanup]
    public void Dispose()
    {
        _fromFile?.Dispose();
        _fromMemory?.Dispose();
        if (_root is not null && Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
