namespace SchemaWorkflow.Datasheets;

/// <summary>The bytes of a fetched datasheet, checked to be a PDF or text and within the size limit.</summary>
public sealed record DatasheetContent
{
    /// <summary>The document fetched.</summary>
    public required DatasheetReference Reference { get; init; }

    /// <summary>What the bytes hold.</summary>
    public required DatasheetContentKind Kind { get; init; }

    /// <summary>The bytes.</summary>
    public required ReadOnlyMemory<byte> Bytes { get; init; }

    /// <summary>True when the bytes came from the source's disk cache instead of the network.</summary>
    public bool FromCache { get; init; }

    /// <summary>How many attempts the fetch took (1 when the first succeeded, 0 from the cache).</summary>
    public int Attempts { get; init; } = 1;
}
