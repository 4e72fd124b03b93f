using SchemaWorkflow.Catalog;
using SchemaWorkflow.Datasheets.Tests.Infrastructure;
using SchemaWorkflow.Quality;
using static SchemaWorkflow.Datasheets.Tests.Corpus.SyntheticCorpus;
using static SchemaWorkflow.Datasheets.Tests.Infrastructure.SchemaAssert;

namespace SchemaWorkflow.Datasheets.Tests;

/// <summary>The pressure transmitter datasheets of the synthetic corpus, end to end: exact fields, values and provenance.</summary>
[Collection(CorpusCollection.Name)]
public sealed class PressureTransmitterCorpusTests(CorpusFixture fixture)
{
    private const string Apt = "APT-40.pdf";
    private const string Bpt = "BPT-7000.pdf";
    private const string Cpt = "CPT-2.pdf";

    private async Task<DatasheetGenerationResult> GenerateAsync()
    {
        var result = await fixture.Generator().GenerateWithReportAsync(Requests.For("pressure_transmitter"));
        Assert.True(result.Succeeded, result.Report.Error);
        return result;
    }

    [Fact]
    public async Task Key_value_lines_table_rows_and_dotted_leaders_give_each_vendors_values_with_their_page()
    {
        var schema = (await GenerateAsync()).Schema!;

        // Aldor writes "Key: value" lines over two pages.
        Range(FromDocument(schema, "measuring_range", Aldor, Apt), 0, 400, "bar");
        Values(FromDocument(schema, "output_signal", Aldor, Apt), "4-20 mA HART");
        Values(FromDocument(schema, "communication_protocol", Aldor, Apt), "HART 7");
        Range(FromDocument(schema, "supply_voltage", Aldor, Apt), 10.5, 42, "V DC");
        Limit(FromDocument(schema, "reference_accuracy", Aldor, Apt), 0.075, "% of span");
        Limit(FromDocument(schema, "turndown_ratio", Aldor, Apt), 100, null);
        Range(FromDocument(schema, "ambient_temperature_range", Aldor, Apt), -40, 85, "°C");
        Range(FromDocument(schema, "process_temperature_range", Aldor, Apt), -40, 120, "°C");
        Values(FromDocument(schema, "process_connection", Aldor, Apt), "G 1/2 B (EN 837)");
        Values(FromDocument(schema, "ingress_protection", Aldor, Apt), "IP66/IP67");
        Values(FromDocument(schema, "hazardous_area_certification", Aldor, Apt), "Ex ia IIC T4 Ga");
        CitesPages(FromDocument(schema, "hazardous_area_certification", Aldor, Apt), "Aldor Instruments APT-40.pdf p. 2");
        Values(FromDocument(schema, "functional_safety", Aldor, Apt), "SIL 2");
        Values(FromDocument(schema, "emc_compliance", Aldor, Apt), "IEC 61326-1");

        // Brennick writes a two-column table in US units; the electrical connection wraps onto a second line.
        Range(FromDocument(schema, "measuring_range", Brennick, Bpt), 0, 413.685, "bar");
        Values(FromDocument(schema, "output_signal", Brennick, Bpt), "4-20 mA HART");
        Values(FromDocument(schema, "communication_protocol", Brennick, Bpt), "HART 7");
        Range(FromDocument(schema, "supply_voltage", Brennick, Bpt), 12, 36, "V DC");
        Limit(FromDocument(schema, "max_load_resistance", Brennick, Bpt), 1100, "Ω");
        Limit(FromDocument(schema, "reference_accuracy", Brennick, Bpt), 0.04, "% of span");
        Range(FromDocument(schema, "ambient_temperature_range", Brennick, Bpt), -40, 85, "°C");
        Values(FromDocument(schema, "process_connection", Brennick, Bpt), "1/2 NPT female");
        Values(FromDocument(schema, "diaphragm_material", Brennick, Bpt), "Alloy C-276");
        Values(FromDocument(schema, "fill_fluid", Brennick, Bpt), "Silicone oil");
        Values(FromDocument(schema, "ingress_protection", Brennick, Bpt), "IP66/IP68", "NEMA 4X");
        Values(FromDocument(schema, "electrical_connection", Brennick, Bpt), "1/2 NPT", "M20 x 1.5");
        Values(FromDocument(schema, "hazardous_area_certification", Brennick, Bpt), "Ex db IIC T6 Gb");
        Values(FromDocument(schema, "local_display", Brennick, Bpt), "LCD with push buttons");
        Range(FromDocument(schema, "damping", Brennick, Bpt), 0, 60, "s");
        CitesPages(FromDocument(schema, "damping", Brennick, Bpt), "Brennick Controls BPT-7000.pdf p. 2");

        // Corvane writes dotted leaders with MPa, plain V and °C set in the Symbol font.
        Range(FromDocument(schema, "measuring_range", Corvane, Cpt), 0, 400, "bar");
        Values(FromDocument(schema, "output_signal", Corvane, Cpt), "4-20 mA HART");
        Range(FromDocument(schema, "supply_voltage", Corvane, Cpt), 11, 45, "V DC");
        Limit(FromDocument(schema, "reference_accuracy", Corvane, Cpt), 0.1, "% of span");
        Range(FromDocument(schema, "ambient_temperature_range", Corvane, Cpt), -40, 80, "°C");
        Range(FromDocument(schema, "process_temperature_range", Corvane, Cpt), -20, 100, "°C");
        Values(FromDocument(schema, "process_connection", Corvane, Cpt), "G 1/2 B (EN 837)");
        Values(FromDocument(schema, "ingress_protection", Corvane, Cpt), "IP68");
        Values(FromDocument(schema, "fill_fluid", Corvane, Cpt), "Inert fill (halocarbon)");
        Values(FromDocument(schema, "functional_safety", Corvane, Cpt), "SIL 2");
        CitesPages(FromDocument(schema, "measuring_range", Corvane, Cpt), "Corvane Messtechnik CPT-2.pdf p. 1");
    }

    [Fact]
    public async Task Union_across_vendors_is_in_the_fields_unit_whatever_unit_each_vendor_wrote()
    {
        var schema = (await GenerateAsync()).Schema!;

        // psi, bar and MPa → bar; degC, deg F and °C → °C; V DC, VDC and V → V DC.
        Range(Union(schema, "measuring_range"), 0, 413.685, "bar");
        Range(Union(schema, "ambient_temperature_range"), -40, 85, "°C");
        Range(Union(schema, "supply_voltage"), 10.5, 45, "V DC");
        Range(Union(schema, "reference_accuracy"), 0.04, 0.1, "% of span");
        Range(Union(schema, "process_temperature_range"), -40, 120, "°C");
        Values(Union(schema, "ingress_protection"), "IP66/IP67", "IP66/IP68", "NEMA 4X", "IP68");
        Values(Union(schema, "process_connection"), "G 1/2 B (EN 837)", "1/2 NPT female");
        Assert.Equal("offered by 3 of 3 vendors", Union(schema, "measuring_range").Label);
        Assert.Equal("offered by 2 of 3 vendors", Union(schema, "fill_fluid").Label);
        CitesPages(
            Union(schema, "measuring_range"),
            "Aldor Instruments APT-40.pdf p. 1",
            "Brennick Controls BPT-7000.pdf p. 1",
            "Corvane Messtechnik CPT-2.pdf p. 1");
    }

    [Fact]
    public async Task A_field_most_vendors_state_is_mandatory_and_the_others_optional()
    {
        var schema = (await GenerateAsync()).Schema!;
        string[] mandatory =
        [
            "measuring_range", "process_temperature_range", "reference_accuracy", "output_signal", "communication_protocol",
            "supply_voltage", "process_connection", "fill_fluid", "ambient_temperature_range", "ingress_protection",
            "functional_safety", "weight", "sensor_technology",
        ];
        string[] conditional = ["hazardous_area_certification"];

        Assert.Equal(mandatory.Order(), schema.AllFields.Where(static f => f.Requirement == RequirementLevel.Mandatory).Select(static f => f.Key).Order());
        Assert.Equal(conditional, schema.AllFields.Where(static f => f.Requirement == RequirementLevel.Conditional).Select(static f => f.Key));

        // Stated by one vendor of three: optional, though the catalog made some of them mandatory.
        Assert.Equal(RequirementLevel.Optional, Field(schema, "turndown_ratio").Requirement);
        Assert.Equal(RequirementLevel.Optional, Field(schema, "diaphragm_material").Requirement);
        Assert.Equal(RequirementLevel.Optional, Field(schema, "emc_compliance").Requirement);
    }

    [Fact]
    public async Task Keys_no_catalog_field_matches_become_fields_when_two_vendors_state_them()
    {
        var result = await GenerateAsync();
        var schema = result.Schema!;

        var weight = Field(schema, "weight");
        Assert.Equal((FieldGroups.Mechanical, FieldDataType.Number, "kg"), (weight.Group, weight.DataType, weight.Unit));
        Assert.Equal(["lb"], weight.AcceptedUnits);
        Assert.Equal("Weight, as stated on vendor datasheets (3 of 3 vendors state it).", weight.Description);
        Limit(FromDocument(schema, "weight", Aldor, Apt), 1.4, "kg");
        Limit(FromDocument(schema, "weight", Brennick, Bpt), 1.40614, "kg");
        Limit(FromDocument(schema, "weight", Corvane, Cpt), 0.9, "kg");
        Range(Union(schema, "weight"), 0.9, 1.40614, "kg");

        var technology = Field(schema, "sensor_technology");
        Assert.Equal(FieldDataType.Enum, technology.DataType);
        Assert.Equal(["Capacitive", "Piezoresistive"], technology.AllowedValues);
        Values(FromDocument(schema, "sensor_technology", Brennick, Bpt), "Capacitive");
        Values(FromDocument(schema, "sensor_technology", Corvane, Cpt), "Piezoresistive");

        // "Housing colour" is on one datasheet only: kept as a candidate in the report, not added.
        Assert.Null(schema.FindField("housing_color"));
        Assert.Equal(["weight", "sensor_technology"], result.Report.AddedFields);
        var colour = Assert.Single(result.Report.Documents.SelectMany(static d => d.Specifications), static s => s.CandidateKey == "housing_color");
        Assert.Equal(["Blue RAL 5012"], colour.Values);
    }

    [Fact]
    public async Task A_vendor_value_outside_the_catalogs_allowed_values_is_added_with_its_provenance()
    {
        var schema = (await GenerateAsync()).Schema!;
        var housing = Field(schema, "housing_material");

        Assert.Equal(["Aluminium, low copper, painted", "Stainless steel 316/316L", "Polyamide", "PBT plastic", "Die-cast aluminium, painted"], housing.AllowedValues);
        var value = FromDocument(schema, "housing_material", Aldor, Apt);
        Values(value, "Die-cast aluminium, painted");
        var citation = Assert.Single(value.Citations);
        Assert.Equal(("Aldor Instruments APT-40.pdf", "p. 1", "Housing material: Die-cast aluminium, painted"), (citation.Source, citation.Clause, citation.Note));
    }

    [Fact]
    public async Task A_value_that_does_not_parse_to_its_fields_type_is_rejected_with_the_reason()
    {
        var result = await GenerateAsync();

        var rejected = Assert.Single(result.Report.Documents.SelectMany(static d => d.Rejected));
        Assert.Equal(("Long-term stability", "see ordering information", 2, "long_term_stability"), (rejected.Key, rejected.Value, rejected.Page, rejected.FieldKey));
        Assert.Contains("has no number", rejected.Reason, StringComparison.Ordinal);
        Assert.Empty(Field(result.Schema!, "long_term_stability").Values);
    }

    [Fact]
    public async Task Scanned_corrupt_oversized_and_other_product_documents_are_reported_and_the_rest_used()
    {
        var report = (await GenerateAsync()).Report;

        var statuses = report.Documents.ToDictionary(static d => d.Document.CitationSource, static d => d.Status);
        Assert.Equal(
            new Dictionary<string, DocumentStatus>
            {
                ["Aldor Instruments APT-40.pdf"] = DocumentStatus.Extracted,
                ["Aldor Instruments ATT-10.pdf"] = DocumentStatus.NotForProductType,
                ["Aldor Instruments scan-0042.pdf"] = DocumentStatus.NoText,
                ["Brennick Controls BPT-7000-rev-b.pdf"] = DocumentStatus.Unreadable,
                ["Brennick Controls BPT-7000.pdf"] = DocumentStatus.Extracted,
                ["Brennick Controls BTT-300.txt"] = DocumentStatus.NotForProductType,
                ["Corvane Messtechnik CPT-2.pdf"] = DocumentStatus.Extracted,
                ["Corvane Messtechnik CTT-5.pdf"] = DocumentStatus.NotForProductType,
                ["Corvane Messtechnik full-catalogue.pdf"] = DocumentStatus.TooLarge,
            },
            statuses);
        var large = Assert.Single(report.Documents, static d => d.Status == DocumentStatus.TooLarge);
        Assert.Equal(0, large.Bytes);
        Assert.Contains("52428800 bytes", large.Error, StringComparison.Ordinal);
        Assert.Contains("OCR", Assert.Single(report.Documents, static d => d.Status == DocumentStatus.NoText).Error, StringComparison.Ordinal);
        Assert.Empty(report.FailedVendors);
        Assert.Equal(3, report.UsedVendors.Count());
    }

    [Fact]
    public async Task The_schema_passes_the_quality_gate_and_is_a_superset_of_the_catalog_schema()
    {
        var schema = (await GenerateAsync()).Schema!;
        var catalog = new CatalogSchemaGenerator(fixture.Catalog).Generate(ProductTypeKey.Parse("pressure_transmitter"));

        Assert.Empty(SchemaQualityGate.Validate(schema));
        foreach (var expected in catalog.AllFields)
        {
            var field = Field(schema, expected.Key);
            Assert.Equal((expected.Group, expected.DataType, expected.Unit), (field.Group, field.DataType, field.Unit));
            Assert.Superset(expected.AllowedValues.ToHashSet(), field.AllowedValues.ToHashSet());
            if (expected.TypicalRange is { } typical)
            {
                var widened = field.TypicalRange!;
                Assert.True(typical.Min is null || widened.Min <= typical.Min, $"{field.Key}: {widened} does not contain {typical}");
                Assert.True(typical.Max is null || widened.Max >= typical.Max, $"{field.Key}: {widened} does not contain {typical}");
            }
        }

        Assert.True(schema.AllFields.Count() > catalog.AllFields.Count());
    }

    [Fact]
    public async Task Every_added_value_cites_a_vendor_document_and_page_that_the_report_shows_was_read()
    {
        var result = await GenerateAsync();
        var extracted = result.Report.Documents.Where(static d => d.Status == DocumentStatus.Extracted).ToDictionary(static d => d.Document.CitationSource, static d => d.Pages);

        var values = result.Schema!.AllFields.SelectMany(static f => f.Values).ToList();
        Assert.True(values.Count >= 50, $"only {values.Count} values");
        foreach (var citation in values.SelectMany(static v => v.Citations))
        {
            Assert.True(extracted.TryGetValue(citation.Source, out var pages), $"{citation.Source} is not an extracted document");
            Assert.Matches(@"^p\. \d+$", citation.Clause);
            Assert.InRange(int.Parse(citation.Clause![3..], System.Globalization.CultureInfo.InvariantCulture), 1, pages);
            Assert.False(string.IsNullOrWhiteSpace(citation.Note));
        }

        Assert.All(values, static v => Assert.InRange(v.Confidence, 0.01, 1));
    }

    [Fact]
    public async Task Provenance_names_the_generator_the_catalog_class_and_every_document_used()
    {
        var schema = (await GenerateAsync()).Schema!;

        Assert.Equal(DatasheetSchemaGenerator.GeneratorName, schema.Provenance.Generator);
        Assert.StartsWith("datasheets/1.0+vendors.", schema.Provenance.GeneratorFingerprint, StringComparison.Ordinal);
        Assert.Equal(
            [$"catalog:pressure_transmitter@{fixture.Catalog.Version}", "Aldor Instruments APT-40.pdf", "Brennick Controls BPT-7000.pdf", "Corvane Messtechnik CPT-2.pdf"],
            schema.Provenance.Sources);
        Assert.Equal("Pressure transmitter", schema.DisplayName);
    }
}
