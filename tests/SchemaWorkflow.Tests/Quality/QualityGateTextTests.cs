using System.Text.RegularExpressions;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.Quality;
using SchemaWorkflow.Standards;

namespace SchemaWorkflow.Tests.Quality;

/// <summary>
/// The gate's text checks against their specification, the regular expressions they were written as: the shortcuts
/// that skip the junk regex and replace the snake_case regex must never change a verdict.
/// </summary>
public partial class QualityGateTextTests
{
    private static readonly string[] JunkTexts =
    [
        "N/A", "n/a", "na", "NA", "x n/a y", "Value: na", "I don't know", "I do not have that", "i cannot say", "I can't",
        "[placeholder]", "Placeholder", "**bold**", "<b>", "</p>", "{{value}}", "}}", "http://example.com", "HTTPS://x",
        "unknown", "Unknown type", "TBD", "tbd", "Lorem ipsum", "ignore previous", "Ignore all previous", "instruction",
        "Instructions", "not available", "Not Specified", "not provided", "as an AI", "no information",
        "un\u212Anown", "\u212Anown", "°C unknown", "µm n/a",
    ];

    private static readonly string[] CleanTexts =
    [
        "Class A", "4-20 mA", "IP66", "Pt100", "°C", "µm", "Ω", "±0.5 °C", "Signal", "Nominal", "analog", "Internal", "Stainless steel 316L",
        "nan", "Na", "n.a", "an", "unknowns", "instructional", "HTTP", "<", "{", "*", "I", "I dont", "not", "Ex ia IIC T4 Ga",
        "naé", "éna", "Пример", "R(t) = R0·[1 + A·t + B·t²]",
    ];

    public static TheoryData<string> Samples => [.. JunkTexts, .. CleanTexts];

    [Theory]
    [MemberData(nameof(Samples))]
    public void Junk_verdict_matches_the_pattern_on_samples(string text) =>
        Assert.Equal(ReferenceLooksLikeJunk(text), SchemaQualityGate.LooksLikeJunk(text));

    [Fact]
    public void Junk_verdict_matches_the_pattern_on_every_catalog_and_knowledge_base_text_and_their_combinations()
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        foreach (var cls in new InstrumentCatalog().Classes)
        {
            texts.Add(cls.DisplayName);
            foreach (var field in cls.Fields)
            {
                texts.Add(field.DisplayName);
                texts.UnionWith(field.AllowedValues);
                texts.UnionWith(field.Synonyms);
                if (field.Unit is not null)
                {
                    texts.Add(field.Unit);
                }
            }
        }

        foreach (var fact in StandardsKnowledgeBase.Embedded.Facts)
        {
            texts.Add(fact.Statement);
            texts.UnionWith(fact.Keywords);
            foreach (var payload in fact.Payload)
            {
                texts.UnionWith(payload.Values);
                texts.Add(payload.Formula ?? payload.Text ?? payload.Label ?? string.Empty);
            }
        }

        var words = texts.SelectMany(static t => t.Split(' ')).Concat(JunkTexts).Distinct().ToArray();
        var random = new Random(20261128);
        for (var i = 0; i < 20_000; i++)
        {
            var count = random.Next(1, 5);
            var separator = random.Next(3) == 0 ? "/" : " ";
            texts.Add(string.Join(separator, Enumerable.Range(0, count).Select(_ => words[random.Next(words.Length)])));
        }

        var mismatches = texts.Where(static t => ReferenceLooksLikeJunk(t) != SchemaQualityGate.LooksLikeJunk(t)).Take(5).ToList();
        Assert.Empty(mismatches);
        Assert.Contains(texts, static t => SchemaQualityGate.LooksLikeJunk(t) && t.Length <= SchemaQualityGate.MaxValueTextLength && !t.Contains("  ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_junk_formula_is_rejected_and_a_real_one_with_units_passes()
    {
        var field = new SchemaField { Key = "sensor_tolerance", DisplayName = "Sensor tolerance", Description = "d", Group = FieldGroups.Performance, DataType = FieldDataType.Text };
        FieldValue Formula(string f) => new() { Kind = FieldValueKind.Formula, Formula = f, Citations = [new Citation { Source = "IEC 60751:2022" }] };

        Assert.Null(SchemaQualityGate.ValidateValue(field, Formula("±(0.15 + 0.002·|t|) °C")));
        Assert.NotNull(SchemaQualityGate.ValidateValue(field, Formula("±(0.15 + 0.002·|t|) °C, unknown above 850 °C")));
        Assert.NotNull(SchemaQualityGate.ValidateValue(field, Formula("R = un\u212Anown")));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("abc_def")]
    [InlineData("a1_2b_c3")]
    [InlineData("abc\n")]
    [InlineData("")]
    [InlineData("_a")]
    [InlineData("a_")]
    [InlineData("a__b")]
    [InlineData("1a")]
    [InlineData("aB")]
    [InlineData("a b")]
    [InlineData("a-b")]
    [InlineData("a\n\n")]
    [InlineData("a_\n")]
    [InlineData("\n")]
    [InlineData("ab\r\n")]
    [InlineData("é")]
    public void Snake_case_verdict_matches_the_pattern(string key) =>
        Assert.Equal(SnakeCase().IsMatch(key), SchemaQualityGate.IsSnakeCase(key));

    [Fact]
    public void Snake_case_verdict_matches_the_pattern_on_every_short_key_over_a_small_alphabet()
    {
        const string alphabet = "az09_A\n ";
        var keys = new List<string> { string.Empty };
        for (var length = 1; length <= 4; length++)
        {
            keys.AddRange(keys.Where(k => k.Length == length - 1).SelectMany(k => alphabet.Select(c => k + c)).ToList());
        }

        Assert.All(keys, static k => Assert.Equal(SnakeCase().IsMatch(k), SchemaQualityGate.IsSnakeCase(k)));
    }

    // The checks as specified: the gate's original implementation of LooksLikeJunk.
    private static bool ReferenceLooksLikeJunk(string text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > SchemaQualityGate.MaxValueTextLength)
        {
            return true;
        }

        var trimmed = text.Trim();
        if (trimmed.Length != text.Length || trimmed.EndsWith(',') || trimmed.EndsWith(':') || text.Any(char.IsControl))
        {
            return true;
        }

        return JunkPattern().IsMatch(text) || text.Count(static c => c == ' ') > 8;
    }

    [GeneratedRegex(@"^[a-z][a-z0-9]*(_[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex SnakeCase();

    [GeneratedRegex(@"\*\*|\[placeholder\]|placeholder|\bI (don't|do not|cannot|can't)\b|\bno information\b|\bnot (available|specified|provided)\b|\bas an ai\b|\bunknown\b|\bn/?a\b|\btbd\b|\blorem\b|ignore (all |any )?previous|\binstructions?\b|https?://|<[a-z/]|\{\{|\}\}", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex JunkPattern();
}
