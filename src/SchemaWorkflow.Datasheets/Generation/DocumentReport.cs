namespace SchemaWorkflow.Datasheets;

/// <summary>What happened to one datasheet: its status, size, what was extracted and what was rejected.</summary>
public sealed record DocumentReport
{
    /// <summary>The document.</summary>
    public required DatasheetReference Document { get; init; }

    /// <summary>The outcome.</summary>
    public required DocumentStatus Status { get; init; }

    /// <summary>Why the document was not used, a sentence; null when it was.</summary>
    public string? Error { get; init; }

    /// <summary>The bytes fetched (0 when the fetch failed).</summary>
    public long Bytes { get; init; }

    /// <summary>Pages read.</summary>
    public int Pages { get; init; }

    /// <summary>True when the bytes came from the source's cache.</summary>
    public bool FromCache { get; init; }

    /// <summary>Fetch attempts made (retries included; 0 from a cache).</summary>
    public int Attempts { get; init; }

    /// <summary>Pairs the extractors found (before mapping).</summary>
    public int PairsFound { get; init; }

    /// <summary>Specifications mapped to a field or a candidate field and parsed to its type.</summary>
    public IReadOnlyList<ExtractedSpecification> Specifications { get; init; } = [];

    /// <summary>Pairs found but not used, each with the reason.</summary>
    public IReadOnlyList<RejectedSpecification> Rejected { get; init; } = [];

    /// <summary>Extractors that failed on this document, each a sentence; the others' pairs were still used.</summary>
    public IReadOnlyList<string> ExtractorErrors { get; init; } = [];

    /// <summary>The time the fetch took.</summary>
    public TimeSpan DownloadDuration { get; init; }

    /// <summary>The time reading and extraction took.</summary>
    public TimeSpan ExtractDuration { get; init; }
}
