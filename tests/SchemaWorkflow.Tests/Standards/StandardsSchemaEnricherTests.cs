using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using SchemaWorkflow.Quality;
using SchemaWorkflow.Standards;
using static SchemaWorkflow.Tests.Standards.StandardsTestSupport;

namespace SchemaWorkflow.Tests.Standards;

public class StandardsSchemaEnricherTests
{
    [Fact]
    public void Name_and_fingerprint_carry_the_knowledge_base_version()
    {
        var enricher = new StandardsSchemaEnricher();

        Assert.Equal("standards", enricher.Name);
        Assert.Equal($"standards/1.0+kb.{StandardsKnowledgeBase.Embedded.Version}.{StandardsKnowledgeBase.Embedded.ContentHash}", enricher.Fingerprint);
        Assert.StartsWith("standards/1.0+kb.", enricher.Fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public void Fingerprint_changes_with_knowledge_base_content_and_with_a_host_retriever()
    {
        var a = new StandardsSchemaEnricher(Kb());
        var b = new StandardsSchemaEnricher(Kb(Extension($"[{Fact("x.more", """[{ "kind": "formula", "field": "widget_code", "formula": "W = 1" }]""")}]")));
        var c = new StandardsSchemaEnricher(Kb(), new ScriptedRetriever(Kb()));

        Assert.NotEqual(a.Fingerprint, b.Fingerprint);
        Assert.EndsWith("+retriever.ScriptedRetriever", c.Fingerprint, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Allowed_values_are_narrowed_to_the_fields_own_spelling_case_insensitively()
    {
        var schema = Schema("widget", Enum("widget_code", FieldGroups.Performance, "w1", "W3", "W9"));

        var outcome = await new StandardsSchemaEnricher(Kb()).EnrichAsync(schema, Context());

        var value = Assert.Single(outcome.Schema.Field("widget_code").Values);
        Assert.Equal(FieldValueKind.AllowedValues, value.Kind);
        Assert.Equal(["w1", "W3"], value.AllowedValues);
        Assert.Equal("widget codes", value.Label);
        var citation = Assert.Single(value.Citations);
        Assert.Equal("STD A:2020", citation.Source);
        Assert.Equal("4.2", citation.Clause);
        Assert.Equal("a.codes", citation.FactId);
        Assert.Equal("Widget codes are W1, W2 and W3.", citation.Note);
        Assert.Equal(0.95, value.Confidence);
    }

    [Fact]
    public async Task An_allowed_value_set_with_no_overlap_is_dropped()
    {
        var schema = Schema("widget", Enum("widget_code", FieldGroups.Performance, "X1", "X2"));

        var outcome = await new StandardsSchemaEnricher(Kb()).EnrichAsync(schema, Context());

        Assert.Empty(outcome.Schema.Field("widget_code").Values);
        Assert.Empty(outcome.Report.Groups.Single().Rejected);
        Assert.Empty(outcome.Report.Groups.Single().FactsUsed);
    }

    [Fact]
    public async Task Value_spellings_compare_ignoring_case_spaces_dashes_and_number_format()
    {
        var facts = $"[{Fact("x.spell", """[{ "kind": "allowedValues", "field": "widget_code", "values": ["4-20 mA HART", "PN 40", "1", "ip66/ip67"] }]""")}]";
        var schema = Schema("widget", Enum("widget_code", FieldGroups.Performance, "4–20 mA HART", "PN40", "1.0", "IP66/IP67", "2.5"));

        var outcome = await new StandardsSchemaEnricher(Kb(Extension(facts))).EnrichAsync(schema, Context());

        var narrowed = outcome.Schema.Field("widget_code").Values.Single(static v => v.Citations[0].FactId == "x.spell");
        Assert.Equal(["4–20 mA HART", "PN40", "1.0", "IP66/IP67"], narrowed.AllowedValues);
    }

    [Fact]
    public async Task Ranges_apply_only_in_a_unit_the_field_accepts()
    {
        var celsius = Schema("widget", Range("widget_range", FieldGroups.ProcessParameters, "°C"));
        var accepted = Schema("widget", Range("widget_range", FieldGroups.ProcessParameters, "K", "°C"));
        var pressure = Schema("widget", Range("widget_range", FieldGroups.ProcessParameters, "bar"));
        var enricher = new StandardsSchemaEnricher(Kb());

        var a = (await enricher.EnrichAsync(celsius, Context())).Schema.Field("widget_range").Values;
        var b = (await enricher.EnrichAsync(accepted, Context())).Schema.Field("widget_range").Values;
        var c = (await enricher.EnrichAsync(pressure, Context())).Schema.Field("widget_range").Values;

        Assert.Equal(new NumericRange { Min = 0, Max = 100, Unit = "°C" }, Assert.Single(a).Range);
        Assert.Single(b);
        Assert.Empty(c);
    }

    [Fact]
    public async Task Limits_defaults_and_formulas_become_typed_values()
    {
        var facts = $"[{Fact("x.typed", """
            [ { "kind": "limit", "field": "widget_code", "number": 3.6, "unit": "mA", "label": "downscale at most" },
              { "kind": "default", "field": "widget_code", "text": "w2", "label": "usual" },
              { "kind": "formula", "field": "widget_code", "formula": "I = 4 + 16·x", "label": "scaling" } ]
            """)}]";
        var schema = Schema("widget", Enum("widget_code", FieldGroups.Electrical, "W1", "W2"));

        var outcome = await new StandardsSchemaEnricher(Kb(Extension(facts))).EnrichAsync(schema, Context());

        var values = outcome.Schema.Field("widget_code").Values;
        Assert.Contains(values, static v => v is { Kind: FieldValueKind.Limit, Number: 3.6, Unit: "mA", Label: "downscale at most" });
        Assert.Contains(values, static v => v is { Kind: FieldValueKind.RecommendedDefault, Text: "W2" });
        Assert.Contains(values, static v => v is { Kind: FieldValueKind.Formula, Formula: "I = 4 + 16·x" });
        Assert.All(values, v => Assert.Null(SchemaQualityGate.ValidateValue(outcome.Schema.Field("widget_code"), v)));
    }

    [Fact]
    public async Task A_default_that_is_not_one_of_the_fields_values_is_not_applied()
    {
        var facts = $"[{Fact("x.default", """[{ "kind": "default", "field": "widget_code", "text": "W7" }]""")}]";
        var schema = Schema("widget", Enum("widget_code", FieldGroups.Electrical, "W1", "W2"));

        var outcome = await new StandardsSchemaEnricher(Kb(Extension(facts))).EnrichAsync(schema, Context());

        Assert.DoesNotContain(outcome.Schema.Field("widget_code").Values, static v => v.Kind == FieldValueKind.RecommendedDefault);
    }

    [Fact]
    public async Task Values_that_fail_the_type_gate_are_rejected_reported_and_logged_never_stored()
    {
        var junk = new StandardsFact
        {
            Id = "host.junk", Standard = "STD A", Statement = "A host fact with scraped prose.", File = "host", Classes = ["*"], Fields = ["notes"], Confidence = 0.9,
            Payload = [new FactPayload { Kind = FieldValueKind.AllowedValues, Field = "notes", Values = ["**: I don't have information about this"] },
                       new FactPayload { Kind = FieldValueKind.Formula, Field = "notes", Formula = "N = 2·M" }],
        };
        var retriever = new FixedRetriever([new FactMatch(junk, "notes", FactMatchKind.Direct, 1)]);
        var logs = new FakeLogCollector();
        using var loggerFactory = LoggerFactory.Create(b => b.AddProvider(new FakeLoggerProvider(logs)));
        var enricher = new StandardsSchemaEnricher(Kb(), retriever, loggerFactory.CreateLogger<StandardsSchemaEnricher>());
        var schema = Schema("widget", Text("notes", FieldGroups.Compliance));

        var outcome = await enricher.EnrichAsync(schema, Context());

        var field = outcome.Schema.Field("notes");
        var stored = Assert.Single(field.Values);
        Assert.Equal(FieldValueKind.Formula, stored.Kind);
        var report = outcome.Report.Groups.Single();
        var rejected = Assert.Single(report.Rejected);
        Assert.Contains("host.junk", rejected, StringComparison.Ordinal);
        Assert.Contains("notes", rejected, StringComparison.Ordinal);
        Assert.Contains(logs.GetSnapshot(), static r => r.Id.Id == 4101 && r.Level == LogLevel.Warning && r.Message.Contains("host.junk", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_payload_is_never_attached_to_a_field_it_was_not_written_for()
    {
        var fact = new StandardsFact
        {
            Id = "host.other", Standard = "STD A", Statement = "Values for another field.", File = "host", Classes = ["*"], Fields = ["widget_code"], Confidence = 0.9,
            Payload = [new FactPayload { Kind = FieldValueKind.AllowedValues, Field = "widget_code", Values = ["W1"] }],
        };

        // A retriever that (wrongly) offers the fact for another field must not get its values attached there.
        var retriever = new FixedRetriever([new FactMatch(fact, "enclosure", FactMatchKind.Lexical, 5)]);
        var schema = Schema("widget", Enum("enclosure", FieldGroups.Mechanical, "W1", "E1"));

        var outcome = await new StandardsSchemaEnricher(Kb(), retriever).EnrichAsync(schema, Context());

        Assert.Empty(outcome.Schema.Field("enclosure").Values);
    }

    [Fact]
    public async Task Lexical_matches_carry_lower_confidence_and_say_how_they_were_found()
    {
        var facts = """
            [ { "id": "tc.classes", "standard": "STD A", "statement": "Thermocouple tolerance classes are 1, 2 and 3.",
                "classes": ["thermocouple"], "fields": ["tolerance_class"], "keywords": ["thermocouple"],
                "confidence": 0.9, "verification": "V",
                "payload": [ { "kind": "allowedValues", "field": "tolerance_class", "values": ["class 1", "class 2", "class 3"] } ] } ]
            """;
        var schema = Schema("multipoint_thermocouple_assembly", Enum("tolerance_class", FieldGroups.ProcessParameters, "class 1", "class 2", "A"));

        var outcome = await new StandardsSchemaEnricher(Kb(Extension(facts))).EnrichAsync(schema, Context());

        var value = Assert.Single(outcome.Schema.Field("tolerance_class").Values);
        Assert.Equal(["class 1", "class 2"], value.AllowedValues);
        Assert.Equal(0.9 * 0.85, value.Confidence, 6);
        Assert.StartsWith("Matched by text relevance", value.Citations[0].Note, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_statement_from_two_facts_becomes_one_value_with_two_citations()
    {
        var facts = $"[{Fact("x.twin", """[{ "kind": "allowedValues", "field": "widget_code", "values": ["W1", "W2", "W3"] }]""")}]";
        var schema = Schema("widget", Enum("widget_code", FieldGroups.Performance, "W1", "W2"));

        var outcome = await new StandardsSchemaEnricher(Kb(Extension(facts))).EnrichAsync(schema, Context());

        var value = Assert.Single(outcome.Schema.Field("widget_code").Values);
        Assert.Equal(["a.codes", "x.twin"], value.Citations.Select(static c => c.FactId));
    }

    [Fact]
    public async Task Existing_values_are_kept_and_the_input_schema_is_not_changed()
    {
        var existing = new FieldValue { Kind = FieldValueKind.Formula, Formula = "vendor rule", Citations = [new Citation { Source = "Vendor TI" }] };
        var schema = Schema("widget", Enum("widget_code", FieldGroups.Performance, "W1") with { Values = [existing] });

        var outcome = await new StandardsSchemaEnricher(Kb()).EnrichAsync(schema, Context());

        Assert.Equal(2, outcome.Schema.Field("widget_code").Values.Count);
        Assert.Same(existing, outcome.Schema.Field("widget_code").Values[0]);
        Assert.Single(schema.Field("widget_code").Values);
    }

    [Fact]
    public async Task Applicable_standards_list_why_they_apply_and_which_fields_they_supply()
    {
        var schema = Schema("widget", Enum("widget_code", FieldGroups.Performance, "W1"), Enum("enclosure", FieldGroups.Mechanical, "E1"), Text("colour", FieldGroups.Mechanical));

        var outcome = await new StandardsSchemaEnricher(Kb()).EnrichAsync(schema, Context());

        var a = outcome.Schema.Standards.Single(static s => s.Standard == "STD A:2020");
        Assert.Equal("Standard A", a.Title);
        Assert.Equal("Defines widget codes for widgets.", a.Reason);
        Assert.Equal(["widget_code"], a.Fields);
        Assert.Equal(["enclosure"], outcome.Schema.Standards.Single(static s => s.Standard == "STD B").Fields);
    }

    [Fact]
    public async Task A_standard_listing_the_class_is_applicable_even_without_supplied_fields()
    {
        var schema = Schema("widget", Text("colour", FieldGroups.Mechanical));

        var outcome = await new StandardsSchemaEnricher(Kb()).EnrichAsync(schema, Context());

        var a = Assert.Single(outcome.Schema.Standards);
        Assert.Equal("STD A:2020", a.Standard);
        Assert.Empty(a.Fields);
    }

    [Fact]
    public async Task Report_counts_fields_facts_and_time_per_group_in_group_order()
    {
        var schema = Schema("widget", Enum("widget_code", FieldGroups.Performance, "W1"), Range("widget_range", FieldGroups.Performance, "°C"), Enum("enclosure", FieldGroups.Mechanical, "E1"), Text("colour", FieldGroups.Mechanical));

        var outcome = await new StandardsSchemaEnricher(Kb()).EnrichAsync(schema, Context());

        Assert.Equal("standards", outcome.Report.Enricher);
        Assert.Equal([FieldGroups.Performance, FieldGroups.Mechanical], outcome.Report.Groups.Select(static g => g.Group));
        Assert.Equal(2, outcome.Report.Groups[0].FieldsPopulated);
        Assert.Equal(["a.codes"], outcome.Report.Groups[0].FactsUsed);
        Assert.Equal(1, outcome.Report.Groups[1].FieldsPopulated);
        Assert.Equal(["b.enclosure"], outcome.Report.Groups[1].FactsUsed);
        Assert.All(outcome.Report.Groups, static g => Assert.True(g.Duration >= TimeSpan.Zero));
        Assert.Empty(outcome.Report.FailedGroups);
    }

    [Fact]
    public async Task Enriching_a_reference_style_temperature_transmitter_cites_every_value()
    {
        var outcome = await new StandardsSchemaEnricher().EnrichAsync(TemperatureTransmitter(), Context());

        var schema = outcome.Schema;
        Assert.Empty(SchemaQualityGate.Validate(schema));
        Assert.All(schema.AllFields.SelectMany(static f => f.Values), static v => Assert.NotEmpty(v.Citations));
        Assert.Contains(schema.Field("failure_signal").Values, static v => v is { Kind: FieldValueKind.Limit, Number: 3.6 } && v.Citations[0].Source.StartsWith("NAMUR NE 43", StringComparison.Ordinal));
        Assert.Contains(schema.Field("saturation_limits").Values, static v => v.Range == new NumericRange { Min = 3.8, Max = 20.5, Unit = "mA" });
        Assert.Equal(["IP65", "IP66", "IP67", "IP66/IP67", "IP68"], schema.Field("ingress_protection").Values.Single(static v => v.Kind == FieldValueKind.AllowedValues).AllowedValues);
        Assert.Equal(["SIL 2", "SIL 3"], schema.Field("functional_safety").Values.First(static v => v.Kind == FieldValueKind.AllowedValues).AllowedValues);
        Assert.Empty(schema.Field("tag_number").Values);
    }

    private sealed class FixedRetriever(IReadOnlyList<FactMatch> matches) : IStandardsRetriever
    {
        public ValueTask<IReadOnlyList<FactMatch>> RetrieveAsync(StandardsQuery query, CancellationToken cancellationToken = default) =>
            new(matches.Where(m => query.Fields.Any(f => f.Key == m.FieldKey)).ToList());
    }
}
