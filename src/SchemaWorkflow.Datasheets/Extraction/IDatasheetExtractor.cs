namespace SchemaWorkflow.Datasheets;

/// <summary>
/// Finds specification pairs in a datasheet's text. The built-in <see cref="LayoutDatasheetExtractor"/> reads
/// <c>Key: value</c> lines, dotted leaders and two-column tables; another (for example one backed by a language model)
/// can be added beside it. Every pair, whoever found it, goes through the same key matching and typed value parsing,
/// so an extractor cannot put prose into a schema.
/// </summary>
public interface IDatasheetExtractor
{
    /// <summary>A short stable name, reported with each specification and part of the generator fingerprint.</summary>
    string Name { get; }

    /// <summary>Finds the pairs of one document.</summary>
    /// <param name="text">The document's text with positions.</param>
    /// <param name="context">The product type, vendor, document and the fields the catalog expects.</param>
    /// <param name="cancellationToken">Cancels extraction.</param>
    /// <returns>The pairs, in document order.</returns>
    ValueTask<IReadOnlyList<SpecificationPair>> ExtractAsync(DatasheetText text, DatasheetExtractionContext context, CancellationToken cancellationToken = default);
}
