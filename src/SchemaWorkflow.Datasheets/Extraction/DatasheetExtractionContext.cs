namespace SchemaWorkflow.Datasheets;

/// <summary>What an extractor knows about the document it reads.</summary>
public sealed record DatasheetExtractionContext
{
    /// <summary>The product type being generated.</summary>
    public required ProductTypeKey ProductType { get; init; }

    /// <summary>The vendor of the document.</summary>
    public required DatasheetVendor Vendor { get; init; }

    /// <summary>The document.</summary>
    public required DatasheetReference Document { get; init; }

    /// <summary>The fields of the product type's catalog class (empty when the class is not in the catalog).</summary>
    public IReadOnlyList<SchemaField> Fields { get; init; } = [];
}
