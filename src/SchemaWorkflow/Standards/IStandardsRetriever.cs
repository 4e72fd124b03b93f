namespace SchemaWorkflow.Standards;

/// <summary>
/// Finds the facts that speak about the fields of one field group. The built-in
/// <see cref="StandardsKnowledgeBase"/> answers from memory; a host can answer from a search service or a vector
/// index and still get the enricher's typing, type gate, citations and per-group isolation.
/// </summary>
public interface IStandardsRetriever
{
    /// <summary>Finds facts for the fields of one group.</summary>
    /// <param name="query">The product type and the group's fields.</param>
    /// <param name="cancellationToken">Cancels retrieval (the per-group timeout included).</param>
    /// <returns>The matches; each names the field it is for.</returns>
    ValueTask<IReadOnlyList<FactMatch>> RetrieveAsync(StandardsQuery query, CancellationToken cancellationToken = default);
}

/// <summary>What the enricher asks for: the facts about the fields of one group of one product type.</summary>
public sealed record StandardsQuery
{
    /// <summary>The product type (catalog class key).</summary>
    public required ProductTypeKey ProductType { get; init; }

    /// <summary>The product type's display name, used for lexical matching.</summary>
    public required string ProductDisplayName { get; init; }

    /// <summary>The group key.</summary>
    public required string Group { get; init; }

    /// <summary>The fields of the group.</summary>
    public required IReadOnlyList<SchemaField> Fields { get; init; }
}

/// <summary>How a fact was found for a field.</summary>
public enum FactMatchKind
{
    /// <summary>The fact lists the product type (or <c>*</c>) and the field key.</summary>
    Direct,

    /// <summary>Ranked by text relevance for a field with no direct fact; only payload items written for the field key apply.</summary>
    Lexical,
}

/// <summary>A fact found for one field.</summary>
/// <param name="Fact">The fact.</param>
/// <param name="FieldKey">The field key it was found for; only payload items whose field equals it are applied.</param>
/// <param name="Kind">How it was found.</param>
/// <param name="Score">The relevance score (1 for direct matches).</param>
public sealed record FactMatch(StandardsFact Fact, string FieldKey, FactMatchKind Kind, double Score);
