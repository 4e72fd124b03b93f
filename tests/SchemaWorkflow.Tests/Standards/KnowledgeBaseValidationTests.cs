using SchemaWorkflow.Standards;
using static SchemaWorkflow.Tests.Standards.StandardsTestSupport;

namespace SchemaWorkflow.Tests.Standards;

public class KnowledgeBaseValidationTests
{
    [Fact]
    public void A_valid_base_and_extension_merge_with_base_first()
    {
        var kb = Kb(Extension($"[{Fact("x.more", """[{ "kind": "limit", "field": "widget_code", "number": 3, "unit": "mA", "label": "widget current" }]""")}]"));

        Assert.Equal("1.0.0", kb.Version);
        Assert.Equal(["a.codes", "b.enclosure", "x.more"], kb.Facts.Select(static f => f.Id));
        Assert.Equal("extra1.json", kb.FindFact("x.more")!.File);
        Assert.Equal(2, kb.Standards.Count);
    }

    [Fact]
    public void Duplicate_fact_ids_across_files_are_rejected_naming_both_files()
    {
        var ex = Assert.Throws<StandardsValidationException>(() => Kb(Extension($"[{Fact("a.codes", "[]", keywords: "[\"w\"]")}]")));

        var problem = Assert.Single(ex.Problems);
        Assert.Contains("extra1.json", problem, StringComparison.Ordinal);
        Assert.Contains("'a.codes'", problem, StringComparison.Ordinal);
        Assert.Contains("base.json", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void A_fact_citing_an_unknown_standard_is_rejected()
    {
        var ex = Assert.Throws<StandardsValidationException>(() => Kb(Extension($"[{Fact("x.bad", "[]", standard: "STD Z", keywords: "[\"w\"]")}]")));

        Assert.Contains("standard 'STD Z' is not in any file's standards list", ex.Message, StringComparison.Ordinal);
        Assert.Contains("fact 'x.bad'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payload_field_outside_the_fact_fields_is_rejected()
    {
        var ex = Assert.Throws<StandardsValidationException>(() => Kb(Extension($"[{Fact("x.bad", """[{ "kind": "allowedValues", "field": "other_field", "values": ["A"] }]""")}]")));

        Assert.Contains("field 'other_field' is not one of the fact's fields [widget_code]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "kind": "guess", "field": "widget_code" }""", "kind 'guess' is not one of")]
    [InlineData("""{ "kind": "limit", "field": "widget_code", "number": 3, "unit": "amps" }""", "unit 'amps' is not in the catalog unit list")]
    [InlineData("""{ "kind": "range", "field": "widget_code", "min": 5, "max": 1 }""", "min 5 is above max 1")]
    [InlineData("""{ "kind": "range", "field": "widget_code" }""", "a range needs min, max or both")]
    [InlineData("""{ "kind": "limit", "field": "widget_code", "number": 1e400 }""", "number is not a finite number")]
    [InlineData("""{ "kind": "allowedValues", "field": "widget_code", "values": ["I don't have information about this"] }""", "is not a short code or term")]
    [InlineData("""{ "kind": "allowedValues", "field": "widget_code", "values": [] }""", "lists no values")]
    [InlineData("""{ "kind": "allowedValues", "field": "widget_code", "values": ["A", "a"] }""", "lists a value twice")]
    [InlineData("""{ "kind": "allowedValues", "field": "widget_code", "values": ["A"], "number": 2 }""", "may not set number")]
    [InlineData("""{ "kind": "default", "field": "widget_code", "text": "A", "number": 2 }""", "exactly one of text or number")]
    [InlineData("""{ "kind": "formula", "field": "widget_code" }""", "has no formula")]
    [InlineData("""{ "kind": "allowedValues", "field": "widget_code", "values": ["A"], "colour": "red" }""", "not a valid knowledge-base file")]
    public void Malformed_payload_items_are_rejected_with_the_reason(string payload, string expected)
    {
        var ex = Assert.Throws<StandardsValidationException>(() => Kb(Extension($"[{Fact("x.bad", $"[{payload}]")}]")));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
        Assert.Contains("extra1.json", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_number_that_overflows_to_infinity_never_loads()
    {
        // JSON has no NaN or infinity literal; an overflowing literal must not sneak in as an infinite bound.
        var ex = Assert.Throws<StandardsValidationException>(() => Kb(Extension($"[{Fact("x.inf", """[{ "kind": "range", "field": "widget_code", "min": 0, "max": 1e999 }]""")}]")));

        Assert.Contains("extra1.json", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0.95", "V2", "does not fit verification 'V2'")]
    [InlineData("0.5", "V", "does not fit verification 'V'")]
    [InlineData("1.5", "V", "is not a number between 0 and 1")]
    [InlineData("0.9", "maybe", "verification 'maybe' is not one of V, V2, WE, unverified")]
    public void Confidence_must_fit_the_verification_grade(string confidence, string verification, string expected)
    {
        var ex = Assert.Throws<StandardsValidationException>(() => Kb(Extension($"[{Fact("x.conf", "[]", confidence: confidence, verification: verification, keywords: "[\"w\"]")}]")));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "kind": "allowedValues", "field": "widget_code", "values": ["A"] }""")]
    [InlineData("""{ "kind": "range", "field": "widget_code", "min": 1 }""")]
    [InlineData("""{ "kind": "limit", "field": "widget_code", "number": 1 }""")]
    public void Unverified_facts_may_not_state_hard_constraints(string payload)
    {
        var ex = Assert.Throws<StandardsValidationException>(() => Kb(Extension($"[{Fact("x.unv", $"[{payload}]", confidence: "0.3", verification: "unverified")}]")));

        Assert.Contains("an unverified fact may not state a hard constraint", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unverified_facts_may_carry_a_low_confidence_formula()
    {
        var kb = Kb(Extension($"[{Fact("x.unv", """[{ "kind": "formula", "field": "widget_code", "formula": "W ≈ 2·V" }]""", confidence: "0.3", verification: "unverified")}]"));

        Assert.Equal(FactVerification.Unverified, kb.FindFact("x.unv")!.Verification);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var facts = string.Join(",", Fact("x.one", "[]", standard: "NOPE", keywords: "[\"w\"]"), Fact("x.two", """[{ "kind": "limit", "field": "widget_code" }]"""));

        var ex = Assert.Throws<StandardsValidationException>(() => Kb(Extension($"[{facts}]")));

        Assert.Equal(2, ex.Problems.Count);
        Assert.Contains("(2 problems)", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "extends": "1.0.0", "facts": [ { "id": "x.a", ,,, } ] }""", "not a valid knowledge-base file at line 1")]
    [InlineData("""{ "version": "2.0.0", "facts": [] }""", "all declare \"version\"")]
    [InlineData("""{ "facts": [] }""", "declares neither \"version\" nor \"extends\"")]
    [InlineData("""{ "extends": "1.0.0", "standards": [ { "id": "STD A", "title": "Again", "reason": "A second definition.", "classes": ["*"] } ] }""", "standard 'STD A' is already defined in base.json")]
    [InlineData("""{ "extends": "1.0.0", "standards": [ { "id": "STD C", "title": "C", "reason": "Has a bad class list.", "classes": ["Not A Key"] } ] }""", "class 'Not A Key' is not a snake_case class key")]
    public void File_level_problems_name_the_file(string json, string expected)
    {
        var ex = Assert.Throws<StandardsValidationException>(() => Kb(json));

        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_embedded_extension_must_extend_the_embedded_version()
    {
        var files = StandardsKnowledgeBase.EmbeddedFiles();
        Assert.All(files.Where(static f => f.Name != "standards.core.json"), f => Assert.Contains($"\"extends\": \"{StandardsKnowledgeBase.Embedded.Version}\"", f.Json, StringComparison.Ordinal));
    }

    [Fact]
    public void A_host_file_that_cannot_be_read_is_reported_by_path()
    {
        var options = new StandardsOptions().AddFile(Path.Combine(Path.GetTempPath(), "no-such-dir-" + Guid.NewGuid().ToString("N"), "facts.json"));

        var ex = Assert.Throws<StandardsValidationException>(() => StandardsKnowledgeBase.Load(options));

        Assert.Contains("facts.json: cannot be read", ex.Message, StringComparison.Ordinal);
    }
}
