using System.Globalization;
using System.Text;
using SchemaWorkflow.Standards;

namespace SchemaWorkflow.AI;

/// <summary>
/// The default passage retriever: the built-in standards knowledge base (or any core <see cref="IStandardsRetriever"/>),
/// one passage per fact. A passage's text is the fact's statement followed by the values it states, so the model
/// can type them; its id is the fact id, which the enricher stores as <see cref="Citation.FactId"/>.
/// </summary>
public sealed class KnowledgeBasePassageRetriever : IPassageRetriever
{
    private readonly StandardsKnowledgeBase _knowledgeBase;
    private readonly IStandardsRetriever _retriever;

    /// <summary>Creates the retriever.</summary>
    /// <param name="knowledgeBase">The knowledge base (for editions, version and content hash).</param>
    /// <param name="retriever">Finds facts per group; null uses the knowledge base itself.</param>
    public KnowledgeBasePassageRetriever(StandardsKnowledgeBase knowledgeBase, IStandardsRetriever? retriever = null)
    {
        ArgumentNullException.ThrowIfNull(knowledgeBase);
        _knowledgeBase = knowledgeBase;
        _retriever = retriever ?? knowledgeBase;
        Fingerprint = $"kb.{knowledgeBase.Version}.{knowledgeBase.ContentHash}" +
                      (ReferenceEquals(_retriever, knowledgeBase) ? string.Empty : "+" + _retriever.GetType().Name);
    }

    /// <inheritdoc />
    public string Fingerprint { get; }

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<StandardsPassage>> RetrieveAsync(PassageQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        var matches = await _retriever.RetrieveAsync(
            new StandardsQuery { ProductType = query.ProductType, ProductDisplayName = query.ProductDisplayName, Group = query.Group, Fields = query.Fields },
            cancellationToken).ConfigureAwait(false);
        return matches
            .OrderBy(static m => m.Kind == FactMatchKind.Direct ? 0 : 1)
            .ThenByDescending(static m => m.Score)
            .Select(static m => m.Fact)
            .DistinctBy(static f => f.Id, StringComparer.Ordinal)
            .Take(query.MaxPassages)
            .Select(ToPassage)
            .ToList();
    }

    private StandardsPassage ToPassage(StandardsFact fact)
    {
        var edition = fact.Edition ?? (_knowledgeBase.TryGetStandard(fact.Standard, out var standard) ? standard.Edition : null);
        var text = new StringBuilder(fact.Statement);
        if (fact.Payload.Count > 0)
        {
            text.Append(" Stated values:");
            foreach (var p in fact.Payload)
            {
                text.Append(' ').Append(p.Field).Append(": ").Append(Describe(p)).Append(';');
            }
        }

        return new StandardsPassage
        {
            Id = fact.Id,
            Source = edition is null ? fact.Standard : $"{fact.Standard}:{edition}",
            Clause = fact.Clause,
            Text = text.ToString(),
        };
    }

    private static string Describe(FactPayload p)
    {
        var unit = p.Unit is null ? string.Empty : " " + p.Unit;
        var label = p.Label is null ? string.Empty : $" ({p.Label})";
        return p.Kind switch
        {
            FieldValueKind.AllowedValues => "allowed values " + string.Join(", ", p.Values) + label,
            FieldValueKind.Range => $"range {Number(p.Min)}..{Number(p.Max)}{unit}{label}",
            FieldValueKind.Limit => $"limit {Number(p.Number)}{unit}{label}",
            FieldValueKind.RecommendedDefault => "recommended default " + (p.Text ?? Number(p.Number) + unit) + label,
            FieldValueKind.Formula => "formula " + p.Formula + label,
            _ => p.Kind.ToString(),
        };
    }

    private static string Number(double? value) => value is { } v ? v.ToString("G", CultureInfo.InvariantCulture) : "…";
}
