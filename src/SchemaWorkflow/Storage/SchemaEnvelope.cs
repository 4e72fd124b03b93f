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

    /// <summary>SHA-256 (lowercase hex) of the schema's serialized JSON.</summary>
    public required string ContentHash { get; init; }

    /// <summary>When the first version of this entry was stored.</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>When this version was stored.</summary>
    public required DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The schema.</summary>
    public required ProductSchema Schema { get; init; }
}
