using SchemaWorkflow.Generation;

namespace SchemaWorkflow.AI;

/// <summary>
/// Supplies extracts of vendor datasheets for a product type, which the LLM generator passes to the model as context
/// (as untrusted data). Register one with <c>UseDatasheetContext</c>; without one the model sees no datasheets.
/// </summary>
public interface IDatasheetContextProvider
{
    /// <summary>Finds datasheet extracts for a product type.</summary>
    /// <param name="request">The generation request.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The extracts, most relevant first; the generator keeps the first few within its character budget.</returns>
    ValueTask<IReadOnlyList<DatasheetExtract>> GetExtractsAsync(SchemaGenerationRequest request, CancellationToken cancellationToken = default);
}

/// <summary>A piece of a vendor datasheet.</summary>
/// <param name="Source">The document it comes from, for example "Vendor X TT-200 datasheet rev. 3"; recorded in the schema's provenance.</param>
/// <param name="Text">The extracted text (specification tables as plain text work best).</param>
public sealed record DatasheetExtract(string Source, string Text);
