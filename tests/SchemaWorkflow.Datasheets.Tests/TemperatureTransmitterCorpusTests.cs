using SchemaWorkflow.Datasheets.Tests.Infrastructure;
using SchemaWorkflow.Quality;
using static SchemaWorkflow.Datasheets.Tests.Corpus.SyntheticCorpus;
using static SchemaWorkflow.Datasheets.Tests.Infrastructure.SchemaAssert;

namespace SchemaWorkflow.Datasheets.Tests;

/// <summary>The temperature transmitter datasheets of the corpus: a PDF with "Key: value" lines, a text file, a dotted-leader PDF.</summary>
[Collection(CorpusCollection.Name)]
public sealed class TemperatureTransmitterCorpusTests(CorpusFixture fixture)
{
    private const string Att = "ATT-10.pdf";
    private const string Btt = "BTT-300.txt";
    private const string Ctt = "CTT-5.pdf";

    private async Task<DatasheetGenerationResult> GenerateAsync()
    {
        var result = await fixture.Generator().GenerateWithReportAsync(Requests.For("temperature_transmitter"));
        Assert.True(result.Succeeded, result.Report.Error);
        return result;
    }

    [Fact]
    public async Task Each_vendor_gives_its_values_in_the_fields_unit()
    {
        var schema = (await GenerateAsync()).Schema!;

        Values(FromDocument(schema, "sensor_input_type", Aldor, Att), "Pt100", "Pt1000", "Type K");
        Values(FromDocument(schema, "sensor_input_type", Brennick, Btt), "Pt100", "Pt500", "Type J", "Type K");
        Values(FromDocument(schema, "sensor_input_type", Corvane, Ctt), "Pt100");
        Values(FromDocument(schema, "rtd_connection_wires", Aldor, Att), "2-wire", "3-wire", "4-wire");

        // degC, a Unicode minus and ellipsis in the text file, °C in the Symbol font.
        Range(FromDocument(schema, "calibrated_range", Aldor, Att), -200, 850, "°C");
        Range(FromDocument(schema, "calibrated_range", Brennick, Btt), -200, 650, "°C");
        Range(FromDocument(schema, "calibrated_range", Corvane, Ctt), -50, 500, "°C");
        Range(Union(schema, "calibrated_range"), -200, 850, "°C");

        // ±0.1 K is a difference of 0.1 °C; % of span is an accepted unit and stays apart from the °C values.
        Limit(FromDocument(schema, "accuracy", Aldor, Att), 0.1, "°C");
        Limit(FromDocument(schema, "accuracy", Brennick, Btt), 0.15, "°C");
        Limit(FromDocument(schema, "accuracy", Corvane, Ctt), 0.2, "% of span");
        Range(Union(schema, "accuracy", "°C"), 0.1, 0.15, "°C");
        Assert.Equal("offered by 2 of 3 vendors", Union(schema, "accuracy", "°C").Label);

        Values(FromDocument(schema, "output_signal", Corvane, Ctt), "PROFIBUS PA");
        Values(Union(schema, "output_signal"), "4-20 mA HART", "PROFIBUS PA");
        Range(Union(schema, "supply_voltage"), 9, 42, "V DC");
        Limit(FromDocument(schema, "max_load_resistance", Brennick, Btt), 600, "Ω");
        Limit(FromDocument(schema, "update_time", Brennick, Btt), 0.25, "s");
        Limit(FromDocument(schema, "galvanic_isolation", Aldor, Att), 1500, "V AC");
        Values(FromDocument(schema, "hazardous_area_certification", Brennick, Btt), "Ex ia IIC T6 Ga");
        CitesPages(FromDocument(schema, "hazardous_area_certification", Brennick, Btt), "Brennick Controls BTT-300.txt p. 2");
        Limit(FromDocument(schema, "weight", Corvane, Ctt), 0.06, "kg");
        Range(Union(schema, "weight"), 0.05, 0.08, "kg");
    }

    [Fact]
    public async Task A_key_one_word_short_of_a_field_phrase_matches_with_a_lower_score()
    {
        var result = await GenerateAsync();

        var input = Assert.Single(result.Report.Documents.SelectMany(static d => d.Specifications), static s => s.Key == "Sensor input");
        Assert.Equal(("sensor_input_type", 88.0), (input.FieldKey, input.MatchScore));
        Assert.Equal(ExtractionMethod.Table, input.Method);
    }

    [Fact]
    public async Task Only_the_documents_about_temperature_transmitters_are_used()
    {
        var result = await GenerateAsync();

        Assert.Equal(
            ["Aldor Instruments ATT-10.pdf", "Brennick Controls BTT-300.txt", "Corvane Messtechnik CTT-5.pdf"],
            result.Report.Documents.Where(static d => d.Status == DocumentStatus.Extracted).Select(static d => d.Document.CitationSource));
        Assert.All(
            result.Report.Documents.Where(static d => d.Status == DocumentStatus.NotForProductType),
            static d => Assert.Contains("pressure transmitter", d.Error, StringComparison.Ordinal));
        Assert.Empty(SchemaQualityGate.Validate(result.Schema!));
        Assert.Null(result.Schema!.FindField("measuring_range"));
    }

    [Fact]
    public async Task The_methods_found_match_each_vendors_layout()
    {
        var documents = (await GenerateAsync()).Report.Documents.Where(static d => d.Status == DocumentStatus.Extracted).ToDictionary(static d => d.Document.Document);

        Assert.All(documents[Att].Specifications, static s => Assert.Equal(ExtractionMethod.KeyValue, s.Method));
        Assert.All(documents[Btt].Specifications, static s => Assert.Equal(ExtractionMethod.Table, s.Method));
        Assert.All(documents[Ctt].Specifications, static s => Assert.Equal(ExtractionMethod.DottedLeader, s.Method));
        Assert.Equal(2, documents[Btt].Pages);
    }
}
