namespace SchemaWorkflow.Datasheets;

/// <summary>What happened to one datasheet. Every status but <see cref="Extracted"/> leaves the document out of the schema.</summary>
public enum DocumentStatus
{
    /// <summary>Text was read and at least one specification was extracted.</summary>
    Extracted,

    /// <summary>Text was read but held no specification the extractors recognised.</summary>
    NoSpecifications,

    /// <summary>A vendor-wide document whose title names another product type.</summary>
    NotForProductType,

    /// <summary>A PDF without a text layer (a scan or pictures only); it needs OCR first.</summary>
    NoText,

    /// <summary>A PDF that could not be parsed (corrupt, truncated, encrypted).</summary>
    Unreadable,

    /// <summary>Content that is neither a PDF nor plain text (an HTML page, a binary file).</summary>
    NotADatasheet,

    /// <summary>Larger than the size limit; rejected before it was read whole.</summary>
    TooLarge,

    /// <summary>The file or URL does not exist (404, 410).</summary>
    NotFound,

    /// <summary>The download did not finish within its timeout and was cancelled.</summary>
    TimedOut,

    /// <summary>Any other failure: a refused request, an I/O error, a transient fault that outlasted its retries.</summary>
    Failed,

    /// <summary>Not fetched because the vendor already had the most documents allowed.</summary>
    Skipped,
}
