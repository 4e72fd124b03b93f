namespace SchemaWorkflow.Storage;

/// <summary>
/// The persisted form of a schema: the schema inside a versioned envelope that lets a store detect an unknown
/// format, a schema produced by another generator version, or a body that does not match its hash.
/// </summary>
public sealed record SchemaEnvelope
{
    /// <summary>The envelope format this library writes and reads.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The envelope format version.</summary>
    public int FormatVersion { get; init; } = CurrentFormatVersion;

    /// <summary>The canonical key; must equal <see cref="Schema"/>'s key.</summary>
    public required ProductTypeKey Key { get; init; }

    /// <summary>The fingerprint of the generator and enricher that produced the schema.</summary>
    public required string GeneratorFingerprint { get; init; }

    /// <summary>
    /// SHA-256 (lowercase hex) of the exact UTF-8 bytes of the stored <c>schema</c> value. A serializing store sets
    /// it when it writes the entry (see <see cref="Serialization.SchemaEnvelopeSerializer.Serialize(SchemaEnvelope, out string)"/>)
    /// and checks it when it reads the entry back, so an envelope read from a store carries it; an envelope that has
    /// not been through one (from <see cref="Serialization.SchemaEnvelopeSerializer.CreateEnvelope"/>, or kept by the
    /// in-memory store) has none, and a value set by the caller is not trusted: the serializer always writes the hash
    /// of the bytes it writes.
    /// </summary>
    public string? ContentHash { get; init; }

    /// <summary>When the first version of this entry was stored.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When this version was stored.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The schema.</summary>
    public required ProductSchema Schema { get; init; }
}
