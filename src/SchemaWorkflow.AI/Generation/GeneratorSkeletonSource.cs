using SchemaWorkflow.Generation;

namespace SchemaWorkflow.AI;

/// <summary>
/// Uses another generator (such as the catalog generator) as the skeleton source: its schema is the skeleton, and a
/// <see cref="ProductTypeNotSupportedException"/> means "no skeleton".
/// </summary>
public sealed class GeneratorSkeletonSource : ISchemaSkeletonSource
{
    private readonly ISchemaGenerator _generator;

    /// <summary>Creates the source.</summary>
    /// <param name="generator">The generator whose schemas are skeletons.</param>
    public GeneratorSkeletonSource(ISchemaGenerator generator)
    {
        ArgumentNullException.ThrowIfNull(generator);
        _generator = generator;
    }

    /// <inheritdoc />
    public string Fingerprint => _generator.Fingerprint;

    /// <inheritdoc />
    public async ValueTask<ProductSchema?> GetSkeletonAsync(SchemaGenerationRequest request, CancellationToken cancellationToken = default)
    {
        try
        {
            return await _generator.GenerateAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (ProductTypeNotSupportedException)
        {
            return null;
        }
    }
}
