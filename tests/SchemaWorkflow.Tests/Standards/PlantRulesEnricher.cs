using SchemaWorkflow.Enrichment;
using SchemaWorkflow.Standards;

namespace SchemaWorkflow.Tests.Standards;

/// <summary>The host enricher shown in docs/standards-enrichment.md (the docs test checks the page quotes this code).</summary>
public sealed class PlantRulesEnricher(StandardsSchemaEnricher standards) : ISchemaEnricher
{
    public string Name => "plant-rules";

    // Part of the stored fingerprint: bump "1" when the rules change, so stored schemas are regenerated.
    public string Fingerprint => "plant-rules/1+" + standards.Fingerprint;

    public async ValueTask<EnrichmentOutcome> EnrichAsync(ProductSchema schema, EnrichmentContext context, CancellationToken cancellationToken = default)
    {
        // Standards first (concurrent groups, citations, type gate), then the plant's own rule on top.
        var outcome = await standards.EnrichAsync(schema, context, cancellationToken);
        var rule = new FieldValue
        {
            Kind = FieldValueKind.RecommendedDefault,
            Text = "IP66/IP67",
            Label = "plant minimum for outdoor field devices",
            Citations = [new Citation { Source = "PLANT-SPEC 12", Clause = "4.1" }],
        };
        var groups = outcome.Schema.Groups.Select(g => g with
        {
            Fields = [.. g.Fields.Select(f => f.Key == "ingress_protection" && f.AllowedValues.Contains(rule.Text)
                ? f with { Values = [.. f.Values, rule] }
                : f)],
        });
        return outcome with { Schema = outcome.Schema with { Groups = [.. groups] } };
    }
}
