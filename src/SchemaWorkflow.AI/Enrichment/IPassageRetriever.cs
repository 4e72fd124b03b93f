namespace SchemaWorkflow.AI;

/// <summary>
/// Finds standards passages for the fields of one field group: a search service, a vector index, or the built-in
/// standards knowledge base. The retrieval enricher lets the model cite only the passages returned here.
/// </summary>
public interface IPassageRetriever
{
    /// <summary>Identifies the corpus and its version; part of the enricher's fingerprint.</summary>
    string Fingerprint { get; }

    /// <summary>Finds passages for one group.</summary>
    /// <param name="query">The product type, the group and its fields.</param>
    /// <param name="cancellationToken">Cancels retrieval (the per-group timeout included).</param>
    /// <returns>The passages, best first; ids must be unique within the list.</returns>
    ValueTask<IReadOnlyList<StandardsPassage>> RetrieveAsync(PassageQuery query, CancellationToken cancellationToken = default);
}

/// <summary>What the enricher asks a retriever for.</summary>
public sealed record PassageQuery
{
    /// <summary>The product type.</summary>
    public required ProductTypeKey ProductType { get; init; }

    /// <summary>The product type's display name.</summary>
    public required string ProductDisplayName { get; init; }

    /// <summary>The group key.</summary>
    public required string Group { get; init; }

    /// <summary>The fields of the group.</summary>
    public required IReadOnlyList<SchemaField> Fields { get; init; }

    /// <summary>The most passages wanted.</summary>
    public int MaxPassages { get; init; } = 12;
}

/// <summary>A retrieved passage of a standard (or of another cited source).</summary>
public sealed record StandardsPassage
{
    /// <summary>A stable id, cited by the model and stored as <see cref="Citation.FactId"/>.</summary>
    public required string Id { get; init; }

    /// <summary>The source, for example <c>IEC 60751:2022</c>; stored as <see cref="Citation.Source"/>.</summary>
    public required string Source { get; init; }

    /// <summary>The clause, table or page, when known.</summary>
    public string? Clause { get; init; }

    /// <summary>The passage text the model reads (treated as untrusted data).</summary>
    public required string Text { get; init; }
}
