namespace SchemaWorkflow.Generation;

/// <summary>
/// Builds a schema for a product type: the offline catalog, an LLM, vendor datasheets. A generator that does not
/// know a type throws <see cref="ProductTypeNotSupportedException"/> so the fallback chain tries the next one.
/// </summary>
public interface ISchemaGenerator
{
    /// <summary>A short stable name, for example <c>catalog</c>; reported in results.</summary>
    string Name { get; }

    /// <summary>
    /// Name, version and data version, for example <c>catalog/1.0+data.2026.11</c>. Stored with every schema so an
    /// upgrade that changes output is detected and the stored copy regenerated.
    /// </summary>
    string Fingerprint { get; }

    /// <summary>Generates a schema.</summary>
    /// <param name="request">What to generate.</param>
    /// <param name="cancellationToken">Cancels generation (timeouts included).</param>
    /// <returns>The schema, un-enriched.</returns>
    ValueTask<ProductSchema> GenerateAsync(SchemaGenerationRequest request, CancellationToken cancellationToken = default);
}

/// <summary>What a generator is asked to build.</summary>
public sealed record SchemaGenerationRequest
{
    /// <summary>The canonical key.</summary>
    public required ProductTypeKey Key { get; init; }

    /// <summary>The text the user wrote.</summary>
    public required string RequestedName { get; init; }

    /// <summary>Option qualifiers the resolver found in the text (e.g. <c>output_signal=4-20 mA HART</c>).</summary>
    public IReadOnlyList<ResolutionHint> Hints { get; init; } = [];

    /// <summary>The strategy to use for any internal fan-out.</summary>
    public required IExecutionStrategy Strategy { get; init; }

    /// <summary>The fan-out limit for any internal fan-out.</summary>
    public int MaxConcurrency { get; init; } = 4;
}
