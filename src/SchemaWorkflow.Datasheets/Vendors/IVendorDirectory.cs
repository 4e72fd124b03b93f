namespace SchemaWorkflow.Datasheets;

/// <summary>
/// Says which vendors make a product class. The default is <see cref="EmbeddedVendorDirectory"/> (a data file of
/// well-known instrument vendors per class); a host registers its own (approved-vendor lists, a purchasing system) to
/// replace it.
/// </summary>
public interface IVendorDirectory
{
    /// <summary>The directory's data version, part of the generator fingerprint.</summary>
    string Version { get; }

    /// <summary>The vendors of a product class, in the order they should be tried.</summary>
    /// <param name="productType">The canonical product type.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The vendors; empty when the directory knows none.</returns>
    ValueTask<IReadOnlyList<DatasheetVendor>> GetVendorsAsync(ProductTypeKey productType, CancellationToken cancellationToken = default);
}
