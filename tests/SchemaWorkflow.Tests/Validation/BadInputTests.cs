using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Tests.Validation;

/// <summary>Bad input gives clear errors (an ArgumentException with a sentence, or a report entry), never an unhandled crash.</summary>
public sealed class BadInputTests
{
    private static readonly ProductSchema Schema = ValidationTestSchemas.TemperatureTransmitter();

    [Fact]
    public void Null_requirements_and_null_schema_throw_argument_null()
    {
        Assert.Throws<ArgumentNullException>(() => RequirementSet.From(null!));
        Assert.Throws<ArgumentNullException>(() => RequirementSet.FromText(null!));
        Assert.Throws<ArgumentNullException>(() => RequirementsValidator.Validate(null!, RequirementSet.Empty));
        Assert.Throws<ArgumentNullException>(() => RequirementsValidator.Validate(Schema, null!));
        Assert.Throws<ArgumentNullException>(() => ValueParser.Parse(Schema.AllFields.First(), null!));
    }

    [Fact]
    public void An_empty_map_lists_every_mandatory_field_as_missing()
    {
        var report = RequirementsValidator.Validate(Schema, RequirementSet.From(new Dictionary<string, string>()));

        Assert.False(report.IsValid);
        Assert.Empty(report.Provided);
        Assert.Equal(Schema.AllFields.Where(static f => f.Requirement == RequirementLevel.Mandatory).Select(static f => f.Key), report.Missing.Select(static m => m.Field));
        Assert.Equal("Not valid: 0 of 10 mandatory fields are given; 10 required fields are missing and 0 values are invalid.", report.Summary);
        Assert.True(RequirementSet.Empty.IsEmpty);
    }

    [Fact]
    public void Blank_values_mean_not_given_as_the_legacy_form_sends_them()
    {
        var set = RequirementSet.From(new Dictionary<string, string> { ["outputSignal"] = "", ["accuracy"] = "   ", ["range"] = "0-100 °C" }, "  ");

        Assert.Equal([new RequirementEntry("range", "0-100 °C")], set.Entries);
        Assert.Null(set.FreeText);
    }

    [Fact]
    public void A_ten_thousand_character_value_is_refused_with_its_length_and_the_limit()
    {
        var ex = Assert.Throws<ArgumentException>(() => RequirementSet.From(new Dictionary<string, string> { ["output"] = new string('4', 10_000) }));

        Assert.Equal("values", ex.ParamName);
        Assert.StartsWith("The value of 'output' has 10000 characters; the limit is 500. Give just the value.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_ten_thousand_character_value_given_straight_to_the_parser_is_a_failed_result_not_an_exception()
    {
        var result = ValueParser.Parse(Schema.FindField("output_signal")!, new string('x', 10_000));

        Assert.False(result.Success);
        Assert.Equal(InvalidReason.Unreadable, result.Error);
        Assert.Equal("The value given for Output signal has 10000 characters; the limit is 500. Give just the value.", result.Message);
    }

    [Fact]
    public void A_thousand_entries_are_refused_with_the_count_and_the_limit()
    {
        var values = Enumerable.Range(0, 1_000).ToDictionary(static i => "field" + i, static i => "value");

        var ex = Assert.Throws<ArgumentException>(() => RequirementSet.From(values));

        Assert.StartsWith("The requirements have 1000 entries; the limit is 200.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_thousand_entries_from_a_lazy_sequence_are_refused_without_reading_them_all()
    {
        var read = 0;
        IEnumerable<KeyValuePair<string, string>> Lazy()
        {
            for (var i = 0; i < 1_000; i++)
            {
                read++;
                yield return new("field" + i, "value");
            }
        }

        var ex = Assert.Throws<ArgumentException>(() => RequirementSet.From(Lazy()));

        Assert.StartsWith("The requirements have more than 200 entries; the limit is 200.", ex.Message, StringComparison.Ordinal);
        Assert.Equal(201, read);
    }

    [Theory]
    [InlineData("out\u0000put", "4-20 mA", "The field name of entry 1 contains a control character.")]
    [InlineData("output", "4-20\u0007mA", "The value of 'output' contains a control character.")]
    [InlineData("output", "4-20 mA\nHART", "The value of 'output' contains a control character.")]
    [InlineData("", "4-20 mA", "Entry 1 has no field name.")]
    [InlineData("   ", "4-20 mA", "Entry 1 has no field name.")]
    public void Control_characters_and_missing_names_are_refused(string name, string value, string message)
    {
        var ex = Assert.Throws<ArgumentException>(() => RequirementSet.From([new KeyValuePair<string, string>(name, value)]));

        Assert.StartsWith(message, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_long_name_is_refused()
    {
        var ex = Assert.Throws<ArgumentException>(() => RequirementSet.From(new Dictionary<string, string> { [new string('n', 101)] = "x" }));

        Assert.StartsWith("Entry 1 has a field name of 101 characters; the limit is 100.", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Free_text_allows_line_breaks_and_tabs_but_not_other_control_characters_or_excess_length()
    {
        Assert.Equal("Pt100\n0-150 °C\tIP66", RequirementSet.FromText("Pt100\n0-150 °C\tIP66").FreeText);
        Assert.StartsWith("The free text contains a control character other than a line break or tab.", Assert.Throws<ArgumentException>(() => RequirementSet.FromText("Pt100\u001b[31m")).Message, StringComparison.Ordinal);
        Assert.StartsWith("The free text has 5000 characters; the limit is 4000.", Assert.Throws<ArgumentException>(() => RequirementSet.FromText(new string('a', 5_000))).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void With_and_WithText_check_like_the_factories()
    {
        var set = RequirementSet.Empty.With("output", "4-20 mA").With("accuracy", " ").WithText("IP66");

        Assert.Equal([new RequirementEntry("output", "4-20 mA")], set.Entries);
        Assert.Equal("IP66", set.FreeText);
        Assert.Throws<ArgumentException>(() => set.With("output", "x\u0001"));
        Assert.Throws<ArgumentException>(() => set.With("", "x"));
    }

    [Fact]
    public void Hostile_text_of_every_kind_gives_a_result_for_every_field_type()
    {
        var random = new Random(20261128);
        var alphabet = "0123456789.,-+±…~/\\\"'°%µΩ³² abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ()[]{}<>:;=!?@#$^&*_|ĀßŒж中𝟘\u2212\u2013\u00A0";
        var fields = ValidationFields.ByName.Values.Concat(Schema.AllFields).ToList();
        for (var i = 0; i < 400; i++)
        {
            var length = random.Next(1, 60);
            var text = new string(Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());
            foreach (var field in fields)
            {
                var result = ValueParser.Parse(field, text);
                Assert.True(result.Success || !string.IsNullOrWhiteSpace(result.Message), $"'{text}' for {field.Key} failed without a message");
            }

            if (SchemaWorkflow.Validation.Internal.QuantityParser.HasLoneSurrogate(text))
            {
                Assert.Throws<ArgumentException>(() => RequirementSet.FromText(text));
                continue;
            }

            var report = RequirementsValidator.Validate(Schema, RequirementSet.FromText(text));
            Assert.NotNull(ValidationReportJson.Serialize(report));
        }
    }

    [Fact]
    public void A_broken_surrogate_is_refused_as_input_and_unreadable_as_a_value()
    {
        Assert.StartsWith("The entry 'output' contains a broken character", Assert.Throws<ArgumentException>(() => RequirementSet.From(new Dictionary<string, string> { ["output"] = "4-20 mA\uD800" })).Message, StringComparison.Ordinal);
        Assert.Equal(InvalidReason.Unreadable, ValueParser.Parse(ValidationFields.ByName["text"], "TT\uDC00").Error);
    }

    [Fact]
    public void Numbers_too_large_for_a_double_do_not_crash()
    {
        var result = ValueParser.Parse(ValidationFields.ByName["pressure"], new string('9', 400) + " bar");

        Assert.False(result.Success);
        Assert.Equal(InvalidReason.Unreadable, result.Error);
    }
}
