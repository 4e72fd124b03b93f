namespace SchemaWorkflow.Storage;

/// <summary>What a store read found.</summary>
public enum StoreReadStatus
{
    /// <summary>No entry for the key.</summary>
    NotFound,

    /// <summary>A valid entry.</summary>
    Found,

    /// <summary>An entry that could not be read (bad JSON, wrong hash, too large, wrong key): a miss to be replaced.</summary>
    Corrupt,

    /// <summary>An entry in a format version this library does not read: a miss to be replaced.</summary>
    UnknownFormat,
}

/// <summary>The result of <see cref="ISchemaStore.GetAsync"/>.</summary>
public sealed record StoreReadResult
{
    /// <summary>A shared "not found" result.</summary>
    public static StoreReadResult NotFound { get; } = new() { Status = StoreReadStatus.NotFound };

    /// <summary>What was found.</summary>
    public required StoreReadStatus Status { get; init; }

    /// <summary>The envelope, when <see cref="Status"/> is <see cref="StoreReadStatus.Found"/>.</summary>
    public SchemaEnvelope? Envelope { get; init; }

    /// <summary>The entry's version tag, for a conditional replace; set for Found, Corrupt and UnknownFormat when the entry still exists.</summary>
    public string? ETag { get; init; }

    /// <summary>For Corrupt and UnknownFormat: what was wrong, as a sentence.</summary>
    public string? Problem { get; init; }

    /// <summary>Creates a Found result.</summary>
    /// <param name="envelope">The envelope.</param>
    /// <param name="etag">Its version tag.</param>
    /// <returns>The result.</returns>
    public static StoreReadResult Found(SchemaEnvelope envelope, string etag) =>
        new() { Status = StoreReadStatus.Found, Envelope = envelope, ETag = etag };
}

/// <summary>The precondition of a store write.</summary>
public readonly record struct WriteCondition
{
    /// <summary>Create only when no entry exists.</summary>
    public static WriteCondition IfNotExists => default;

    /// <summary>Replace only when the entry still has <paramref name="etag"/>.</summary>
    /// <param name="etag">The version tag read before.</param>
    /// <returns>The condition.</returns>
    public static WriteCondition IfMatch(string etag)
    {
        ArgumentException.ThrowIfNullOrEmpty(etag);
        return new WriteCondition { ETag = etag };
    }

    /// <summary>The version tag to match, or null for create-if-absent.</summary>
    public string? ETag { get; init; }

    /// <summary>True for create-if-absent.</summary>
    public bool IsCreate => ETag is null;
}

/// <summary>What a store write did.</summary>
public enum StoreWriteStatus
{
    /// <summary>The entry was written.</summary>
    Written,

    /// <summary>The precondition failed: another writer created or changed the entry first. Nothing was overwritten.</summary>
    Conflict,
}

/// <summary>The result of <see cref="ISchemaStore.WriteAsync"/>.</summary>
/// <param name="Status">What happened.</param>
/// <param name="ETag">The new version tag when written.</param>
public sealed record StoreWriteResult(StoreWriteStatus Status, string? ETag);

/// <summary>A stored entry as listed.</summary>
/// <param name="Key">The key.</param>
/// <param name="ETag">Its version tag.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="LastModified">When it was last written.</param>
public sealed record StoredSchemaInfo(ProductTypeKey Key, string ETag, long Size, DateTimeOffset LastModified);
