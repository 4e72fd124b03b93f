namespace SchemaWorkflow.Datasheets;

/// <summary>Where a specification was read: vendor, document and page.</summary>
/// <param name="Vendor">The vendor.</param>
/// <param name="Document">The document name, for example <c>PT-3000.pdf</c>.</param>
/// <param name="Page">The page number, from 1.</param>
/// <param name="Location">The file path or URL the document was read from.</param>
public sealed record SpecificationProvenance(DatasheetVendor Vendor, string Document, int Page, string Location)
{
    /// <summary>The source of a citation: <c>"&lt;vendor&gt; &lt;document&gt;"</c>.</summary>
    public string Source => $"{Vendor.Name} {Document}";

    /// <summary>The clause of a citation: <c>"p. N"</c>.</summary>
    public string Clause => $"p. {Page}";
}
