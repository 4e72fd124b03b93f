using SchemaWorkflow.Enrichment;

namespace SchemaWorkflow.Testing;

/// <summary>An enricher that adds one cited value to every enum field, counting calls; can throw or hang.</summary>
public sealed class FakeSchemaEnricher : ISchemaEnricher
{
    private int _calls;

    public string Name => "fake-enricher";

    public string Fingerprint { get; set; } = "fake-enricher/1";

    public bool Throw { get; set; }

    public Task? Gate { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public async ValueTask<EnrichmentOutcome> EnrichAsync(ProductSchema schema, EnrichmentContext context, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        if (Gate is { } gate)
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        if (Throw)
        {
            throw new InvalidOperationException("The fake enricher failed on purpose.");
        }

        var groups = schema.Groups.Select(g => g with
        {
            Fields = g.Fields.Select(f => f.DataType != FieldDataType.Enum ? f : f with
            {
                Values = [new FieldValue { Kind = FieldValueKind.AllowedValues, AllowedValues = [f.AllowedValues[0]], Citations = [new Citation { Source = "TEST 1", Clause = "1.1" }] }],
            }).ToList(),
        }).ToList();
        var report = new EnrichmentReport
        {
            Enricher = Name,
            Groups = [.. schema.Groups.Select(g => new GroupEnrichmentReport { Group = g.Key, FieldsPopulated = g.Fields.Count(f => f.DataType == FieldDataType.Enum) })],
        };
        return new EnrichmentOutcome(schema with { Groups = groups }, report);
    }
}
