using SchemaWorkflow.Generation;

namespace SchemaWorkflow.AI;

/// <summary>
/// Supplies a trusted skeleton for a product type (normally the built-in catalog class). The LLM generator keeps every
/// skeleton field as it is and asks the model only to complete the schema around it.
/// </summary>
public interface ISchemaSkeletonSource
{
    /// <summary>Identifies the skeleton data; part of the generator's fingerprint.</summary>
    string Fingerprint { get; }

    /// <summary>Finds the skeleton of a product type.</summary>
    /// <param name="request">The generation request.</param>
    /// <param name="cancellationToken">Cancels the lookup.</param>
    /// <returns>The skeleton, or null when the type has none.</returns>
    ValueTask<ProductSchema?> GetSkeletonAsync(SchemaGenerationRequest request, CancellationToken cancellationToken = default);
}
