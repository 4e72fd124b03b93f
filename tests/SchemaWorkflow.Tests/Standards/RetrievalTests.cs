using SchemaWorkflow.Standards;
using static SchemaWorkflow.Tests.Standards.StandardsTestSupport;

namespace SchemaWorkflow.Tests.Standards;

public class RetrievalTests
{
    private const string TcFacts = """
        [
          { "id": "tc.classes", "standard": "STD A", "statement": "Thermocouple tolerance classes are 1, 2 and 3.",
            "classes": ["thermocouple"], "fields": ["tolerance_class", "other_field"], "keywords": ["thermocouple", "tolerance"],
            "confidence": 0.9, "verification": "V",
            "payload": [ { "kind": "allowedValues", "field": "tolerance_class", "values": ["class 1", "class 2", "class 3"] },
                         { "kind": "formula", "field": "tolerance_class", "formula": "class 1: ±1.5 °C or ±0.004·|t|" },
                         { "kind": "formula", "field": "other_field", "formula": "x = 1" } ] },
          { "id": "rtd.classes", "standard": "STD A", "statement": "Resistance thermometer classes are AA, A, B and C.",
            "classes": ["resistance_probe"], "fields": ["tolerance_class"], "keywords": ["rtd", "pt100", "tolerance"],
            "confidence": 0.9, "verification": "V",
            "payload": [ { "kind": "allowedValues", "field": "tolerance_class", "values": ["AA", "A", "B", "C"] } ] },
          { "id": "tc.mentions", "standard": "STD A", "statement": "Mentions the insertion length of thermocouples without a value.",
            "classes": ["thermocouple"], "fields": ["insertion_length"], "keywords": ["thermocouple"],
            "confidence": 0.9, "verification": "V", "payload": [] }
        ]
        """;

    [Fact]
    public void Direct_facts_match_by_class_and_field_including_wildcard_facts()
    {
        var kb = Kb();

        var matches = kb.Retrieve(Query("widget", Enum("widget_code", FieldGroups.Performance, "W1"), Enum("enclosure", FieldGroups.Performance, "E1")));

        Assert.Equal([("a.codes", "widget_code"), ("b.enclosure", "enclosure")], matches.Select(static m => (m.Fact.Id, m.FieldKey)));
        Assert.All(matches, static m => Assert.Equal(FactMatchKind.Direct, m.Kind));
    }

    [Fact]
    public void Class_specific_facts_do_not_match_other_classes_directly()
    {
        var kb = Kb();

        var matches = kb.Retrieve(Query("gadget", Enum("widget_code", FieldGroups.Performance, "W1")));

        Assert.DoesNotContain(matches, static m => m.Kind == FactMatchKind.Direct);
    }

    [Fact]
    public void Lexical_matching_finds_a_fact_written_for_the_same_field_of_a_related_class()
    {
        var kb = Kb(Extension(TcFacts));

        var matches = kb.Retrieve(Query("multipoint_thermocouple_assembly", Enum("tolerance_class", FieldGroups.ProcessParameters, "class 1", "class 2")));

        var match = Assert.Single(matches);
        Assert.Equal("tc.classes", match.Fact.Id);
        Assert.Equal(FactMatchKind.Lexical, match.Kind);
        Assert.True(match.Score > 0);
    }

    [Fact]
    public void Lexical_matching_needs_the_fact_to_be_about_the_product_type()
    {
        var kb = Kb(Extension(TcFacts));

        // Neither fact's text mentions a flowmeter, so neither transfers although the field key matches.
        var matches = kb.Retrieve(Query("turbine_flowmeter", Enum("tolerance_class", FieldGroups.Performance, "class 1")));

        Assert.Empty(matches);
    }

    [Fact]
    public void Lexical_matching_only_considers_facts_with_a_payload_for_the_field_key()
    {
        var kb = Kb(Extension(TcFacts));

        var matches = kb.Retrieve(Query("thermocouple_assembly", Text("tolerance_grade", FieldGroups.ProcessParameters), Number("insertion_length", FieldGroups.Mechanical, "mm")));

        Assert.Empty(matches);
    }

    [Fact]
    public void Lexical_matching_never_transfers_a_fact_to_a_more_general_product_type()
    {
        var facts = """
            [ { "id": "dp.flange", "standard": "STD A", "statement": "The differential pressure flange is rated to 413 bar.",
                "classes": ["differential_pressure_transmitter"], "fields": ["maximum_working_pressure"], "keywords": ["pressure", "flange"],
                "confidence": 0.9, "verification": "V",
                "payload": [ { "kind": "limit", "field": "maximum_working_pressure", "number": 413, "unit": "bar" } ] } ]
            """;
        var kb = Kb(Extension(facts));
        var field = Number("maximum_working_pressure", FieldGroups.ProcessParameters, "bar");

        Assert.Empty(kb.Retrieve(Query("pressure_transmitter", field)));
        Assert.Single(kb.Retrieve(Query("smart_differential_pressure_transmitter", field)));
    }

    [Fact]
    public void Lexical_matching_can_be_turned_off()
    {
        var kb = StandardsKnowledgeBase.FromFiles([new StandardsDataFile("base.json", BaseFile), new StandardsDataFile("tc.json", Extension(TcFacts))], new StandardsOptions { LexicalMatching = false });

        Assert.Empty(kb.Retrieve(Query("multipoint_thermocouple_assembly", Enum("tolerance_class", FieldGroups.ProcessParameters, "class 1"))));
    }

    [Fact]
    public void Search_ranks_statements_and_keywords()
    {
        var hits = StandardsKnowledgeBase.Embedded.Search("NAMUR NE 43 failure current downscale", 3);

        Assert.Equal("namur_ne43.failure_levels", hits[0].Fact.Id);
    }

    [Fact]
    public void Embedded_retrieval_answers_temperature_transmitter_fields_directly()
    {
        var schema = TemperatureTransmitter();
        var electrical = schema.Groups.Single(static g => g.Key == FieldGroups.Electrical);

        var matches = StandardsKnowledgeBase.Embedded.Retrieve(new StandardsQuery { ProductType = schema.Key, ProductDisplayName = schema.DisplayName, Group = electrical.Key, Fields = electrical.Fields });

        Assert.Contains(matches, static m => m.Fact.Id == "namur_ne43.failure_levels" && m.FieldKey == "failure_signal");
        Assert.Contains(matches, static m => m.Fact.Id == "iec61784_1.hart_loop_load" && m.FieldKey == "max_load_resistance");
    }

    private static StandardsQuery Query(string cls, params SchemaField[] fields) => new()
    {
        ProductType = ProductTypeKey.Parse(cls),
        ProductDisplayName = cls.Replace('_', ' '),
        Group = fields[0].Group,
        Fields = fields,
    };
}
