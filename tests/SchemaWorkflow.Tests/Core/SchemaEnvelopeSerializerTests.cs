using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using SchemaWorkflow.Serialization;
using SchemaWorkflow.Storage;
using SchemaWorkflow.Testing;

namespace SchemaWorkflow.Tests.Core;

public sealed class SchemaEnvelopeSerializerTests : IDisposable
{
    private static readonly ProductTypeKey Key = ProductTypeKey.Parse("pressure_gauge");
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("sw-env-");

    public void Dispose() => _dir.Delete(recursive: true);

    // Quotes, non-ASCII and markup in a string value make the writer escape: the hash must cover the escaped bytes.
    private static SchemaEnvelope Envelope(string generator = "gén \"quoted\" <b>&</b> ✓") =>
        SchemaEnvelopeSerializer.CreateEnvelope(TestSchemas.Create(Key, generator), "fake/1", new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.FromHours(2)));

    // What version 1 writers before the single-serialization change produced: the hash of the schema's own
    // serialization, and the source-generated serialization of the whole envelope.
    private static byte[] WrittenByEarlierVersion(SchemaEnvelope envelope) =>
        JsonSerializer.SerializeToUtf8Bytes(envelope with { ContentHash = SchemaEnvelopeSerializer.ComputeHash(envelope.Schema) }, SchemaWorkflowJsonContext.Default.SchemaEnvelope);

    private static StoreReadResult Read(byte[] bytes) => SchemaEnvelopeSerializer.Deserialize(bytes, Key, "\"e\"");

    [Fact]
    public void Created_envelope_has_no_content_hash_until_it_is_serialized()
    {
        var envelope = Envelope();

        var bytes = SchemaEnvelopeSerializer.Serialize(envelope, out var contentHash);

        Assert.Null(envelope.ContentHash);
        Assert.Equal(SchemaEnvelopeSerializer.ComputeHash(envelope.Schema), contentHash);
        Assert.Equal(contentHash, JsonNode.Parse(bytes)!["contentHash"]!.GetValue<string>());
    }

    [Fact]
    public void Serialized_bytes_are_exactly_what_earlier_versions_wrote()
    {
        var envelope = Envelope();

        Assert.Equal(WrittenByEarlierVersion(envelope), SchemaEnvelopeSerializer.Serialize(envelope));
    }

    [Fact]
    public void Entry_written_by_an_earlier_version_is_read_and_verified()
    {
        var envelope = Envelope();

        var read = Read(WrittenByEarlierVersion(envelope));

        Assert.Equal(StoreReadStatus.Found, read.Status);
        Assert.Equal(SchemaEnvelopeSerializer.ComputeHash(envelope.Schema), read.Envelope!.ContentHash);
        Assert.Equal(envelope.Schema.Provenance.Generator, read.Envelope.Schema.Provenance.Generator);
        Assert.Equal(envelope.CreatedAt, read.Envelope.CreatedAt);
        Assert.Equal(envelope.UpdatedAt, read.Envelope.UpdatedAt);
        Assert.Equal("fake/1", read.Envelope.GeneratorFingerprint);
    }

    [Fact]
    public void Content_hash_set_by_the_caller_is_replaced_by_the_hash_of_the_written_bytes()
    {
        var envelope = Envelope() with { ContentHash = new string('0', 64) };

        var read = Read(SchemaEnvelopeSerializer.Serialize(envelope));

        Assert.Equal(StoreReadStatus.Found, read.Status);
        Assert.Equal(SchemaEnvelopeSerializer.ComputeHash(envelope.Schema), read.Envelope!.ContentHash);
    }

    [Fact]
    public void Edited_schema_value_of_the_same_length_fails_the_content_hash()
    {
        var text = Encoding.UTF8.GetString(SchemaEnvelopeSerializer.Serialize(Envelope()));
        var edited = text.Replace("Measuring range", "Measuring rangE", StringComparison.Ordinal);
        Assert.NotEqual(text, edited);

        var read = Read(Encoding.UTF8.GetBytes(edited));

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Contains("content hash", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Edited_content_hash_is_detected()
    {
        var envelope = Envelope();
        var bytes = SchemaEnvelopeSerializer.Serialize(envelope, out var contentHash);
        var flipped = (contentHash[0] == 'a' ? 'b' : 'a') + contentHash[1..];
        var edited = Encoding.UTF8.GetString(bytes).Replace(contentHash, flipped, StringComparison.Ordinal);

        var read = Read(Encoding.UTF8.GetBytes(edited));

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Contains("content hash", read.Problem, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(200)]
    public void Truncated_entry_is_corrupt(int cut)
    {
        var bytes = SchemaEnvelopeSerializer.Serialize(Envelope());

        var read = Read(bytes[..^cut]);

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Contains("not valid JSON", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_content_after_the_envelope_is_corrupt()
    {
        var bytes = SchemaEnvelopeSerializer.Serialize(Envelope());

        var read = Read([.. bytes, .. "{}"u8]);

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Contains("not valid JSON", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Trailing_newline_added_by_an_editor_is_accepted()
    {
        var bytes = SchemaEnvelopeSerializer.Serialize(Envelope());

        var read = Read([.. bytes, .. "\r\n"u8]);

        Assert.Equal(StoreReadStatus.Found, read.Status);
    }

    [Fact]
    public void Reformatted_entry_whose_schema_still_serializes_to_its_hash_is_accepted()
    {
        // Indented by hand and properties reordered: the schema bytes differ, its content does not.
        var node = JsonNode.Parse(SchemaEnvelopeSerializer.Serialize(Envelope()))!.AsObject();
        var schema = node["schema"]!;
        node.Remove("schema");
        var reordered = new JsonObject { ["schema"] = schema };
        foreach (var (name, value) in node.ToList())
        {
            node.Remove(name);
            reordered[name] = value;
        }

        var read = Read(Encoding.UTF8.GetBytes(reordered.ToJsonString(new JsonSerializerOptions { WriteIndented = true })));

        Assert.Equal(StoreReadStatus.Found, read.Status);
        Assert.Equal("gén \"quoted\" <b>&</b> ✓", read.Envelope!.Schema.Provenance.Generator);
    }

    [Fact]
    public void Unknown_top_level_property_is_ignored_as_before()
    {
        var node = JsonNode.Parse(SchemaEnvelopeSerializer.Serialize(Envelope()))!.AsObject();
        node["note"] = "added by hand";

        var read = Read(Encoding.UTF8.GetBytes(node.ToJsonString()));

        Assert.Equal(StoreReadStatus.Found, read.Status);
    }

    [Fact]
    public void Entry_for_another_key_is_corrupt()
    {
        var other = SchemaEnvelopeSerializer.CreateEnvelope(TestSchemas.Create(ProductTypeKey.Parse("level_switch")), "fake/1", DateTimeOffset.UnixEpoch);

        var read = Read(SchemaEnvelopeSerializer.Serialize(other));

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Contains("stored under 'pressure_gauge'", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_content_hash_is_corrupt()
    {
        var node = JsonNode.Parse(SchemaEnvelopeSerializer.Serialize(Envelope()))!.AsObject();
        node.Remove("contentHash");

        var read = Read(Encoding.UTF8.GetBytes(node.ToJsonString()));

        Assert.Equal(StoreReadStatus.Corrupt, read.Status);
        Assert.Contains("content hash", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Foreign_format_version_is_unknown_format()
    {
        var node = JsonNode.Parse(SchemaEnvelopeSerializer.Serialize(Envelope()))!.AsObject();
        node["formatVersion"] = 2;

        var read = Read(Encoding.UTF8.GetBytes(node.ToJsonString()));

        Assert.Equal(StoreReadStatus.UnknownFormat, read.Status);
        Assert.Contains("format version 2", read.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task File_written_by_an_earlier_version_is_served_by_the_file_store()
    {
        var store = new FileSystemSchemaStore(_dir.FullName);
        await File.WriteAllBytesAsync(store.GetPath(Key), WrittenByEarlierVersion(Envelope()));

        var read = await store.GetAsync(Key);

        Assert.Equal(StoreReadStatus.Found, read.Status);
        Assert.False(Directory.Exists(Path.Combine(_dir.FullName, ".corrupt")));
    }

    [Fact]
    public async Task In_memory_store_keeps_the_envelope_without_serializing_it()
    {
        using var t = new TestWorkflow();

        var result = await t.Workflow.GetOrGenerateAsync("pressure gauge");
        var stored = await t.Store.Inner.GetAsync(Key);

        Assert.True(result.Persisted);
        Assert.Equal(StoreReadStatus.Found, stored.Status);
        Assert.Null(stored.Envelope!.ContentHash);
        Assert.Same(result.Schema, stored.Envelope.Schema);
    }
}
