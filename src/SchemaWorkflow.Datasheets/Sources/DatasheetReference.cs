namespace SchemaWorkflow.Datasheets;

/// <summary>A datasheet a source can fetch: which vendor, what document, where it lives. Immutable.</summary>
public sealed record DatasheetReference
{
    /// <summary>The name of the source that found it, for example <c>folder</c> or <c>http</c>.</summary>
    public required string Source { get; init; }

    /// <summary>The vendor the document belongs to.</summary>
    public required DatasheetVendor Vendor { get; init; }

    /// <summary>The document's name as cited, usually its file name, for example <c>PT-3000.pdf</c>.</summary>
    public required string Document { get; init; }

    /// <summary>Where it lives: a file path or a URL.</summary>
    public required string Location { get; init; }

    /// <summary>
    /// True when the source knows the document is about the requested product type (a class sub-folder, a URL listed
    /// for the class); false for a vendor-wide folder, whose documents are classified by their title.
    /// </summary>
    public bool IsForProductType { get; init; }

    /// <summary>The size in bytes when the source knows it before fetching.</summary>
    public long? Length { get; init; }

    /// <summary>How the document is cited: <c>"&lt;vendor&gt; &lt;document&gt;"</c>.</summary>
    public string CitationSource => $"{Vendor.Name} {Document}";
}
