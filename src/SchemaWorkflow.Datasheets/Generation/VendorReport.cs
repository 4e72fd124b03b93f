namespace SchemaWorkflow.Datasheets;

/// <summary>What happened to one vendor: its documents and, when it failed, why.</summary>
public sealed record VendorReport
{
    /// <summary>The vendor.</summary>
    public required DatasheetVendor Vendor { get; init; }

    /// <summary>Its documents, in discovery order.</summary>
    public IReadOnlyList<DocumentReport> Documents { get; init; } = [];

    /// <summary>
    /// Why the vendor failed: discovery threw, or every document it had failed. Null when at least one document was
    /// used, or when the vendor simply had no datasheets.
    /// </summary>
    public string? Error { get; init; }

    /// <summary>True when at least one of its documents contributed specifications.</summary>
    public bool Used => Documents.Any(static d => d.Status == DocumentStatus.Extracted);
}
