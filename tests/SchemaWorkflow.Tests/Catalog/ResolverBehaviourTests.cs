using SchemaWorkflow.Catalog;

namespace SchemaWorkflow.Tests.Catalog;

public sealed class ResolverBehaviourTests(CatalogFixture fixture) : IClassFixture<CatalogFixture>
{
    private CatalogProductTypeResolver Resolver => fixture.Resolver;

    [Theory]
    [InlineData("pressure transmitter")]
    [InlineData("Pressure Transmitters")]
    [InlineData("PT")]
    [InlineData("pressure transmitter for differential service")]
    [InlineData("pressure transmitter with DP cell")]
    public async Task Pressure_transmitter_never_becomes_differential_pressure(string text)
    {
        var resolution = await Resolver.ResolveAsync(text);
        Assert.Equal("pressure_transmitter", resolution.Key?.Value);
    }

    [Theory]
    [InlineData("differential pressure transmitter")]
    [InlineData("DP pressure transmitter")]
    [InlineData("differential-pressure transmitter 4-20mA HART")]
    public async Task Differential_pressure_transmitter_never_becomes_pressure_transmitter(string text)
    {
        var resolution = await Resolver.ResolveAsync(text);
        Assert.Equal("differential_pressure_transmitter", resolution.Key?.Value);
    }

    [Fact]
    public async Task Temperature_switch_is_not_a_temperature_transmitter()
    {
        var resolution = await Resolver.ResolveAsync("temperature switch");
        Assert.NotEqual("temperature_transmitter", resolution.Key?.Value);
        if (fixture.HasExtendedFile)
        {
            Assert.Equal("temperature_switch", resolution.Key?.Value);
        }
    }

    [Theory]
    [InlineData("4-20mA HART", "output_signal")]
    [InlineData("with display", "local_display")]
    [InlineData("DN100", "nominal_diameter")]
    [InlineData("for wastewater", "process_fluid")]
    [InlineData("Class 300", "pressure_rating")]
    [InlineData("Ex d", "hazardous_area_certification")]
    [InlineData("SIL 2", "functional_safety")]
    [InlineData("IP68", "ingress_protection")]
    public async Task Qualifiers_on_a_magmeter_become_hints_for_its_fields(string qualifier, string field)
    {
        var plain = await Resolver.ResolveAsync("electromagnetic flowmeter");
        var qualified = await Resolver.ResolveAsync(qualifier.StartsWith("for", StringComparison.Ordinal) || qualifier.StartsWith("with", StringComparison.Ordinal)
            ? $"electromagnetic flowmeter {qualifier}"
            : $"{qualifier} electromagnetic flowmeter");

        Assert.Equal(plain.Key, qualified.Key);
        Assert.Contains(qualified.Hints, h => h.FieldKey == field && qualifier.Contains(h.Text, StringComparison.OrdinalIgnoreCase) || h.FieldKey == field && h.Text.Contains(qualifier.Replace("for ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Control_valve_qualifiers_name_rating_and_fail_position()
    {
        var resolution = await Resolver.ResolveAsync("Control valve Class 300 fail close");
        Assert.Equal("control_valve", resolution.Key?.Value);
        Assert.Contains(new ResolutionHint("Class 300", "pressure_rating"), resolution.Hints);
        Assert.Contains(new ResolutionHint("fail close", "fail_position"), resolution.Hints);
    }

    [Fact]
    public async Task Letter_code_with_signal_gives_the_class_and_an_output_signal_hint()
    {
        var resolution = await Resolver.ResolveAsync("TT 4-20mA HART");
        Assert.Equal("temperature_transmitter", resolution.Key?.Value);
        Assert.Contains(new ResolutionHint("4-20mA HART", "output_signal"), resolution.Hints);
    }

    [Fact]
    public async Task Tag_number_becomes_a_tag_hint()
    {
        var resolution = await Resolver.ResolveAsync("PT-101A");
        Assert.Equal("pressure_transmitter", resolution.Key?.Value);
        Assert.Contains(new ResolutionHint("PT-101A", "tag_number"), resolution.Hints);
    }

    [Fact]
    public async Task Material_qualifier_names_the_wetted_part_of_the_class()
    {
        var transmitter = await Resolver.ResolveAsync("316L pressure transmitter");
        Assert.Contains(new ResolutionHint("316L", "diaphragm_material"), transmitter.Hints);
        var valve = await Resolver.ResolveAsync("control valve 316L");
        Assert.Contains(new ResolutionHint("316L", "body_material"), valve.Hints);
    }

    [Fact]
    public async Task Range_qualifier_names_the_range_field_of_the_class()
    {
        var resolution = await Resolver.ResolveAsync("Pressure gauge 0-16 bar");
        Assert.Equal("pressure_gauge", resolution.Key?.Value);
        Assert.Contains(new ResolutionHint("0-16 bar", "scale_range"), resolution.Hints);
    }

    public static TheoryData<string> Qualifiers => new()
    {
        "4-20mA HART", "with display", "DN100", "for wastewater", "Class 300 fail close", "Ex d", "SIL 2", "316L", "IP67", "PN40",
        "0-10 bar", "ATEX", "1/2\" NPT", "Ex ia IIC T4 Ga", "stainless steel", "FOUNDATION fieldbus", "PROFIBUS PA", "2\"", "NACE",
    };

    [Theory]
    [MemberData(nameof(Qualifiers))]
    public async Task A_qualifier_never_changes_the_class_of_any_reference_class(string qualifier)
    {
        foreach (var key in ReferenceClasses.Keys)
        {
            fixture.Catalog.TryGetClass(ProductTypeKey.Parse(key), out var cls);
            var name = cls!.DisplayName;
            var text = qualifier.StartsWith("for ", StringComparison.Ordinal) || qualifier.StartsWith("with ", StringComparison.Ordinal)
                ? $"{name} {qualifier}"
                : $"{qualifier} {name}";
            var resolution = await Resolver.ResolveAsync(text);
            Assert.True(key == resolution.Key?.Value, $"'{text}' resolved to '{resolution.Key}' instead of '{key}'");
        }
    }

    [Theory]
    [InlineData("transmitter")]
    [InlineData("valve")]
    [InlineData("switch")]
    [InlineData("ultrasonic")]
    public async Task Ambiguous_text_is_not_resolved_and_gets_several_suggestions(string text)
    {
        var resolution = await Resolver.ResolveAsync(text);
        Assert.False(resolution.IsResolved, $"'{text}' resolved to {resolution.Key}");
        Assert.True(resolution.Suggestions.Count >= 2, $"'{text}' got {resolution.Suggestions.Count} suggestions");
        Assert.All(resolution.Suggestions, s => Assert.True(fixture.Catalog.Contains(ProductTypeKey.Parse(s))));
    }

    [Fact]
    public async Task Ultrasonic_is_decided_by_the_measured_quantity_word()
    {
        Assert.Equal("ultrasonic_flowmeter", (await Resolver.ResolveAsync("ultrasonic flow")).Key?.Value);
        Assert.Equal("ultrasonic_level_transmitter", (await Resolver.ResolveAsync("ultrasonic level")).Key?.Value);
    }

    [Theory]
    [InlineData("pressur gaug", "pressure_gauge")]
    [InlineData("electromagnetc flowmetr", "electromagnetic_flowmeter")]
    [InlineData("coriolis thing", "coriolis_flowmeter")]
    public async Task Garbled_text_resolves_or_suggests_the_intended_class(string text, string expected)
    {
        var resolution = await Resolver.ResolveAsync(text);
        var candidates = resolution.IsResolved ? [resolution.Key!.Value.Value] : resolution.Suggestions;
        Assert.Contains(expected, candidates);
    }

    [Theory]
    [InlineData("temperature thingamajig", "temperature")]
    [InlineData("level widget", "level")]
    [InlineData("pressure", "pressure")]
    public async Task Unknown_text_suggests_classes_about_the_quantity_it_names(string text, string measurand)
    {
        var resolution = await Resolver.ResolveAsync(text);
        Assert.False(resolution.IsResolved);
        Assert.NotEmpty(resolution.Suggestions);
        foreach (var suggestion in resolution.Suggestions)
        {
            fixture.Catalog.TryGetClass(ProductTypeKey.Parse(suggestion), out var cls);
            Assert.True(cls!.Measurands.Contains(measurand) || cls.Key.Value.Contains(measurand, StringComparison.Ordinal), $"{suggestion} is not about {measurand}");
        }
    }

    [Fact]
    public async Task Text_unrelated_to_instruments_resolves_to_nothing()
    {
        var resolution = await Resolver.ResolveAsync("chocolate cake");
        Assert.False(resolution.IsResolved);
        Assert.Equal(0, resolution.Confidence);
    }

    [Fact]
    public async Task Exact_names_are_fully_confident_and_letter_codes_and_corrections_less_so()
    {
        var exact = await Resolver.ResolveAsync("Pressure gauge");
        var code = await Resolver.ResolveAsync("PI");
        var misspelt = await Resolver.ResolveAsync("presure gauge");
        var extraWords = await Resolver.ResolveAsync("pressure gauge bottom entry brass");
        Assert.Equal(1.0, exact.Confidence);
        Assert.True(code.Confidence < exact.Confidence);
        Assert.True(misspelt.Confidence < exact.Confidence);
        Assert.True(extraWords.Confidence < exact.Confidence);
        Assert.All(new[] { code, misspelt, extraWords }, r => Assert.Equal("pressure_gauge", r.Key?.Value));
    }

    [Fact]
    public async Task English_words_that_look_like_letter_codes_do_not_pick_a_class()
    {
        var resolution = await Resolver.ResolveAsync("pressure gauge at pump discharge");
        Assert.Equal("pressure_gauge", resolution.Key?.Value);
    }

    [Fact]
    public async Task Repeated_text_returns_the_memoized_answer_without_allocating()
    {
        const string text = "TT 4-20mA HART";
        var first = await Resolver.ResolveAsync(text);
        for (var i = 0; i < 10; i++)
        {
            _ = await Resolver.ResolveAsync(text);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        ProductTypeResolution? last = null;
        for (var i = 0; i < 1000; i++)
        {
            last = await Resolver.ResolveAsync(text);
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Same(first, last);
        Assert.Equal(0, allocated);
    }

    [Fact]
    public async Task Concurrent_resolution_of_the_same_text_agrees()
    {
        var resolver = new CatalogProductTypeResolver(fixture.Catalog);
        var texts = Enumerable.Range(0, 64).Select(static i => i % 2 == 0 ? "DP transmitter" : "mag meter DN50").ToArray();
        var results = await Task.WhenAll(texts.Select(t => Task.Run(async () => await resolver.ResolveAsync(t))));
        Assert.All(results.Where((_, i) => i % 2 == 0), r => Assert.Equal("differential_pressure_transmitter", r.Key?.Value));
        Assert.All(results.Where((_, i) => i % 2 == 1), r => Assert.Equal("electromagnetic_flowmeter", r.Key?.Value));
    }

    [Fact]
    public void Unknown_texts_are_answered_consistently_with_catalog_suggestions_only()
    {
        // Speed is measured in the benchmark suite, not asserted by wall clock here: this checks what every unknown
        // text gets back — unresolved, the same answer on a repeat, and suggestions that are catalog classes.
        var resolver = new CatalogProductTypeResolver(fixture.Catalog);
        for (var i = 0; i < 100; i++)
        {
            var text = $"gadget {i} widget assembly";
            var resolution = resolver.Resolve(text);
            Assert.False(resolution.IsResolved);
            Assert.Null(resolution.Key);
            Assert.All(resolution.Suggestions, s => Assert.True(fixture.Catalog.Contains(ProductTypeKey.Parse(s))));
            Assert.Equal(resolution.Suggestions, resolver.Resolve(text).Suggestions);
        }
    }

    [Fact]
    public async Task Null_text_is_rejected()
    {
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await Resolver.ResolveAsync(null!));
    }
}
