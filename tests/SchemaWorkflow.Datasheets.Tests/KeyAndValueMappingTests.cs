using SchemaWorkflow.Catalog;
using SchemaWorkflow.Datasheets.Internal;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Datasheets.Tests;

/// <summary>Keys to catalog fields through synonyms and fuzzy matching; values through the typed value parser.</summary>
public sealed class KeyAndValueMappingTests
{
    private static readonly IReadOnlyList<SchemaField> Pressure =
        [.. new CatalogSchemaGenerator(new InstrumentCatalog()).Generate(ProductTypeKey.Parse("pressure_transmitter")).AllFields];

    private static FieldMatcher Matcher(int threshold = 88, params (string Phrase, string Field)[] synonyms) =>
        new(Pressure, synonyms.Select(static s => KeyValuePair.Create(s.Phrase, s.Field)), threshold);

    private static MapOutcome Map(string key, string value, int threshold = 88, string? fieldKey = null) =>
        new SpecificationMapper(Pressure, [], threshold).Map(
            new SpecificationPair { Key = key, Value = value, Page = 1, FieldKey = fieldKey },
            "test",
            new SpecificationProvenance(DatasheetVendor.FromName("Acme Controls"), "a.pdf", 1, "/a.pdf"));

    [Theory]
    [InlineData("Supply voltage", "supply_voltage", 100)]
    [InlineData("Power supply", "supply_voltage", 100)]
    [InlineData("Max. working pressure", "maximum_working_pressure", 100)]
    [InlineData("MWP", "maximum_working_pressure", 100)]
    [InlineData("Enclosure rating", "ingress_protection", 100)]
    [InlineData("Ambient temperature (operation)", "ambient_temperature_range", 100)]
    [InlineData("Proc. temp.", "process_temperature_range", 100)]
    [InlineData("Supply voltage range", "supply_voltage", 90)]
    [InlineData("Hazardous area", "hazardous_area_certification", 88)]
    [InlineData("Ambiant temperature", "ambient_temperature_range", 95)]
    public void A_key_maps_to_its_catalog_field(string key, string field, int score)
    {
        var match = Matcher().Match(key);

        Assert.Equal(field, match.Field);
        Assert.Equal(score, match.Score);
    }

    [Theory]
    [InlineData("Sensor technology")]
    [InlineData("Weight")]
    [InlineData("Storage temperature")]
    [InlineData("Communication")]
    public void A_key_no_field_is_close_to_matches_nothing(string key) => Assert.Null(Matcher().Match(key).Field);

    [Fact]
    public void A_higher_threshold_turns_fuzzy_and_word_matches_off_but_keeps_exact_ones()
    {
        var strict = Matcher(threshold: 96);

        Assert.Null(strict.Match("Ambiant temperature").Field);
        Assert.Null(strict.Match("Supply voltage range").Field);
        Assert.Equal("supply_voltage", strict.Match("Power supply").Field);
    }

    [Fact]
    public void A_host_synonym_maps_vendor_wording_the_catalog_does_not_know()
    {
        Assert.Null(Matcher().Match("Loop power").Field);
        Assert.Equal("supply_voltage", Matcher(88, ("Loop power", "supply_voltage")).Match("Loop power").Field);
        Assert.Null(Matcher(88, ("Loop power", "no_such_field")).Match("Loop power").Field);
    }

    [Theory]
    [InlineData("Measuring range", "0 to 6000 psi", 0.0, 413.685, "bar")]
    [InlineData("Measuring range", "-1 ... 40 bar g", -1.0, 40.0, "bar")]
    [InlineData("Measuring range", "0 - 100 kPa", 0.0, 1.0, "bar")]
    [InlineData("Ambient temperature", "-40 to 185 deg F", -40.0, 85.0, "°C")]
    [InlineData("Ambient temperature", "233 ... 358 K", -40.15, 84.85, "°C")]
    [InlineData("Supply voltage", "10.5...42 VDC", 10.5, 42.0, "V DC")]
    [InlineData("Supply voltage", "max. 42 V", null, 42.0, "V DC")]
    [InlineData("Damping", "0 ... 60 s", 0.0, 60.0, "s")]
    [InlineData("Process temperature (°C)", "-40 ... 120", -40.0, 120.0, "°C")]
    public void Ranges_in_any_spelling_convert_to_the_fields_unit(string key, string value, double? min, double max, string unit)
    {
        var spec = Map(key, value).Specification!;

        Assert.Equal(new NumericRange { Min = min, Max = max, Unit = unit }, spec.Range);
    }

    [Theory]
    [InlineData("Accuracy", "± 0.04% of calibrated span", 0.04, "% of span", QuantityForm.Tolerance)]
    [InlineData("Max. load resistance", "1100 ohms", 1100.0, "Ω", QuantityForm.Single)]
    [InlineData("Response time", "0.2 s", 200.0, "ms", QuantityForm.Single)]
    [InlineData("Turndown", "100:1", 100.0, null, QuantityForm.Single)]
    public void Numbers_convert_to_the_fields_unit_and_keep_their_form(string key, string value, double number, string? unit, QuantityForm form)
    {
        var spec = Map(key, value).Specification!;

        Assert.Equal((number, unit, form), (spec.Number!.Value, spec.Unit, spec.Form!.Value));
    }

    [Theory]
    [InlineData("Output", "4...20 mA / HART", new[] { "4-20 mA HART" }, new string[0])]
    [InlineData("Enclosure rating", "IP65, NEMA 4X", new[] { "IP65", "NEMA 4X" }, new string[0])]
    [InlineData("Housing material", "Aluminium, low copper, painted", new[] { "Aluminium, low copper, painted" }, new string[0])]
    [InlineData("Housing material", "Die-cast aluminium, painted", new[] { "Die-cast aluminium, painted" }, new[] { "Die-cast aluminium, painted" })]
    [InlineData("Ex approval", "ATEX II 1 G Ex ia IIC T6 Ga", new[] { "Ex ia IIC T6 Ga" }, new string[0])]
    [InlineData("Sour service", "yes", new[] { "Yes" }, new string[0])]
    public void Enum_and_yes_no_values_take_the_allowed_spelling_and_new_ones_are_flagged(string key, string value, string[] values, string[] added)
    {
        var spec = Map(key, value).Specification!;

        Assert.Equal(values, spec.Values);
        Assert.Equal(added, spec.NewValues);
    }

    [Theory]
    [InlineData("Protocol", "HART", "could mean")]
    [InlineData("Accuracy", "±0.1 % of URL", "percentage of URL")]
    [InlineData("Measuring range", "0 ... 40 furlongs", "not a unit")]
    [InlineData("Output signal", "Please refer to the ordering information table for all available options", "not an allowed value")]
    [InlineData("Measuring range", "TBD", "placeholder")]
    public void A_value_that_does_not_fit_its_field_is_rejected_with_the_parsers_reason(string key, string value, string reason)
    {
        var outcome = Map(key, value);

        Assert.Null(outcome.Specification);
        Assert.Contains(reason, outcome.Rejection!.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Identification_fields_and_not_applicable_values_are_ignored_not_rejected()
    {
        Assert.Equal(default, Map("Model", "APT-40"));
        Assert.Equal(default, Map("Display", "n/a"));
    }

    [Fact]
    public void An_extractors_field_suggestion_is_used_when_the_class_has_the_field_and_still_parsed()
    {
        var suggested = Map("Speisung", "24 V DC", fieldKey: "supply_voltage").Specification!;
        var unknown = Map("Speisung", "24 V DC", fieldKey: "no_such_field").Specification!;
        var junk = Map("Speisung", "I don't have information", fieldKey: "supply_voltage");

        Assert.Equal(("supply_voltage", 24.0, 24.0), (suggested.FieldKey, suggested.Range!.Min!.Value, suggested.Range.Max!.Value));
        Assert.Equal(("speisung", (string?)null), (unknown.CandidateKey, unknown.FieldKey));
        Assert.NotNull(junk.Rejection);
    }

    [Fact]
    public void Unknown_keys_become_candidates_with_a_quantity_when_the_value_has_a_unit()
    {
        var weight = Map("Weight (approx.)", "approx. 1.4 kg").Specification!;
        var colour = Map("Housing colour", "Blue RAL 5012").Specification!;

        Assert.Equal(("weight", 1.4, "kg"), (weight.CandidateKey, weight.Number!.Value, weight.Unit));
        Assert.Equal(("housing_color", "Blue RAL 5012"), (colour.CandidateKey, Assert.Single(colour.Values)));
    }
}
