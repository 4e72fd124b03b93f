namespace SchemaWorkflow.Datasheets;

/// <summary>
/// Where datasheets come from: a local folder (<see cref="LocalFolderDatasheetSource"/>), a list of URLs
/// (<see cref="HttpDatasheetSource"/>), or a host's document system. Implementations are thread-safe.
/// </summary>
public interface IDatasheetSource
{
    /// <summary>A short name reported with each document, for example <c>folder</c>.</summary>
    string Name { get; }

    /// <summary>Names of the vendors this source holds documents for, so vendors missing from the directory are still read.</summary>
    /// <param name="productType">The product type.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>Vendor names or ids as the source spells them.</returns>
    ValueTask<IReadOnlyList<string>> GetVendorNamesAsync(ProductTypeKey productType, CancellationToken cancellationToken = default);

    /// <summary>Lists a vendor's documents that may be about a product type, without fetching them.</summary>
    /// <param name="vendor">The vendor.</param>
    /// <param name="productType">The product type.</param>
    /// <param name="cancellationToken">Cancels the listing.</param>
    /// <returns>The documents, in a stable order; empty when the source has none.</returns>
    ValueTask<IReadOnlyList<DatasheetReference>> DiscoverAsync(DatasheetVendor vendor, ProductTypeKey productType, CancellationToken cancellationToken = default);

    /// <summary>Fetches a document's bytes, enforcing the size limit and checking that it is a PDF or text.</summary>
    /// <param name="reference">A document this source discovered.</param>
    /// <param name="cancellationToken">Cancels the fetch.</param>
    /// <returns>The content.</returns>
    /// <exception cref="DatasheetFetchException">The document cannot be used; its status says why.</exception>
    ValueTask<DatasheetContent> FetchAsync(DatasheetReference reference, CancellationToken cancellationToken = default);
}
