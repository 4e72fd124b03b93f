using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Tests.Validation;

/// <summary>
/// The parsing table: one row per (field, what a buyer wrote) with the exact parsed value (as its display text) or,
/// after '!', the reason it is refused.
/// </summary>
public sealed class ValueParserTableTests
{
    public static TheoryData<string, string, string> Rows => new()
    {
        // Temperature ranges
        { "temp_range", "0…150 °C", "0..150 °C" },
        { "temp_range", "-40 to 85 degC", "-40..85 °C" },
        { "temp_range", "0-150 C", "0..150 °C" },
        { "temp_range", "0 - 150", "0..150 °C" },
        { "temp_range", "32-302 °F", "0..150 °C" },
        { "temp_range", "273.15..423.15 K", "0..150 °C" },
        { "temp_range", "−40 °C … +85 °C", "-40..85 °C" },
        { "temp_range", "-40°C-85°C", "-40..85 °C" },
        { "temp_range", "0...200 deg C", "0..200 °C" },
        { "temp_range", "0 to 150 °C", "0..150 °C" },
        { "temp_range", "0,5..99,5 °C", "0.5..99.5 °C" },
        { "temp_range", "150 °C", "150..150 °C" },
        { "temp_range", "max. 120 °C", "≤ 120 °C" },
        { "temp_range", "0-1000 °C", "0..1000 °C" },
        { "temp_range", "-300..0 °C", "!OutOfRange" },
        { "temp_range", "-500..0 °F", "!OutOfRange" },
        { "temp_range", "0-10 bar", "!WrongUnitDimension" },
        { "temp_range", "150-0 °C", "!ReversedRange" },
        { "temp_range", "hot", "!Unreadable" },
        { "temp_range", "0-150 blarg", "!UnknownUnit" },
        { "temp_range", "TBD", "!Placeholder" },

        // Pressure ranges and pressures
        { "pressure_range", "0-10 bar g", "0..10 bar (gauge)" },
        { "pressure_range", "0-10 barg", "0..10 bar (gauge)" },
        { "pressure_range", "0-10 bar abs", "0..10 bar (absolute)" },
        { "pressure_range", "0..145 psi", "0..9.9974 bar" },
        { "pressure_range", "0-100 psig", "0..6.89476 bar (gauge)" },
        { "pressure_range", "-1..5 bar", "-1..5 bar" },
        { "pressure_range", "0-1 MPa", "0..10 bar" },
        { "pressure_range", "0-250 mbar", "0..0.25 bar" },
        { "pressure_range", "0 – 400 kPa", "0..4 bar" },
        { "pressure_range", "±10 mbar", "-0.01..0.01 bar" },
        { "pressure_range", "0-10 kg/cm²", "0..9.80665 bar" },
        { "pressure_range", "0-1000 mmH2O", "0..0.0980665 bar" },
        { "pressure_range", "0-2000 bar", "0..2000 bar" },
        { "pressure_range", "-1..5 bar abs", "!OutOfRange" },
        { "pressure_range", "0-10 V", "!WrongUnitDimension" },
        { "pressure", "100 psi", "6.89476 bar" },
        { "pressure", "16 bar", "16 bar" },
        { "pressure", "1,5 bar", "1.5 bar" },
        { "pressure", "1,000 psi", "68.9476 bar" },
        { "pressure", "2.5 MPa", "25 bar" },
        { "pressure", "10", "10 bar" },
        { "pressure", "0-10 bar", "!Unreadable" },
        { "pressure", "10 °C", "!WrongUnitDimension" },

        // Currents and voltages
        { "current_range", "3.8-20.5 mA", "3.8..20.5 mA" },
        { "current_range", "3,8..20,5 mA", "3.8..20.5 mA" },
        { "current_range", "0.0038-0.0205 A", "3.8..20.5 mA" },
        { "supply", "10.5-42.4 V DC", "10.5..42.4 V DC" },
        { "supply", "10.5…42.4 VDC", "10.5..42.4 V DC" },
        { "supply", "24 V DC", "24..24 V DC" },
        { "supply", "12-30 V", "12..30 V DC" },
        { "supply", "230 V AC", "!UnitMismatch" },
        { "supply", "24 Vac", "!UnitMismatch" },
        { "supply", "5-100 V DC", "5..100 V DC" },
        { "supply", "10-30 mA", "!WrongUnitDimension" },
        { "supply_ac_or_dc", "85-250 V AC", "85..250 V AC" },
        { "supply_ac_or_dc", "24 VDC", "24..24 V DC" },

        // Tolerances
        { "accuracy_pct", "±0.1 %", "±0.1 % of span" },
        { "accuracy_pct", "0.075% of span", "0.075 % of span" },
        { "accuracy_pct", "±0.075 % of span", "±0.075 % of span" },
        { "accuracy_pct", "+/- 0.1 % FS", "±0.1 % of span" },
        { "accuracy_pct", "±0.2 % of reading", "±0.2 % of reading" },
        { "accuracy_pct", "≤ 0.1 %", "≤ 0.1 % of span" },
        { "accuracy_pct", "±0.1 % URL", "!UnitMismatch" },
        { "accuracy_pct", "0.1 bar", "!WrongUnitDimension" },
        { "accuracy_temp", "±0.1 °C", "±0.1 °C" },
        { "accuracy_temp", "±0.18 °F", "±0.1 °C" },
        { "accuracy_temp", "±0.1 % of span", "±0.1 % of span" },
        { "accuracy_temp", "0.2 K", "0.2 °C" },

        // Flow, fluid properties
        { "flow", "100 m3/h", "100 m³/h" },
        { "flow", "100 m³/h", "100 m³/h" },
        { "flow", "1000 l/min", "60 m³/h" },
        { "flow", "440 gpm", "99.9349 m³/h" },
        { "flow", "100 kg/h", "!WrongUnitDimension" },
        { "mass_flow", "0-5 t/h", "0..5000 kg/h" },
        { "mass_flow", "0 to 2 kg/s", "0..7200 kg/h" },
        { "mass_flow", "0-1000 lb/h", "0..453.592 kg/h" },
        { "density", "0.7 g/cm³", "0.7 g/cm³" },
        { "density", "700 kg/m3", "0.7 g/cm³" },
        { "density", "0.5 g/cc", "0.5 g/cm³" },
        { "density", "0.7", "0.7 g/cm³" },
        { "viscosity", "10 mPa·s", "10 cP" },
        { "viscosity", "10 mPa.s", "10 cP" },
        { "viscosity", "0.01 Pa·s", "10 cP" },
        { "kin_viscosity", "10000 cSt", "10000 mm²/s" },
        { "kin_viscosity", "10,000 mm2/s", "10000 mm²/s" },
        { "conductivity", "5 µS/cm", "5 µS/cm" },
        { "conductivity", "5 uS/cm", "5 µS/cm" },
        { "conductivity", "0.05 mS/cm", "50 µS/cm" },

        // Lengths, times, electrical, other dimensions
        { "length", "100 mm", "100 mm" },
        { "length", "4 in", "101.6 mm" },
        { "length", "4\"", "101.6 mm" },
        { "length", "0.5 m", "500 mm" },
        { "length", "1 1/2 in", "38.1 mm" },
        { "length", "2 ft", "609.6 mm" },
        { "length", "-5 mm", "!OutOfRange" },
        { "time", "500 ms", "0.5 s" },
        { "time", "2 min", "120 s" },
        { "time", "0.5 s", "0.5 s" },
        { "resistance", "250 Ω", "250 Ω" },
        { "resistance", "250 ohm", "250 Ω" },
        { "resistance", "1 kΩ", "1000 Ω" },
        { "resistance", "≥ 250 ohms", "≥ 250 Ω" },
        { "frequency", "80 GHz", "80 GHz" },
        { "frequency", "26000 MHz", "26 GHz" },
        { "vibration", "2 g", "2 g" },
        { "vibration", "19.6 m/s²", "1.99864 g" },
        { "humidity", "95 %", "95 %" },
        { "humidity", "95 % RH", "95 %" },
        { "humidity", "120 %", "!OutOfRange" },
        { "humidity", "95 % of reading", "!UnitMismatch" },
        { "turndown", "100:1", "100" },
        { "turndown", "100 bar", "!WrongUnitDimension" },
        { "stability", "5 years", "5 years" },
        { "power", "500 mW", "0.5 W" },
        { "torque", "50 N·m", "50 Nm" },
        { "bitrate", "1.2 kbit/s", "1200 bit/s" },
        { "ph", "2-12 pH", "2..12 pH" },
        { "ph", "0-15 pH", "!OutOfRange" },

        // Enum values with spelling variants
        { "output_signal", "4-20mA HART", "4-20 mA HART" },
        { "output_signal", "4..20 mA", "4-20 mA" },
        { "output_signal", "4 to 20 mA", "4-20 mA" },
        { "output_signal", "4–20 mA + HART", "4-20 mA HART" },
        { "output_signal", "HART", "4-20 mA HART" },
        { "output_signal", "FF H1", "FOUNDATION Fieldbus H1" },
        { "output_signal", "Profibus-PA", "PROFIBUS PA" },
        { "output_signal", "Modbus", "Modbus RTU" },
        { "output_signal", "0-10 V", "!NotAllowedValue" },
        { "protocol", "HART 7", "HART 7" },
        { "protocol", "HART7", "HART 7" },
        { "protocol", "HART rev 7", "HART 7" },
        { "protocol", "HART", "!AmbiguousValue" },
        { "protocol", "HART 6", "!NotAllowedValue" },
        { "protocol", "none", "None" },

        // Codes
        { "ingress", "IP66/67", "IP66/IP67" },
        { "ingress", "IP 66/IP 67", "IP66/IP67" },
        { "ingress", "ip67", "IP66/IP67" },
        { "ingress", "IP66", "IP66" },
        { "ingress", "NEMA4X", "NEMA 4X" },
        { "ingress", "IP44", "!NotAllowedValue" },
        { "hazardous", "Ex d IIC T6 Gb", "Ex db IIC T6 Gb" },
        { "hazardous", "Ex ia IIC T4 Ga", "Ex ia IIC T4 Ga" },
        { "hazardous", "Ex ia IIC T4", "Ex ia IIC T4 Ga" },
        { "hazardous", "Class I, Div. 1", "Class I Div 1" },
        { "hazardous", "Ex d IIC T4 Gb", "!NotAllowedValue" },
        { "sil", "SIL2", "SIL 2" },
        { "sil", "SIL-2", "SIL 2" },
        { "sil", "SIL 2 capable", "SIL 2" },
        { "sil", "SIL 4", "!NotAllowedValue" },
        { "rating", "CL300", "Class 300" },
        { "rating", "300#", "Class 300" },
        { "rating", "ANSI 600", "Class 600" },
        { "rating", "PN 40", "PN40" },
        { "rating", "Class 900", "!NotAllowedValue" },
        { "connection", "1/2\" NPT", "1/2\" NPT" },
        { "connection", "½\" NPT", "1/2\" NPT" },
        { "connection", "1/2 NPT", "1/2\" NPT" },
        { "connection", "NPT 1/2\"", "1/2\" NPT" },
        { "connection", "1/2-14 NPT", "1/2\" NPT" },
        { "connection", "G½B", "G1/2B" },
        { "connection", "G 1/2", "G1/2B" },
        { "connection", "M20 x 1.5", "M20x1.5" },
        { "connection", "M20×1,5", "M20x1.5" },
        { "connection", "DN50 PN40", "DN50 PN40 flange" },
        { "connection", "2\" 300# RF", "2\" Class 300 RF flange" },
        { "connection", "3/4\" NPT", "!NotAllowedValue" },
        { "material", "316L", "SS 316L" },
        { "material", "SS316L", "SS 316L" },
        { "material", "stainless steel 316L", "SS 316L" },
        { "material", "AISI 316L", "SS 316L" },
        { "material", "Hastelloy C276", "Alloy C-276" },
        { "material", "Monel 400", "Alloy 400" },
        { "material", "aluminum", "Aluminium" },
        { "material", "Alumnium", "Aluminium" },
        { "material", "brass", "!NotAllowedValue" },
        { "accuracy_class", "1.0", "1.0" },
        { "accuracy_class", "1", "1.0" },
        { "accuracy_class", "class 1.6", "1.6" },
        { "accuracy_class", "Kl. 0,6", "0.6" },
        { "accuracy_class", "3", "!NotAllowedValue" },
        { "sensor", "Pt 100", "Pt100" },
        { "sensor", "PT100", "Pt100" },
        { "sensor", "type K", "Type K" },
        { "sensor", "K", "Type K" },
        { "sensor", "TC type K", "Type K" },
        { "sensor", "Pt100 3-wire", "Pt100" },
        { "sensor", "Ni100", "!NotAllowedValue" },
        { "wires", "3", "3" },
        { "wires", "3-wire", "3" },
        { "wires", "4-20 mA", "!NotAllowedValue" },
        { "display", "no", "None" },
        { "display", "without display", "None" },
        { "display", "LCD", "LCD" },

        // Yes/no, text, placeholders
        { "boolean", "yes", "yes" },
        { "boolean", "No", "no" },
        { "boolean", "required", "yes" },
        { "boolean", "maybe", "!Unreadable" },
        { "text", "TT-1201", "TT-1201" },
        { "text", "  TT-1201  ", "TT-1201" },
        { "text", "?", "!Placeholder" },
        { "text", "N/A", "not applicable" },
    };

    [Theory]
    [MemberData(nameof(Rows))]
    public void Parses_buyer_text_to_the_field_type(string field, string input, string expected)
    {
        var result = ValueParser.Parse(ValidationFields.ByName[field], input);

        if (expected.StartsWith('!'))
        {
            Assert.False(result.Success, $"'{input}' parsed as {result.Value?.Display}");
            Assert.Equal(expected[1..], result.Error?.ToString());
            Assert.False(string.IsNullOrWhiteSpace(result.Message));
            Assert.EndsWith(".", result.Message!.TrimEnd(), StringComparison.Ordinal);
        }
        else
        {
            Assert.True(result.Success, $"'{input}' failed: {result.Message}");
            Assert.Equal(expected, result.Value!.Display);
        }
    }

    [Fact]
    public void The_table_has_at_least_a_hundred_rows() => Assert.True(Rows.Count >= 100);

    [Theory]
    [InlineData("temp_range", "0-1000 °C", "0..1000 °C is outside the typical range of Calibrated range, -200..850 °C; check it is meant.")]
    [InlineData("supply", "5-100 V DC", "5..100 V DC is outside the typical range of Supply voltage, 5..60 V DC; check it is meant.")]
    public void A_value_outside_the_typical_range_is_accepted_with_a_note(string field, string input, string note)
    {
        var result = ValueParser.Parse(ValidationFields.ByName[field], input);

        Assert.True(result.Success);
        Assert.Contains(note, result.Notes);
    }

    [Theory]
    [InlineData("pressure", "100 psi", "Converted from psi to bar.")]
    [InlineData("temp_range", "0 - 150", "No unit was given; read as °C.")]
    [InlineData("accuracy_pct", "±0.1 %", "Read the percentage as % of span.")]
    [InlineData("material", "316L", "Read '316L' as 'SS 316L'.")]
    [InlineData("material", "Alumnium", "Read 'Alumnium' as 'Aluminium' (closest spelling).")]
    public void Assumptions_and_conversions_are_explained(string field, string input, string note)
    {
        var result = ValueParser.Parse(ValidationFields.ByName[field], input);

        Assert.True(result.Success);
        Assert.Contains(note, result.Notes);
    }

    [Theory]
    [InlineData("temp_range", "0-10 bar", "'0-10 bar' is a pressure, but Calibrated range is a temperature (°C, °F or K).")]
    [InlineData("supply", "230 V AC", "'230 V AC' is an AC voltage, but Supply voltage is stated in V DC.")]
    [InlineData("ingress", "IP44", "'IP44' is not an allowed value of Ingress protection. Allowed: IP65, IP66, IP66/IP67, IP68, NEMA 4X.")]
    [InlineData("protocol", "HART", "'HART' could mean HART 5 or HART 7 for Communication protocol; say which.")]
    [InlineData("temp_range", "150-0 °C", "In '150-0 °C' the lower value is above the upper value; write Calibrated range from low to high, for example 0..150 °C.")]
    [InlineData("temp_range", "-300..0 °C", "Calibrated range -300..0 °C is below absolute zero (-273.15 °C); check the value and its unit.")]
    [InlineData("temp_range", "0-150 blarg", "'blarg' in '0-150 blarg' is not a unit this validator knows; write Calibrated range in °C, °F, K.")]
    [InlineData("pressure", "0-10 bar", "'0-10 bar' is a range, but Maximum working pressure takes a single value in bar.")]
    [InlineData("text", "TBD", "'TBD' is a placeholder, not a value; give Tag number as a short text.")]
    [InlineData("accuracy_pct", "±0.1 % URL", "'±0.1 % URL' is a percentage of URL, but Reference accuracy is stated in % of span; the two cannot be converted without the measured value.")]
    public void Refusals_are_sentences_a_buyer_understands(string field, string input, string message)
    {
        var result = ValueParser.Parse(ValidationFields.ByName[field], input);

        Assert.False(result.Success);
        Assert.Equal(message, result.Message);
    }
}
