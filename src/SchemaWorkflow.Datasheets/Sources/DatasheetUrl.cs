namespace SchemaWorkflow.Datasheets;

/// <summary>A datasheet URL: which vendor published it and which product type it is about.</summary>
/// <param name="Vendor">The vendor's name or id, matched against the vendor directory by id, name or alias.</param>
/// <param name="ProductType">The canonical product type key, for example <c>pressure_transmitter</c>.</param>
/// <param name="Url">An absolute http or https URL of a PDF or plain-text datasheet.</param>
public sealed record DatasheetUrl(string Vendor, string ProductType, Uri Url);
