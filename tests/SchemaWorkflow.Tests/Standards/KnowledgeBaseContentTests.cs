using System.Text.Json;
using Json.Schema;
using SchemaWorkflow.Standards;

namespace SchemaWorkflow.Tests.Standards;

/// <summary>The embedded knowledge base: it loads, it validates against its JSON Schema, and it is big enough.</summary>
public class KnowledgeBaseContentTests
{
    private static readonly Lazy<JsonSchema> KbSchema = new(static () =>
        JsonSchema.FromText(StandardsKnowledgeBase.JsonSchema(), new BuildOptions { SchemaRegistry = new SchemaRegistry() }));

    private static StandardsKnowledgeBase Kb => StandardsKnowledgeBase.Embedded;

    [Fact]
    public void Embedded_knowledge_base_loads_with_a_version_and_content_hash()
    {
        Assert.Matches(@"^\d+\.\d+\.\d+$", Kb.Version);
        Assert.Matches("^[0-9a-f]{8}$", Kb.ContentHash);
        Assert.Contains(StandardsKnowledgeBase.EmbeddedFiles(), static f => f.Name == "standards.core.json");
    }

    [Fact]
    public void Every_embedded_file_validates_against_the_json_schema()
    {
        var files = StandardsKnowledgeBase.EmbeddedFiles();
        Assert.NotEmpty(files);
        foreach (var file in files)
        {
            using var doc = JsonDocument.Parse(file.Json);
            var result = KbSchema.Value.Evaluate(doc.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });
            var errors = result.Details?.Where(static d => d.Errors is { Count: > 0 })
                .SelectMany(static d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")) ?? [];
            Assert.True(result.IsValid, $"{file.Name} does not validate: {string.Join("; ", errors.Take(10))}");
        }
    }

    [Theory]
    [InlineData("""{ "version": "1.0.0", "facts": [ { "id": "Bad Id", "standard": "X", "statement": "Too short?", "classes": ["*"], "fields": [], "confidence": 0.9, "verification": "V", "payload": [] } ] }""")]
    [InlineData("""{ "version": "1.0.0", "extends": "1.0.0" }""")]
    [InlineData("""{ "extends": "1.0.0", "facts": [ { "id": "a.b", "standard": "X", "statement": "A fine statement.", "classes": ["*"], "fields": ["f"], "confidence": 0.3, "verification": "unverified", "payload": [ { "kind": "limit", "field": "f", "number": 1 } ] } ] }""")]
    [InlineData("""{ "extends": "1.0.0", "facts": [ { "id": "a.b", "standard": "X", "statement": "A fine statement.", "classes": ["*"], "fields": ["f"], "confidence": 0.95, "verification": "V2", "payload": [] } ] }""")]
    [InlineData("""{ "extends": "1.0.0", "facts": [ { "id": "a.b", "standard": "X", "statement": "A fine statement.", "classes": ["*"], "fields": ["f"], "confidence": 0.9, "verification": "V", "payload": [ { "kind": "range", "field": "f", "unit": "°C" } ] } ] }""")]
    [InlineData("""{ "extends": "1.0.0", "facts": [ { "id": "a.b", "standard": "X", "statement": "A fine statement.", "classes": ["*"], "fields": ["f"], "confidence": 0.9, "verification": "V", "payload": [ { "kind": "limit", "field": "f", "number": 1, "unit": "furlong" } ] } ] }""")]
    public void The_json_schema_rejects_malformed_files(string json)
    {
        using var doc = JsonDocument.Parse(json);

        Assert.False(KbSchema.Value.Evaluate(doc.RootElement).IsValid);
    }

    [Fact]
    public void Every_fact_cites_a_listed_standard_and_applies_only_to_its_own_fields()
    {
        foreach (var fact in Kb.Facts)
        {
            Assert.True(Kb.TryGetStandard(fact.Standard, out _), $"{fact.Id} cites {fact.Standard}");
            Assert.All(fact.Payload, p => Assert.Contains(p.Field, fact.Fields));
            Assert.All(fact.Payload, p => Assert.True(p.Unit is null || IsCatalogUnit(p.Unit), $"{fact.Id}: unit {p.Unit}"));
        }
    }

    [Fact]
    public void Unverified_facts_carry_low_confidence_and_no_hard_constraint()
    {
        var unverified = Kb.Facts.Where(static f => f.Verification == FactVerification.Unverified).ToList();

        Assert.NotEmpty(unverified);
        Assert.All(unverified, static f =>
        {
            Assert.True(f.Confidence <= 0.4, f.Id);
            Assert.DoesNotContain(f.Payload, static p => p.Kind is FieldValueKind.AllowedValues or FieldValueKind.Range or FieldValueKind.Limit);
        });
    }

    [Fact]
    public void Core_file_holds_the_reference_facts()
    {
        var core = Kb.Facts.Where(static f => f.File == "standards.core.json").ToList();

        Assert.True(core.Count >= 75, $"core has {core.Count} facts");
        Assert.True(core.Select(static f => f.Standard).Distinct().Count() >= 30, "core cites fewer than 30 standards");
        Assert.All(core.Where(static f => f.Verification != FactVerification.Unverified), static f => Assert.NotEmpty(f.Payload));
    }

    [Fact]
    public void Knowledge_base_reaches_150_facts_from_30_standards()
    {
        Assert.True(Kb.Facts.Count >= 150, $"the knowledge base has {Kb.Facts.Count} facts; 150 are required (core + extended)");
        Assert.True(Kb.Facts.Select(static f => f.Standard).Distinct().Count() >= 30, "fewer than 30 standards are cited");
        Assert.True(Kb.Standards.Count >= 30);
    }

    [Theory]
    [InlineData("IEC 60751")]
    [InlineData("IEC 60584-1")]
    [InlineData("NAMUR NE 43")]
    [InlineData("NAMUR NE 107")]
    [InlineData("IEC 61508")]
    [InlineData("IEC 61511")]
    [InlineData("IEC 60529")]
    [InlineData("IEC 60079-0")]
    [InlineData("IEC 60079-1")]
    [InlineData("IEC 60079-11")]
    [InlineData("IEC 60079-10-1")]
    [InlineData("ATEX 2014/34/EU")]
    [InlineData("IECEx")]
    [InlineData("EN 837-1")]
    [InlineData("ASME B40.100")]
    [InlineData("IEC 61326-1")]
    [InlineData("IEC 61010-1")]
    [InlineData("IEC 60381-1")]
    [InlineData("IEC 61784-1 CPF 9")]
    [InlineData("IEC 61158-2")]
    [InlineData("ANSI/FCI 70-2")]
    [InlineData("ASME B16.5")]
    [InlineData("EN 1092-1")]
    [InlineData("ASME PTC 19.3 TW")]
    [InlineData("ISO 20456")]
    [InlineData("IEC 60947-5-6")]
    [InlineData("ETSI EN 302 372")]
    [InlineData("ETSI EN 302 729")]
    public void Listed_standards_have_facts(string standard)
    {
        Assert.Contains(Kb.Facts, f => f.Standard == standard && f.Payload.Count > 0);
    }

    [Fact]
    public void Facts_keep_reference_numbers_exact()
    {
        var ne43 = Kb.FindFact("namur_ne43.failure_levels")!;
        Assert.Contains(ne43.Payload, static p => p is { Kind: FieldValueKind.Limit, Number: 3.6, Unit: "mA" });
        Assert.Contains(ne43.Payload, static p => p is { Kind: FieldValueKind.Limit, Number: 21.0, Unit: "mA" });
        var saturation = Kb.FindFact("namur_ne43.measurement_range")!;
        Assert.Contains(saturation.Payload, static p => p is { Kind: FieldValueKind.Range, Min: 3.8, Max: 20.5, Unit: "mA" });
        var tclasses = Kb.FindFact("iec60079_0.temperature_classes")!;
        Assert.Equal([450.0, 300, 200, 135, 100, 85], tclasses.Payload.Where(static p => p is { Kind: FieldValueKind.Limit, Field: "temperature_class" }).Select(static p => p.Number!.Value));
        var rtd = Kb.FindFact("iec60751.tolerance_classes")!;
        Assert.Contains(rtd.Payload, static p => p.Formula == "class A: ±(0.15 + 0.002·|t|) °C");
        Assert.Equal(["0.1", "0.25", "0.6", "1", "1.6", "2.5", "4"], Kb.FindFact("en837_1.accuracy_classes")!.Payload.Single(static p => p.Kind == FieldValueKind.AllowedValues).Values);
        Assert.Contains(Kb.FindFact("iec61508.sil_pfdavg_low_demand")!.Payload, static p => p.Formula == "SIL 2: 1e-3 ≤ PFDavg < 1e-2 (low demand)");
    }

    private static bool IsCatalogUnit(string unit) =>
        unit is "°C" or "°F" or "K" or "bar" or "mbar" or "kPa" or "MPa" or "Pa" or "psi" or "mA" or "V" or "V DC" or "V AC" or "W" or "Ω" or "Hz" or "kHz"
            or "GHz" or "s" or "ms" or "mm" or "m" or "in" or "m³/h" or "l/min" or "kg/h" or "kg/m³" or "cP" or "mPa·s" or "%" or "% of span"
            or "% of reading" or "µS/cm" or "mS/cm" or "pH" or "ppm" or "g" or "Nm" or "kg" or "years" or "bit/s"
            or "A" or "kW" or "m/s" or "mm²" or "dB";
}
