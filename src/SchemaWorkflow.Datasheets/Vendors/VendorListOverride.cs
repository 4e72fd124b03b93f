namespace SchemaWorkflow.Datasheets;

/// <summary>A host's change to the vendor list of one product class.</summary>
/// <param name="ProductType">The canonical product type key, for example <c>pressure_transmitter</c>.</param>
/// <param name="Vendors">Vendor names or ids; a known vendor is matched by id, name or alias, others are added by name.</param>
/// <param name="Replace">True to replace the built-in list; false to append to it.</param>
public sealed record VendorListOverride(string ProductType, IReadOnlyList<string> Vendors, bool Replace);
