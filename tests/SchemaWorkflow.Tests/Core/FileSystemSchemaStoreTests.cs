using System.Text;
using Microsoft.Extensions.Options;
using SchemaWorkflow.Serialization;
using SchemaWorkflow.Storage;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.Tests.Core;

public sealed class FileSystemSchemaStoreTests : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sw-fs-");
    private static readonly ProductTypeKey Key = ProductTypeKey.Parse("pressure_gauge");

    public void Dispose() => _dir.Delete(recursive: true);

    private FileSystemSchemaStore NewStore(long maxBytes = 4 * 1024 * 1024) =>
        new(Options.Create(new FileSystemSchemaStoreOptions { RootPath = _dir.FullName, MaxFileBytes = maxBytes }));

    private static SchemaEnvelope Envelope(string generator = "fake") =>
        SchemaEnvelopeSerializer.CreateEnvelope(TestSchemas.Create(Key, generator), "fake/1", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task Round_trip_preserves_the_envelope()
    {
        var store = NewStore();
        var write = await store.WriteAsync(Envelope(), WriteCondition.IfNotExists);
        var read = await store.GetAsync(Key);

        Assert.Equal(StoreWriteStatus.Written, write.Status);
        Assert.Equal(StoreReadStatus.Found, read.Status);
        Assert.Equal(write.ETag, read.ETag);
        Assert.Null(Envelope().ContentHash);
        Assert.Equal(SchemaEnvelopeSerializer.ComputeHash(Envelope().Schema), read.Envelope!.ContentHash);
        Assert.Equal("pressure gauge", read.Envelope.Schema.DisplayName);
    }

    [Fact]
    public async Task Create_if_absent_conflicts_when_the_entry_exists()
    {
        var store = NewStore();
        await store.WriteAsync(Envelope("first"), WriteCondition.IfNotExists);

        var second = await store.WriteAsync(Envelope("second"), WriteCondition.IfNotExists);

        Assert.Equal(StoreWriteStatus.Conflict, second.Status);
        Assert.Equal("first", (await store.GetAsync(Key)).Envelope!.Schema.Provenance.Generator);
    }

    [Fact]
    public async Task Replace_if_match_succeeds_with_the_current_etag_and_conflicts_with_a_stale_one()
    {
        var store = NewStore();
        var first = await store.WriteAsync(Envelope("first"), WriteCondition.IfNotExists);
        var replaced = await store.WriteAsync(Envelope("second"), WriteCondition.IfMatch(first.ETag!));
        var stale = await store.WriteAsync(Envelope("third"), WriteCondition.IfMatch(first.ETag!));

        Assert.Equal(StoreWriteStatus.Written, replaced.Status);
        Assert.Equal(StoreWriteStatus.Conflict, stale.Status);
        Assert.Equal("second", (await store.GetAsync(Key)).Envelope!.Schema.Provenance.Generator);
    }

    [Fact]
    public async Task Corrupt_file_is_moved_aside_reported_and_then_replaceable()
    {
        var store = NewStore();
        await File.WriteAllTextAsync(store.GetPath(Key), "{ this is not json");

        var read = await store.GetAsync(Key);

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Contains("not valid JSON", read.Problem, StringComparison.Ordinal);
        Assert.False(File.Exists(store.GetPath(Key)));
        var aside = Directory.GetFiles(Path.Combine(_dir.FullName, ".corrupt"));
        Assert.Single(aside);
        Assert.Equal("{ this is not json", await File.ReadAllTextAsync(aside[0]));
        Assert.Equal(StoreWriteStatus.Written, (await store.WriteAsync(Envelope(), WriteCondition.IfNotExists)).Status);
    }

    [Fact]
    public async Task Tampered_schema_fails_its_content_hash()
    {
        var store = NewStore();
        await store.WriteAsync(Envelope(), WriteCondition.IfNotExists);
        var text = await File.ReadAllTextAsync(store.GetPath(Key));
        await File.WriteAllTextAsync(store.GetPath(Key), text.Replace("Measuring range", "Junk range", StringComparison.Ordinal));

        var read = await store.GetAsync(Key);

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Contains("content hash", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Truncated_file_is_corrupt_and_moved_aside()
    {
        var store = NewStore();
        await store.WriteAsync(Envelope(), WriteCondition.IfNotExists);
        var bytes = await File.ReadAllBytesAsync(store.GetPath(Key));
        await File.WriteAllBytesAsync(store.GetPath(Key), bytes[..(bytes.Length / 2)]);

        var read = await store.GetAsync(Key);

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Contains("not valid JSON", read.Problem, StringComparison.Ordinal);
        Assert.False(File.Exists(store.GetPath(Key)));
        Assert.Equal(bytes.Length / 2, new FileInfo(Assert.Single(Directory.GetFiles(Path.Combine(_dir.FullName, ".corrupt")))).Length);
    }

    [Fact]
    public async Task Edit_outside_the_schema_changes_the_etag_so_a_stale_replace_conflicts()
    {
        var store = NewStore();
        var first = await store.WriteAsync(Envelope("first"), WriteCondition.IfNotExists);
        var text = await File.ReadAllTextAsync(store.GetPath(Key));
        const string Fingerprint = "\"generatorFingerprint\":\"fake/1\"";

        // The envelope's own fingerprint comes first; the schema's provenance holds the same text further on.
        var at = text.IndexOf(Fingerprint, StringComparison.Ordinal);
        Assert.True(at < text.IndexOf("\"schema\":", StringComparison.Ordinal));
        var edited = string.Concat(text.AsSpan(0, at), Fingerprint.Replace("fake/1", "fake/2", StringComparison.Ordinal), text.AsSpan(at + Fingerprint.Length));
        await File.WriteAllTextAsync(store.GetPath(Key), edited);

        // The fingerprint is not part of the content hash: the entry still reads, under a new ETag.
        var read = await store.GetAsync(Key);
        var stale = await store.WriteAsync(Envelope("second"), WriteCondition.IfMatch(first.ETag!));
        var current = await store.WriteAsync(Envelope("third"), WriteCondition.IfMatch(read.ETag!));

        Assert.Equal(StoreReadStatus.Found, read.Status);
        Assert.Equal("fake/2", read.Envelope!.GeneratorFingerprint);
        Assert.NotEqual(first.ETag, read.ETag);
        Assert.Equal(StoreWriteStatus.Conflict, stale.Status);
        Assert.Equal(StoreWriteStatus.Written, current.Status);
        Assert.Equal("third", (await store.GetAsync(Key)).Envelope!.Schema.Provenance.Generator);
    }

    [Fact]
    public async Task Schema_edited_after_a_successful_read_still_fails_its_content_hash()
    {
        var store = NewStore();
        await store.WriteAsync(Envelope(), WriteCondition.IfNotExists);
        var first = await store.GetAsync(Key);
        var again = await store.GetAsync(Key);
        var text = await File.ReadAllTextAsync(store.GetPath(Key));
        var edited = text.Replace("Measuring range", "Measuring rangE", StringComparison.Ordinal);
        Assert.Equal(text.Length, edited.Length);
        await File.WriteAllTextAsync(store.GetPath(Key), edited);

        var read = await store.GetAsync(Key);

        Assert.Equal(StoreReadStatus.Found, first.Status);
        Assert.Equal(StoreReadStatus.Found, again.Status);
        Assert.Equal(first.ETag, again.ETag);
        Assert.Equal(first.Envelope!.ContentHash, again.Envelope!.ContentHash);
        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Contains("content hash", read.Problem, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_dir.FullName, ".corrupt")));
    }

    [Fact]
    public async Task Unknown_format_version_is_reported_and_moved_aside()
    {
        var store = NewStore();
        await File.WriteAllTextAsync(store.GetPath(Key), """{"formatVersion": 99, "key": "pressure_gauge"}""");

        var read = await store.GetAsync(Key);

        Assert.Equal(StoreReadStatus.UnknownFormat, read.Status);
        Assert.Contains("format version 99", read.Problem, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(Path.Combine(_dir.FullName, ".corrupt")));
    }

    [Fact]
    public async Task Entry_stored_under_the_wrong_key_is_corrupt()
    {
        var store = NewStore();
        await store.WriteAsync(Envelope(), WriteCondition.IfNotExists);
        File.Move(store.GetPath(Key), store.GetPath(ProductTypeKey.Parse("level_switch")));

        var read = await store.GetAsync(ProductTypeKey.Parse("level_switch"));

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Contains("stored under 'level_switch'", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Oversized_file_is_not_read_and_is_moved_aside()
    {
        var store = NewStore(maxBytes: 2048);
        await File.WriteAllTextAsync(store.GetPath(Key), new string(' ', 5000));

        var read = await store.GetAsync(Key);

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Contains("limit is 2048", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task List_and_delete_work_on_valid_names_only()
    {
        var store = NewStore();
        await store.WriteAsync(Envelope(), WriteCondition.IfNotExists);
        await File.WriteAllTextAsync(Path.Combine(_dir.FullName, "Not A Key.json"), "{}");

        var listed = new List<StoredSchemaInfo>();
        await foreach (var info in store.ListAsync())
        {
            listed.Add(info);
        }

        Assert.Equal([Key], listed.Select(l => l.Key));
        Assert.True(await store.DeleteAsync(Key));
        Assert.False(await store.DeleteAsync(Key));
        Assert.Equal(StoreReadStatus.NotFound, (await store.GetAsync(Key)).Status);
    }

    [Fact]
    public async Task Concurrent_writers_and_readers_never_see_a_torn_file()
    {
        var store = NewStore();
        await store.WriteAsync(Envelope("w0"), WriteCondition.IfNotExists);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
        var torn = 0;
        var writes = 0;

        var writers = Enumerable.Range(1, 2).Select(w => Task.Run(async () =>
        {
            // Each writer has its own store instance: as two processes sharing the folder would.
            var own = NewStore();
            for (var i = 0; i < 40; i++)
            {
                var current = await own.GetAsync(Key);
                if (current.Status == StoreReadStatus.Found &&
                    (await own.WriteAsync(Envelope($"w{w}-{i}"), WriteCondition.IfMatch(current.ETag!))).Status == StoreWriteStatus.Written)
                {
                    Interlocked.Increment(ref writes);
                }
            }
        })).ToArray();
        var reader = Task.Run(async () =>
        {
            var own = NewStore();
            while (!writers.All(w => w.IsCompleted))
            {
                var r = await own.GetAsync(Key);
                if (r.Status != StoreReadStatus.Found)
                {
                    Interlocked.Increment(ref torn);
                }
            }
        });
        await Task.WhenAll(writers);
        await reader;

        Assert.Equal(0, torn);
        Assert.True(writes > 0);
        Assert.False(Directory.Exists(Path.Combine(_dir.FullName, ".corrupt")));
        Assert.Empty(Directory.GetFiles(_dir.FullName, "*.tmp"));
    }

    [Fact]
    public async Task Unwritable_folder_reports_the_store_unavailable()
    {
        var file = Path.Combine(_dir.FullName, "a-file");
        await File.WriteAllTextAsync(file, "x");
        var store = new FileSystemSchemaStore(Path.Combine(file, "sub"));

        var ex = await Assert.ThrowsAsync<SchemaStoreUnavailableException>(() => store.WriteAsync(Envelope(), WriteCondition.IfNotExists).AsTask());
        Assert.Contains("could not write", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Workflow_on_a_corrupt_file_regenerates_and_keeps_the_bad_copy_aside()
    {
        var store = NewStore();
        await File.WriteAllBytesAsync(store.GetPath(Key), Encoding.UTF8.GetBytes("\u0001garbage"));
        using var t = new TestWorkflow(build: b => b.UseFileSystemStore(_dir.FullName));

        var result = await t.Workflow.GetOrGenerateAsync("pressure gauge");

        Assert.True(result.Succeeded);
        Assert.Equal(SchemaSource.Generated, result.Source);
        Assert.True(result.Persisted);
        Assert.Equal(StoreReadStatus.Found, (await store.GetAsync(Key)).Status);
        Assert.Single(Directory.GetFiles(Path.Combine(_dir.FullName, ".corrupt")));
    }
}
