using System.Buffers;
using System.Security.Cryptography;
using System.Text.Json;
using SchemaWorkflow.Storage;

namespace SchemaWorkflow.Serialization;

/// <summary>
/// Reads and writes <see cref="SchemaEnvelope"/>s and checks them: format version, key, content hash.
/// </summary>
/// <remarks>
/// The content hash is SHA-256 over the exact UTF-8 bytes of the envelope's <c>schema</c> value as stored. The
/// writer serializes the schema once, hashes those bytes and embeds them unchanged; the reader hashes the same byte
/// range and deserializes it, so neither side serializes the schema a second time. The output is compact, so the
/// stored schema value is byte-for-byte the schema's own serialization (<see cref="ComputeHash"/>): files written by
/// earlier versions, which hashed that serialization, verify unchanged, and format version 1 is unchanged.
/// </remarks>
public static class SchemaEnvelopeSerializer
{
    private const int HashHexLength = SHA256.HashSizeInBytes * 2;

    private static readonly JsonWriterOptions WriterOptions = CreateWriterOptions(SchemaWorkflowJsonContext.Default.Options);
    private static readonly JsonReaderOptions ReaderOptions = CreateReaderOptions(SchemaWorkflowJsonContext.Default.Options);

    [Flags]
    private enum Field
    {
        None = 0,
        FormatVersion = 1,
        Key = 2,
        GeneratorFingerprint = 4,
        ContentHash = 8,
        CreatedAt = 16,
        UpdatedAt = 32,
        Schema = 64,
        All = 127,
    }

    /// <summary>
    /// Builds an envelope for a schema. It has no <see cref="SchemaEnvelope.ContentHash"/> yet: a serializing store
    /// computes that from the bytes it writes, and a store that keeps the object (in memory) never needs it.
    /// </summary>
    /// <param name="schema">The schema.</param>
    /// <param name="fingerprint">The generator/enricher fingerprint.</param>
    /// <param name="now">The time to stamp.</param>
    /// <param name="createdAt">The creation time of an entry being replaced, if any.</param>
    /// <returns>The envelope.</returns>
    public static SchemaEnvelope CreateEnvelope(ProductSchema schema, string fingerprint, DateTimeOffset now, DateTimeOffset? createdAt = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return new SchemaEnvelope
        {
            Key = schema.Key,
            GeneratorFingerprint = fingerprint,
            CreatedAt = createdAt ?? now,
            UpdatedAt = now,
            Schema = schema,
        };
    }

    /// <summary>
    /// SHA-256 of the schema's JSON, lowercase hex: the content hash an envelope holding this schema is written with.
    /// </summary>
    /// <param name="schema">The schema.</param>
    /// <returns>The hash.</returns>
    public static string ComputeHash(ProductSchema schema)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(schema, SchemaWorkflowJsonContext.Default.ProductSchema);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Serializes an envelope to UTF-8 JSON, with the content hash of the schema bytes it writes.</summary>
    /// <param name="envelope">The envelope; its <see cref="SchemaEnvelope.ContentHash"/> is ignored.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Serialize(SchemaEnvelope envelope) => Serialize(envelope, out _);

    /// <summary>
    /// Serializes an envelope to UTF-8 JSON. The schema is serialized once; <paramref name="contentHash"/> is the
    /// SHA-256 of exactly those bytes, and it is what the envelope is written with, whatever
    /// <see cref="SchemaEnvelope.ContentHash"/> held.
    /// </summary>
    /// <param name="envelope">The envelope.</param>
    /// <param name="contentHash">The content hash written (lowercase hex), for store metadata.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Serialize(SchemaEnvelope envelope, out string contentHash)
    {
        ArgumentNullException.ThrowIfNull(envelope);
        ArgumentNullException.ThrowIfNull(envelope.Schema, "envelope.Schema");
        var schemaBuffer = new ArrayBufferWriter<byte>(16 * 1024);
        using (var writer = new Utf8JsonWriter(schemaBuffer, WriterOptions))
        {
            JsonSerializer.Serialize(writer, envelope.Schema, SchemaWorkflowJsonContext.Default.ProductSchema);
        }

        var schemaJson = schemaBuffer.WrittenSpan;
        contentHash = Convert.ToHexStringLower(SHA256.HashData(schemaJson));

        // The same properties, order and spelling the source-generated serializer writes for SchemaEnvelope (a test
        // compares the two byte for byte), with the schema bytes embedded as they were hashed.
        var output = new ArrayBufferWriter<byte>(schemaJson.Length + 512);
        using (var writer = new Utf8JsonWriter(output, WriterOptions))
        {
            writer.WriteStartObject();
            writer.WriteNumber("formatVersion"u8, envelope.FormatVersion);
            writer.WriteString("key"u8, envelope.Key.Value);
            if (envelope.GeneratorFingerprint is not null)
            {
                writer.WriteString("generatorFingerprint"u8, envelope.GeneratorFingerprint);
            }

            writer.WriteString("contentHash"u8, contentHash);
            writer.WriteString("createdAt"u8, envelope.CreatedAt);
            writer.WriteString("updatedAt"u8, envelope.UpdatedAt);
            writer.WritePropertyName("schema"u8);
            writer.WriteRawValue(schemaJson, skipInputValidation: true);
            writer.WriteEndObject();
        }

        return output.WrittenSpan.ToArray();
    }

    /// <summary>
    /// Reads and checks an envelope. Never throws for bad content: returns Corrupt or UnknownFormat with the problem.
    /// </summary>
    /// <param name="utf8Json">The stored bytes.</param>
    /// <param name="expectedKey">The key the entry is stored under.</param>
    /// <param name="etag">The entry's version tag.</param>
    /// <returns>The read result.</returns>
    public static StoreReadResult Deserialize(ReadOnlySpan<byte> utf8Json, ProductTypeKey expectedKey, string etag) =>
        Deserialize(utf8Json, expectedKey, etag, contentVerified: false);

    /// <summary>
    /// Reads and checks an envelope; <paramref name="contentVerified"/> is for a store that knows these exact bytes
    /// (by a 128-bit hash of all of them) already passed this check in full: the schema's SHA-256 is then not
    /// recomputed. Every other check still runs.
    /// </summary>
    internal static StoreReadResult Deserialize(ReadOnlySpan<byte> utf8Json, ProductTypeKey expectedKey, string etag, bool contentVerified)
    {
        // The common case, an entry this library wrote and nobody touched, is verified by hashing its schema bytes
        // and read by deserializing just those bytes: no extra pass over the document, no re-serialization.
        // Anything else (bad JSON, another format, a hash mismatch, a surprise in the layout) takes the careful path
        // below, which says what is wrong, or accepts a schema that was only re-formatted.
        var verified = TryReadVerified(utf8Json, expectedKey, contentVerified);
        return verified is not null ? StoreReadResult.Found(verified, etag) : DeserializeChecked(utf8Json, expectedKey, etag);
    }

    /// <summary>
    /// Reads an envelope laid out as <see cref="Serialize(SchemaEnvelope, out string)"/> writes it (and as every
    /// earlier version 1 writer did): the six small properties once each, then <c>schema</c>, last, then the end of
    /// the object. The head is read with a reader; the schema value is then everything up to the closing brace. Its
    /// bytes are hashed and compared with the content hash before they are deserialized, and deserializing them
    /// proves they are exactly one JSON value, so the whole entry is valid JSON. Null when the entry is not laid out
    /// like that, or does not verify: the caller then takes the careful path.
    /// </summary>
    private static SchemaEnvelope? TryReadVerified(ReadOnlySpan<byte> utf8Json, ProductTypeKey expectedKey, bool contentVerified)
    {
        try
        {
            return ReadVerified(utf8Json, expectedKey, contentVerified);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static SchemaEnvelope? ReadVerified(ReadOnlySpan<byte> utf8Json, ProductTypeKey expectedKey, bool contentVerified)
    {
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var seen = Field.None;
        string? fingerprint = null;
        string? contentHash = null;
        DateTimeOffset createdAt = default;
        DateTimeOffset updatedAt = default;
        while (true)
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.PropertyName)
            {
                return null;
            }

            var field = Identify(ref reader);
            if (field == Field.None || (seen & field) != 0)
            {
                return null;
            }

            seen |= field;
            reader.Read();
            switch (field)
            {
                case Field.FormatVersion:
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out var version) || version != SchemaEnvelope.CurrentFormatVersion)
                    {
                        return null;
                    }

                    continue;
                case Field.Key:
                    if (reader.TokenType != JsonTokenType.String || !reader.ValueTextEquals(expectedKey.Value))
                    {
                        return null;
                    }

                    continue;
                case Field.GeneratorFingerprint:
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        return null;
                    }

                    fingerprint = reader.GetString();
                    continue;
                case Field.ContentHash:
                    if (reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped || reader.ValueSpan.Length != HashHexLength)
                    {
                        return null;
                    }

                    contentHash = reader.GetString();
                    continue;
                case Field.CreatedAt:
                    if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out createdAt))
                    {
                        return null;
                    }

                    continue;
                case Field.UpdatedAt:
                    if (reader.TokenType != JsonTokenType.String || !reader.TryGetDateTimeOffset(out updatedAt))
                    {
                        return null;
                    }

                    continue;
                default:
                    break;
            }

            break;
        }

        // The schema, last: an object running up to the envelope's closing brace.
        if (seen != Field.All || reader.TokenType != JsonTokenType.StartObject)
        {
            return null;
        }

        var start = checked((int)reader.TokenStartIndex);
        var end = utf8Json.Length;
        while (end > start && utf8Json[end - 1] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            end--;
        }

        if (end - start < 3 || utf8Json[end - 1] != (byte)'}')
        {
            return null;
        }

        var schemaJson = utf8Json[start..(end - 1)];
        if (!contentVerified && !HashEquals(schemaJson, contentHash!))
        {
            return null;
        }

        // Throws (so: null) unless the bytes are exactly one JSON value of the schema model.
        var schema = JsonSerializer.Deserialize(schemaJson, SchemaWorkflowJsonContext.Default.ProductSchema);
        if (schema is null || schema.Key != expectedKey)
        {
            return null;
        }

        return new SchemaEnvelope
        {
            Key = expectedKey,
            GeneratorFingerprint = fingerprint!,
            ContentHash = contentHash,
            CreatedAt = createdAt,
            UpdatedAt = updatedAt,
            Schema = schema,
        };
    }

    private static Field Identify(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("schema"u8) ? Field.Schema
        : reader.ValueTextEquals("formatVersion"u8) ? Field.FormatVersion
        : reader.ValueTextEquals("key"u8) ? Field.Key
        : reader.ValueTextEquals("generatorFingerprint"u8) ? Field.GeneratorFingerprint
        : reader.ValueTextEquals("contentHash"u8) ? Field.ContentHash
        : reader.ValueTextEquals("createdAt"u8) ? Field.CreatedAt
        : reader.ValueTextEquals("updatedAt"u8) ? Field.UpdatedAt
        : Field.None;

    private static bool HashEquals(ReadOnlySpan<byte> schemaJson, string contentHash)
    {
        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(schemaJson, hash);
        Span<char> hex = stackalloc char[HashHexLength];
        return Convert.TryToHexStringLower(hash, hex, out _) && hex.SequenceEqual(contentHash);
    }

    private static StoreReadResult DeserializeChecked(ReadOnlySpan<byte> utf8Json, ProductTypeKey expectedKey, string etag)
    {
        int? formatVersion;
        try
        {
            // One forward pass with a reader, no DOM: it validates the whole document and picks out the top-level
            // formatVersion, so a body is never materialised twice before the typed deserialization below.
            if (!TryReadFormatVersion(utf8Json, out formatVersion))
            {
                return Corrupt(etag, "the entry is not a JSON object.");
            }
        }
        catch (JsonException ex)
        {
            return Corrupt(etag, $"the entry is not valid JSON ({ex.Message}).");
        }

        if (formatVersion is null)
        {
            return Corrupt(etag, "the entry has no numeric formatVersion.");
        }

        if (formatVersion != SchemaEnvelope.CurrentFormatVersion)
        {
            return new StoreReadResult
            {
                Status = StoreReadStatus.UnknownFormat,
                ETag = etag,
                Problem = $"the entry has format version {formatVersion}; this library reads version {SchemaEnvelope.CurrentFormatVersion}.",
            };
        }

        SchemaEnvelope? envelope;
        try
        {
            envelope = JsonSerializer.Deserialize(utf8Json, SchemaWorkflowJsonContext.Default.SchemaEnvelope);
        }
        catch (JsonException ex)
        {
            return Corrupt(etag, $"the entry does not match the envelope model ({ex.Message}).");
        }

        if (envelope?.Schema is null || envelope.GeneratorFingerprint is null || envelope.ContentHash is null)
        {
            return Corrupt(etag, "the entry lacks its schema, fingerprint or content hash.");
        }

        if (envelope.Key != expectedKey || envelope.Schema.Key != expectedKey)
        {
            return Corrupt(etag, $"the entry is for '{envelope.Key}' but is stored under '{expectedKey}'.");
        }

        // The stored schema bytes did not hash to the content hash (or the layout was unusual). A schema that was
        // only re-formatted (indented by hand, properties moved) still serializes to what was hashed: accept it, as
        // earlier versions did. Anything else was changed or truncated.
        var hash = ComputeHash(envelope.Schema);
        if (!string.Equals(hash, envelope.ContentHash, StringComparison.Ordinal))
        {
            return Corrupt(etag, "the schema does not match its content hash (it was changed or truncated).");
        }

        return StoreReadResult.Found(envelope, etag);
    }

    private static bool TryReadFormatVersion(ReadOnlySpan<byte> utf8Json, out int? formatVersion)
    {
        formatVersion = null;
        var reader = new Utf8JsonReader(utf8Json, ReaderOptions);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
        {
            // Read the rest so invalid JSON is still reported as such.
            while (reader.Read())
            {
            }

            return false;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isVersion = reader.ValueTextEquals("formatVersion"u8);
            reader.Read();
            if (isVersion && formatVersion is null && reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var version))
            {
                formatVersion = version;
            }

            reader.Skip();
        }

        // Trailing content after the root object is invalid JSON and throws here.
        while (reader.Read())
        {
        }

        return true;
    }

    private static StoreReadResult Corrupt(string etag, string problem) =>
        new() { Status = StoreReadStatus.Corrupt, ETag = etag, Problem = problem };

    private static JsonWriterOptions CreateWriterOptions(JsonSerializerOptions options) => new()
    {
        // Compact (the context does not indent): the embedded schema bytes are then exactly its own serialization.
        Encoder = options.Encoder,
        Indented = options.WriteIndented,
        MaxDepth = options.MaxDepth,
    };

    private static JsonReaderOptions CreateReaderOptions(JsonSerializerOptions options) => new()
    {
        AllowTrailingCommas = options.AllowTrailingCommas,
        CommentHandling = options.ReadCommentHandling,
        MaxDepth = options.MaxDepth,
    };
}
