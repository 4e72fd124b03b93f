using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Tests.Validation;

/// <summary>
/// The three seed types from the built-in catalog, enriched by the built-in standards: complete requirements,
/// missing mandatory fields, invalid values, unknown names, free text only and a mix; each report asserted line by line
/// (P provided, M missing, I invalid, U unrecognised, C conditional).
/// </summary>
public sealed class SeedTypeValidationTests(SeedSchemaFixture fixture) : IClassFixture<SeedSchemaFixture>
{
    private static readonly Dictionary<string, string> Expected = new()
    {
        ["TT complete"] = """
            P sensor_input_type = Pt100 [Synonym]
            P rtd_connection_wires = 3-wire [Synonym]
            P calibrated_range = 0..150 °C [Synonym]
            P accuracy = ±0.1 °C [DisplayName]
            P ambient_temperature_effect = 0.0015 °C/°C [FieldKey]
            P long_term_stability = 0.1 % of reading [Synonym]
            P output_signal = 4-20 mA HART [Synonym]
            P communication_protocol = HART 7 [Synonym]
            P failure_signal = Downscale ≤3.6 mA (NAMUR NE 43) [Synonym]
            P supply_voltage = 10.5..42.4 V DC [DisplayName]
            P mounting_type = Head mount (DIN form B) [Synonym]
            P housing_material = Stainless steel 316/316L [FieldKey]
            P electrical_connection = M20 x 1.5 [Synonym]
            P ambient_temperature_range = -40..85 °C [Synonym]
            P ingress_protection = IP66/IP67 [Synonym]
            P emc_compliance = IEC 61326-1 and NAMUR NE 21 [Synonym]
            C rtd_connection_wires Applies given
            C cold_junction_compensation DoesNotApply
            C hazardous_area_certification Unknown
            VALID
            """,
        ["TT missing"] = """
            P sensor_input_type = Pt100 [Synonym]
            P calibrated_range = 0..150 °C [Synonym]
            P output_signal = 4-20 mA HART [Synonym]
            P communication_protocol = HART 7 [Synonym]
            P supply_voltage = 12..30 V DC [PartialName]
            M rtd_connection_wires
            M accuracy
            M ambient_temperature_effect
            M long_term_stability
            M failure_signal
            M mounting_type
            M housing_material
            M electrical_connection
            M ambient_temperature_range
            M ingress_protection
            M emc_compliance
            C rtd_connection_wires Applies
            C cold_junction_compensation DoesNotApply
            C hazardous_area_certification Unknown
            INVALID
            """,
        ["TT invalid"] = """
            P sensor_input_type = Type K [Synonym]
            M cold_junction_compensation
            M accuracy
            M ambient_temperature_effect
            M long_term_stability
            M communication_protocol
            M failure_signal
            M mounting_type
            M housing_material
            M electrical_connection
            I calibrated_range WrongUnitDimension
            I damping Placeholder
            I output_signal NotAllowedValue
            I saturation_limits ConflictsWithStandard
            I supply_voltage UnitMismatch
            I ambient_temperature_range ReversedRange
            I ingress_protection NotAllowedValue
            I emc_compliance Placeholder
            C rtd_connection_wires DoesNotApply
            C cold_junction_compensation Applies
            C hazardous_area_certification Unknown
            INVALID
            """,
        ["TT unknown"] = """
            P sensor_input_type = Pt100 [CloseSpelling]
            P output_signal = 4-20 mA [FieldKey]
            M rtd_connection_wires
            M calibrated_range
            M accuracy
            M ambient_temperature_effect
            M long_term_stability
            M communication_protocol
            M failure_signal
            M supply_voltage
            M mounting_type
            M housing_material
            M electrical_connection
            M ambient_temperature_range
            M ingress_protection
            M emc_compliance
            U colour = blue ->
            U weight = 2 kg ->
            U paint = RAL 7035 -> calibrated_range
            C rtd_connection_wires Applies
            C cold_junction_compensation DoesNotApply
            C hazardous_area_certification Unknown
            INVALID
            """,
        ["TT text"] = """
            P calibrated_range = 0..150 °C [ValuePattern]
            P accuracy = ±0.1 % of span [ValuePattern]
            P output_signal = 4-20 mA HART [ValuePattern]
            P housing_material = Stainless steel 316/316L [ValuePattern]
            P electrical_connection = 1/2 NPT [ValuePattern]
            P ingress_protection = IP66/IP67 [ValuePattern]
            P hazardous_area_certification = Ex db IIC T6 Gb [ValuePattern]
            M sensor_input_type
            M ambient_temperature_effect
            M long_term_stability
            M communication_protocol
            M failure_signal
            M supply_voltage
            M mounting_type
            M ambient_temperature_range
            M emc_compliance
            C rtd_connection_wires Unknown
            C cold_junction_compensation Unknown
            C hazardous_area_certification Applies given
            INVALID
            """,
        ["TT mixed"] = """
            P tag_number = TT-4711 [Synonym]
            P sensor_input_type = Type K [Synonym]
            P calibrated_range = 0..1200 °C [Synonym]
            P cold_junction_compensation = Internal [PartialName]
            P output_signal = 4-20 mA HART [ValuePattern]
            P communication_protocol = HART 7 [ValuePattern]
            P failure_signal = Downscale ≤3.6 mA (NAMUR NE 43) [ValuePattern]
            P supply_voltage = 24..24 V DC [ValuePattern]
            P mounting_type = Field mount, dual compartment [ValuePattern]
            P housing_material = Aluminium, low copper, painted [ValuePattern]
            P electrical_connection = M20 x 1.5 [ValuePattern]
            P ambient_temperature_range = -40..85 °C [ValuePattern]
            P ingress_protection = IP66 [ValuePattern]
            P emc_compliance = IEC 61326-1 [ValuePattern]
            M accuracy
            M ambient_temperature_effect
            M long_term_stability
            C rtd_connection_wires DoesNotApply
            C cold_junction_compensation Applies given
            C hazardous_area_certification Unknown
            INVALID
            """,
        ["PG complete"] = """
            P pressure_type = Gauge [DisplayName]
            P scale_range = 0..10 bar [Synonym]
            P pressure_unit = bar [PartialName]
            P overpressure_limit = 13 bar [DisplayName]
            P process_temperature = 60 °C [Synonym]
            P accuracy_class = 1.6 [Synonym]
            P nominal_size = 100 mm [Synonym]
            P measuring_element = C-type Bourdon tube [Synonym]
            P measuring_element_material = Stainless steel 316L [Synonym]
            P socket_material = Stainless steel 316L [DisplayName]
            P process_connection = G 1/2 B [Synonym]
            P connection_location = Bottom (radial) [DisplayName]
            P mounting_type = Stem (direct) [Synonym]
            P case_material = Stainless steel 304 [DisplayName]
            P window_material = Laminated safety glass [Synonym]
            P case_filling = Glycerine [PartialName]
            P safety_pattern = S3 (solid baffle wall) [DisplayName]
            P ambient_temperature_range = -20..60 °C [Synonym]
            P ingress_protection = IP65 [Synonym]
            P design_standard = EN 837-1 [Synonym]
            C cleaning Unknown
            VALID
            """,
        ["PG missing"] = """
            P scale_range = 0..16 bar [Synonym]
            P accuracy_class = 1.0 [Synonym]
            P nominal_size = 160 mm [PartialName]
            M pressure_type
            M pressure_unit
            M overpressure_limit
            M process_temperature
            M measuring_element
            M measuring_element_material
            M socket_material
            M process_connection
            M connection_location
            M mounting_type
            M case_material
            M window_material
            M case_filling
            M safety_pattern
            M ambient_temperature_range
            M ingress_protection
            M design_standard
            C cleaning Unknown
            INVALID
            """,
        ["PG invalid"] = """
            P design_standard = EN 837-1 [DisplayName]
            M pressure_type
            M pressure_unit
            M overpressure_limit
            M measuring_element_material
            M socket_material
            M process_connection
            M connection_location
            M mounting_type
            M case_material
            M window_material
            M safety_pattern
            M ambient_temperature_range
            I scale_range WrongUnitDimension
            I process_temperature OutOfRange
            I accuracy_class NotAllowedValue
            I nominal_size ConflictsWithStandard
            I measuring_element AmbiguousValue
            I case_filling NotAllowedValue
            I ingress_protection NotAllowedValue
            C cleaning Unknown
            INVALID
            """,
        ["PG unknown"] = """
            P scale_range = 0..10 bar [PartialName]
            P accuracy_class = 1.6 [DisplayName]
            M pressure_type
            M pressure_unit
            M overpressure_limit
            M process_temperature
            M nominal_size
            M measuring_element
            M measuring_element_material
            M socket_material
            M process_connection
            M connection_location
            M mounting_type
            M case_material
            M window_material
            M case_filling
            M safety_pattern
            M ambient_temperature_range
            M ingress_protection
            M design_standard
            U dial colour = white -> dial
            U pointer colour = red -> pointer
            C cleaning Unknown
            INVALID
            """,
        ["PG text"] = """
            P scale_range = 0..10 bar [ValuePattern]
            P process_medium = Oxygen [ValuePattern]
            P accuracy_class = 1.6 [Synonym]
            P nominal_size = 100 mm [Synonym]
            P process_connection = G 1/2 B [ValuePattern]
            P case_material = Stainless steel 316 [ValuePattern]
            P case_filling = Glycerine [ValuePattern]
            P ingress_protection = IP65 [ValuePattern]
            P design_standard = EN 837-1 [ValuePattern]
            M pressure_type
            M pressure_unit
            M overpressure_limit
            M process_temperature
            M measuring_element
            M measuring_element_material
            M socket_material
            M connection_location
            M mounting_type
            M window_material
            M safety_pattern
            M ambient_temperature_range
            M cleaning
            C cleaning Applies
            INVALID
            """,
        ["PG mixed"] = """
            P pressure_type = Compound [DisplayName]
            P scale_range = -1..5 bar [Synonym]
            P accuracy_class = 1.0 [DisplayName]
            P nominal_size = 101.6 mm [ValuePattern]
            P socket_material = Stainless steel 316L [ValuePattern]
            P process_connection = 1/2 NPT [ValuePattern]
            P connection_location = Bottom (radial) [ValuePattern]
            P mounting_type = Stem (direct) [ValuePattern]
            P window_material = Laminated safety glass [ValuePattern]
            P safety_pattern = Solid front [ValuePattern]
            P ambient_temperature_range = -20..60 °C [ValuePattern]
            M pressure_unit
            M overpressure_limit
            M process_temperature
            M measuring_element
            M measuring_element_material
            M case_material
            M case_filling
            M ingress_protection
            M design_standard
            C cleaning Unknown
            INVALID
            """,
        ["LS complete"] = """
            P switching_function = MAX (high) [DisplayName]
            P measuring_principle = Vibronic tuning fork [Synonym]
            P medium_type = Liquid [Synonym]
            P medium_density_min = 700 kg/m³ [Synonym]
            P medium_viscosity_max = 500 mPa·s [Synonym]
            P process_temperature_range = -20..120 °C [Synonym]
            P process_pressure_range = -1..16 bar [Synonym]
            P fail_safe_mode = MAX safety (overfill) [Synonym]
            P switching_delay = 1 s [Synonym]
            P contact_rating = 6 A 250 V AC [Synonym]
            P output_type = Relay DPDT [Synonym]
            P supply_voltage = 19..253 V AC [Synonym]
            P process_connection = G 1 [Synonym]
            P mounting_orientation = Side (horizontal) [Synonym]
            P insertion_length = 100 mm [Synonym]
            P wetted_parts_material = Stainless steel 316L [Synonym]
            P housing_material = Aluminium [FieldKey]
            P electrical_connection = M20 x 1.5 [Synonym]
            P ambient_temperature_range = -40..70 °C [Synonym]
            P ingress_protection = IP66/IP67 [Synonym]
            P emc_compliance = IEC 61326-1 [Synonym]
            C medium_viscosity_max Applies given
            C contact_rating Applies given
            C hazardous_area_certification Unknown
            VALID
            """,
        ["LS missing"] = """
            P switching_function = MAX (high) [Synonym]
            P measuring_principle = Vibronic tuning fork [Synonym]
            P output_type = Relay DPDT [Synonym]
            M medium_type
            M medium_density_min
            M medium_viscosity_max
            M process_temperature_range
            M process_pressure_range
            M fail_safe_mode
            M switching_delay
            M contact_rating
            M supply_voltage
            M process_connection
            M mounting_orientation
            M insertion_length
            M wetted_parts_material
            M housing_material
            M electrical_connection
            M ambient_temperature_range
            M ingress_protection
            M emc_compliance
            C medium_viscosity_max Applies
            C contact_rating Applies
            C hazardous_area_certification Unknown
            INVALID
            """,
        ["LS invalid"] = """
            P supply_voltage = 24..24 V DC [DisplayName]
            M switching_function
            M measuring_principle
            M medium_type
            M fail_safe_mode
            M switching_delay
            M output_type
            M process_connection
            M mounting_orientation
            M housing_material
            M electrical_connection
            M ambient_temperature_range
            M emc_compliance
            I medium_density_min OutOfRange
            I process_temperature_range ReversedRange
            I process_pressure_range WrongUnitDimension
            I insertion_length Unreadable
            I wetted_parts_material Placeholder
            I ingress_protection NotAllowedValue
            C medium_viscosity_max Unknown
            C contact_rating Unknown
            C hazardous_area_certification Unknown
            INVALID
            """,
        ["LS unknown"] = """
            P medium_type = Liquid [Synonym]
            P overfill_prevention_approval = WHG [PartialName]
            M switching_function
            M measuring_principle
            M medium_density_min
            M process_temperature_range
            M process_pressure_range
            M fail_safe_mode
            M switching_delay
            M output_type
            M supply_voltage
            M process_connection
            M mounting_orientation
            M insertion_length
            M wetted_parts_material
            M housing_material
            M electrical_connection
            M ambient_temperature_range
            M ingress_protection
            M emc_compliance
            U fork length = 40 mm -> insertion_length
            U colour = blue ->
            C medium_viscosity_max Unknown
            C contact_rating Unknown
            C hazardous_area_certification Unknown
            INVALID
            """,
        ["LS text"] = """
            P switching_function = MAX (high) [ValuePattern]
            P measuring_principle = Vibronic tuning fork [ValuePattern]
            P medium_type = Liquid [ValuePattern]
            P medium_density_min = 700 kg/m³ [ValuePattern]
            P process_temperature_range = -20..120 °C [ValuePattern]
            P process_pressure_range = -1..16 bar [ValuePattern]
            P output_type = Relay DPDT [ValuePattern]
            P supply_voltage = 24..24 V DC [ValuePattern]
            P process_connection = G 1 [ValuePattern]
            P wetted_parts_material = Stainless steel 316L [ValuePattern]
            P ingress_protection = IP66/IP67 [ValuePattern]
            P hazardous_area_certification = Ex ia IIC T6 Ga [ValuePattern]
            M medium_viscosity_max
            M fail_safe_mode
            M switching_delay
            M contact_rating
            M mounting_orientation
            M insertion_length
            M housing_material
            M electrical_connection
            M ambient_temperature_range
            M emc_compliance
            C medium_viscosity_max Applies
            C contact_rating Applies
            C hazardous_area_certification Applies given
            INVALID
            """,
        ["LS mixed"] = """
            P switching_function = MIN (low) [DisplayName]
            P measuring_principle = Vibronic tuning fork [Synonym]
            P medium_density_min = 500 kg/m³ [Synonym]
            P fail_safe_mode = MIN safety (dry run) [ValuePattern]
            P output_type = 3-wire DC PNP [Synonym]
            P supply_voltage = 19..253 V AC [ValuePattern]
            P mounting_orientation = Side (horizontal) [ValuePattern]
            P insertion_length = 100 mm [ValuePattern]
            P housing_material = Aluminium [ValuePattern]
            P electrical_connection = M20 x 1.5 [ValuePattern]
            P hazardous_area_certification = Non-hazardous area [ValuePattern]
            M medium_type
            M medium_viscosity_max
            M process_temperature_range
            M process_pressure_range
            M switching_delay
            M contact_rating
            M process_connection
            M wetted_parts_material
            M ambient_temperature_range
            M ingress_protection
            M emc_compliance
            C medium_viscosity_max Applies
            C contact_rating Applies
            C hazardous_area_certification DoesNotApply given
            INVALID
            """,
    };

    public static TheoryData<string> Scenarios => [.. SeedScenarios.All.Select(static s => s.Title)];

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task Seed_type_requirements_give_exactly_the_expected_report(string title)
    {
        var (_, type, values, text) = SeedScenarios.All.Single(s => s.Title == title);

        var report = await fixture.ValidateAsync(type, values, text);

        Assert.Equal(Expected[title], SeedSchemaFixture.Render(report));
    }

    [Fact]
    public void Every_scenario_has_an_expectation() =>
        Assert.Equal(SeedScenarios.All.Select(static s => s.Title).Order(), Expected.Keys.Order());

    [Theory]
    [InlineData(SeedScenarios.TT)]
    [InlineData(SeedScenarios.PG)]
    [InlineData(SeedScenarios.LS)]
    public async Task Complete_requirements_are_valid_and_name_no_problem(string type)
    {
        var values = type switch
        {
            SeedScenarios.TT => SeedScenarios.TemperatureTransmitterComplete,
            SeedScenarios.PG => SeedScenarios.PressureGaugeComplete,
            _ => SeedScenarios.LevelSwitchComplete,
        };

        var report = await fixture.ValidateAsync(type, values);

        Assert.True(report.IsValid, report.Summary);
        Assert.Empty(report.Missing);
        Assert.Empty(report.Invalid);
        Assert.Empty(report.Unrecognised);
        Assert.Equal(report.MandatoryCount, report.Provided.Count(static p => p.Requirement == RequirementLevel.Mandatory));
        Assert.StartsWith("Valid: all ", report.Summary, StringComparison.Ordinal);
        Assert.True(report.SchemaEnriched);
    }

    [Fact]
    public async Task Invalid_values_say_what_is_wrong_in_sentences()
    {
        var (_, type, values, text) = SeedScenarios.All.Single(static s => s.Title == "TT invalid");

        var report = await fixture.ValidateAsync(type, values, text);

        Assert.Equal(
            [
                "'0-10 bar' is a pressure, but Calibrated range is a temperature (°C, °F or K).",
                "'TBD' is a placeholder, not a value; give Damping as a number in s.",
                "'0-10 V' is not an allowed value of Output signal. Allowed: 4-20 mA, 4-20 mA HART, FOUNDATION Fieldbus H1, PROFIBUS PA, Modbus RTU, WirelessHART.",
                "Saturation limits 3.6..21 mA goes beyond 3.8..20.5 mA, the valid measurement signal in NAMUR NE 43:2021.",
                "'230 V AC' is an AC voltage, but Supply voltage is stated in V DC.",
                "In '85..-40 °C' the lower value is above the upper value; write Ambient temperature range from low to high, for example -40..85 °C.",
                "'IP44' is not an allowed value of Ingress protection. Allowed: IP54, IP65, IP66, IP67, IP68, IP66/IP67, IP66/IP68, IP69K, NEMA 4X.",
                "EMC compliance is mandatory for a temperature transmitter, so it cannot be 'n/a'; give one of IEC 61326-1, IEC 61326-1 and NAMUR NE 21, IEC 61326-3-1 or IEC 61326-3-2.",
            ],
            report.Invalid.Select(static i => i.Message));
        var standard = Assert.Single(report.Invalid, static i => i.Reason == InvalidReason.ConflictsWithStandard);
        Assert.Equal("NAMUR NE 43:2021", standard.Citation?.Source);
    }

    [Fact]
    public async Task A_cited_range_binds_only_the_values_its_label_names()
    {
        var withStandard = await fixture.ValidateAsync(SeedScenarios.PG, new() { ["nominal size"] = "300 mm", ["design standard"] = "EN 837-1" });
        var otherStandard = await fixture.ValidateAsync(SeedScenarios.PG, new() { ["nominal size"] = "300 mm", ["design standard"] = "ASME B40.100" });

        var conflict = Assert.Single(withStandard.Invalid);
        Assert.Equal("Nominal size 300 mm goes beyond 40..250 mm, the EN 837-1 nominal size span in EN 837-1:1996.", conflict.Message);
        Assert.Empty(otherStandard.Invalid);
        Assert.Contains(otherStandard.Provided, static p => p.Field == "nominal_size" && p.Notes.Contains("300 mm is outside the typical range of Nominal size, 40..250 mm; check it is meant."));
    }

    [Fact]
    public async Task Conditional_fields_report_why_they_apply()
    {
        var (_, type, values, text) = SeedScenarios.All.Single(static s => s.Title == "TT missing");

        var report = await fixture.ValidateAsync(type, values, text);

        Assert.Equal(
            [
                "RTD connection wires is required because Sensor input type is Pt100, an RTD, and was not given.",
                "Cold junction compensation is not required: Sensor input type is Pt100.",
                "Hazardous area certification is required when the instrument is installed in a hazardous area; nothing given says whether the instrument is installed in a hazardous area.",
            ],
            report.Conditional.Select(static c => c.Message));
        Assert.Equal(
            "RTD connection wires is required because Sensor input type is Pt100, an RTD, and was not given; give one of 2-wire, 3-wire or 4-wire.",
            report.Missing[0].Message);
    }
}
