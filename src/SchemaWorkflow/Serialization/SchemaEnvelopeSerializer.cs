using System.Security.Cryptography;
using System.Text.Json;
using SchemaWorkflow.Storage;

namespace SchemaWorkflow.Serialization;

/// <summary>Reads and writes <see cref="SchemaEnvelope"/>s and checks them: format version, key, content hash.</summary>
public static class SchemaEnvelopeSerializer
{
    /// <summary>Builds an envelope for a schema, computing its content hash.</summary>
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
            ContentHash = ComputeHash(schema),
            CreatedAt = createdAt ?? now,
            UpdatedAt = now,
            Schema = schema,
        };
    }

    /// <summary>SHA-256 of the schema's JSON, lowercase hex.</summary>
    /// <param name="schema">The schema.</param>
    /// <returns>The hash.</returns>
    public static string ComputeHash(ProductSchema schema)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(schema, SchemaWorkflowJsonContext.Default.ProductSchema);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>Serializes an envelope to UTF-8 JSON.</summary>
    /// <param name="envelope">The envelope.</param>
    /// <returns>The bytes.</returns>
    public static byte[] Serialize(SchemaEnvelope envelope) =>
        JsonSerializer.SerializeToUtf8Bytes(envelope, SchemaWorkflowJsonContext.Default.SchemaEnvelope);

    /// <summary>
    /// Reads and checks an envelope. Never throws for bad content: returns Corrupt or UnknownFormat with the problem.
    /// </summary>
    /// <param name="utf8Json">The stored bytes.</param>
    /// <param name="expectedKey">The key the entry is stored under.</param>
    /// <param name="etag">The entry's version tag.</param>
    /// <returns>The read result.</returns>
    public static StoreReadResult Deserialize(ReadOnlySpan<byte> utf8Json, ProductTypeKey expectedKey, string etag)
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
        var reader = new Utf8JsonReader(utf8Json);
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
}
