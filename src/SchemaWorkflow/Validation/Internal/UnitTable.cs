using System.Collections.Frozen;
using System.Text;
using UnitsNet;
using UnitsNet.Units;

namespace SchemaWorkflow.Validation.Internal;

/// <summary>
/// The unit symbols a buyer or a catalog may write, mapped to UnitsNet units. Only the mapping from spelling to unit
/// lives here; every conversion factor comes from UnitsNet through its typed APIs (no reflection, trim-safe).
/// </summary>
internal static class UnitTable
{
    private static readonly FrozenDictionary<string, UnitInfo[]> Exact;
    private static readonly FrozenDictionary<string, UnitInfo[]> IgnoreCase;

    static UnitTable()
    {
        var exact = new Dictionary<string, UnitInfo[]>(StringComparer.Ordinal);
        void Add(UnitInfo info, params string[] spellings)
        {
            foreach (var spelling in spellings)
            {
                var key = Key(spelling);
                exact[key] = exact.TryGetValue(key, out var existing) ? existing.Contains(info) ? existing : [.. existing, info] : [info];
            }
        }

        // Temperature
        Add(new UnitInfo("°C", UnitDimension.Temperature, TemperatureUnit.DegreeCelsius), "°C", "ºC", "degC", "deg C", "C", "Celsius", "degrees C", "degree C", "degrees Celsius", "deg Celsius", "grd C");
        Add(new UnitInfo("°F", UnitDimension.Temperature, TemperatureUnit.DegreeFahrenheit), "°F", "ºF", "degF", "deg F", "F", "Fahrenheit", "degrees F", "degree F", "degrees Fahrenheit");
        Add(new UnitInfo("K", UnitDimension.Temperature, TemperatureUnit.Kelvin), "K", "kelvin");

        // Pressure
        Add(new UnitInfo("bar", UnitDimension.Pressure, PressureUnit.Bar), "bar", "bars");
        Add(new UnitInfo("bar", UnitDimension.Pressure, PressureUnit.Bar, "gauge"), "barg", "bar g", "bar(g)", "bar gauge", "bar gage", "bar ü");
        Add(new UnitInfo("bar", UnitDimension.Pressure, PressureUnit.Bar, "absolute"), "bara", "bar a", "bar(a)", "bar abs", "bar absolute");
        Add(new UnitInfo("mbar", UnitDimension.Pressure, PressureUnit.Millibar), "mbar", "millibar");
        Add(new UnitInfo("mbar", UnitDimension.Pressure, PressureUnit.Millibar, "gauge"), "mbarg", "mbar g", "mbar(g)");
        Add(new UnitInfo("mbar", UnitDimension.Pressure, PressureUnit.Millibar, "absolute"), "mbara", "mbar a", "mbar(a)", "mbar abs");
        Add(new UnitInfo("Pa", UnitDimension.Pressure, PressureUnit.Pascal), "Pa", "pascal");
        Add(new UnitInfo("kPa", UnitDimension.Pressure, PressureUnit.Kilopascal), "kPa");
        Add(new UnitInfo("kPa", UnitDimension.Pressure, PressureUnit.Kilopascal, "gauge"), "kPag", "kPa g", "kPa(g)");
        Add(new UnitInfo("kPa", UnitDimension.Pressure, PressureUnit.Kilopascal, "absolute"), "kPa a", "kPa(a)", "kPa abs");
        Add(new UnitInfo("MPa", UnitDimension.Pressure, PressureUnit.Megapascal), "MPa");
        Add(new UnitInfo("MPa", UnitDimension.Pressure, PressureUnit.Megapascal, "gauge"), "MPag", "MPa g", "MPa(g)");
        Add(new UnitInfo("psi", UnitDimension.Pressure, PressureUnit.PoundForcePerSquareInch), "psi", "lbf/in²", "lb/in²");
        Add(new UnitInfo("psi", UnitDimension.Pressure, PressureUnit.PoundForcePerSquareInch, "gauge"), "psig", "psi g", "psi(g)");
        Add(new UnitInfo("psi", UnitDimension.Pressure, PressureUnit.PoundForcePerSquareInch, "absolute"), "psia", "psi a", "psi(a)");
        Add(new UnitInfo("kg/cm²", UnitDimension.Pressure, PressureUnit.KilogramForcePerSquareCentimeter), "kg/cm²", "kgf/cm²", "kg/cm2", "kgf/cm2");
        Add(new UnitInfo("inH₂O", UnitDimension.Pressure, PressureUnit.InchOfWaterColumn), "inH2O", "in H2O", "inWC", "in WC", "\"H2O", "inWG", "in wg");
        Add(new UnitInfo("mmH₂O", UnitDimension.Pressure, PressureUnit.MillimeterOfWaterColumn), "mmH2O", "mm H2O", "mmWC", "mm WC", "mmWS", "mm WS");
        Add(new UnitInfo("mH₂O", UnitDimension.Pressure, PressureUnit.MeterOfWaterColumn), "mH2O", "m H2O", "mWC", "m WC", "mWS", "m WS");
        Add(new UnitInfo("inHg", UnitDimension.Pressure, PressureUnit.InchOfMercury), "inHg", "in Hg");
        Add(new UnitInfo("mmHg", UnitDimension.Pressure, PressureUnit.MillimeterOfMercury), "mmHg", "mm Hg");
        Add(new UnitInfo("Torr", UnitDimension.Pressure, PressureUnit.Torr), "Torr");
        Add(new UnitInfo("atm", UnitDimension.Pressure, PressureUnit.Atmosphere), "atm");

        // Electrical
        Add(new UnitInfo("mA", UnitDimension.ElectricCurrent, ElectricCurrentUnit.Milliampere), "mA", "milliamp", "milliamps", "milliampere", "milliamperes");
        Add(new UnitInfo("A", UnitDimension.ElectricCurrent, ElectricCurrentUnit.Ampere), "A", "amp", "amps", "ampere", "amperes");
        Add(new UnitInfo("µA", UnitDimension.ElectricCurrent, ElectricCurrentUnit.Microampere), "µA", "uA", "microamp", "microamps");
        Add(new UnitInfo("V", UnitDimension.Voltage, ElectricPotentialUnit.Volt), "V", "volt", "volts");
        Add(new UnitInfo("V DC", UnitDimension.Voltage, ElectricPotentialUnit.Volt, "DC"), "V DC", "VDC", "Vdc", "V=", "volt DC", "volts DC", "V d.c.");
        Add(new UnitInfo("V AC", UnitDimension.Voltage, ElectricPotentialUnit.Volt, "AC"), "V AC", "VAC", "Vac", "V~", "volt AC", "volts AC", "V a.c.");
        Add(new UnitInfo("mV", UnitDimension.Voltage, ElectricPotentialUnit.Millivolt), "mV", "millivolt", "millivolts");
        Add(new UnitInfo("kV", UnitDimension.Voltage, ElectricPotentialUnit.Kilovolt), "kV", "kilovolt", "kilovolts");
        Add(new UnitInfo("W", UnitDimension.Power, PowerUnit.Watt), "W", "watt", "watts");
        Add(new UnitInfo("mW", UnitDimension.Power, PowerUnit.Milliwatt), "mW", "milliwatt", "milliwatts");
        Add(new UnitInfo("kW", UnitDimension.Power, PowerUnit.Kilowatt), "kW", "kilowatt", "kilowatts");
        Add(new UnitInfo("Ω", UnitDimension.Resistance, ElectricResistanceUnit.Ohm), "Ω", "ohm", "ohms", "Ohm", "Ohms");
        Add(new UnitInfo("kΩ", UnitDimension.Resistance, ElectricResistanceUnit.Kiloohm), "kΩ", "kohm", "kohms", "kOhm", "kilohm", "kiloohm");
        Add(new UnitInfo("MΩ", UnitDimension.Resistance, ElectricResistanceUnit.Megaohm), "MΩ", "Mohm", "MOhm", "megohm", "megaohm");
        Add(new UnitInfo("Hz", UnitDimension.Frequency, FrequencyUnit.Hertz), "Hz", "hertz");
        Add(new UnitInfo("kHz", UnitDimension.Frequency, FrequencyUnit.Kilohertz), "kHz");
        Add(new UnitInfo("MHz", UnitDimension.Frequency, FrequencyUnit.Megahertz), "MHz");
        Add(new UnitInfo("GHz", UnitDimension.Frequency, FrequencyUnit.Gigahertz), "GHz");

        // Time
        Add(new UnitInfo("ms", UnitDimension.Time, DurationUnit.Millisecond), "ms", "msec", "millisecond", "milliseconds");
        Add(new UnitInfo("s", UnitDimension.Time, DurationUnit.Second), "s", "sec", "secs", "second", "seconds");
        Add(new UnitInfo("min", UnitDimension.Time, DurationUnit.Minute), "min", "mins", "minute", "minutes");
        Add(new UnitInfo("h", UnitDimension.Time, DurationUnit.Hour), "h", "hr", "hrs", "hour", "hours");
        Add(new UnitInfo("years", UnitDimension.Time, DurationUnit.Year365), "years", "year", "yr", "yrs");

        // Length
        Add(new UnitInfo("µm", UnitDimension.Length, LengthUnit.Micrometer), "µm", "um", "micron", "microns", "micrometre", "micrometer");
        Add(new UnitInfo("mm", UnitDimension.Length, LengthUnit.Millimeter), "mm", "millimetre", "millimeter", "millimetres", "millimeters");
        Add(new UnitInfo("cm", UnitDimension.Length, LengthUnit.Centimeter), "cm");
        Add(new UnitInfo("m", UnitDimension.Length, LengthUnit.Meter), "m", "metre", "meter", "metres", "meters");
        Add(new UnitInfo("in", UnitDimension.Length, LengthUnit.Inch), "in", "inch", "inches", "\"", "''");
        Add(new UnitInfo("ft", UnitDimension.Length, LengthUnit.Foot), "ft", "foot", "feet", "'");

        // Flow
        Add(new UnitInfo("m³/h", UnitDimension.VolumeFlow, VolumeFlowUnit.CubicMeterPerHour), "m³/h", "m3/h", "m3/hr", "m³/hr", "cbm/h", "cu m/h");
        Add(new UnitInfo("m³/s", UnitDimension.VolumeFlow, VolumeFlowUnit.CubicMeterPerSecond), "m³/s", "m3/s");
        Add(new UnitInfo("l/min", UnitDimension.VolumeFlow, VolumeFlowUnit.LiterPerMinute), "l/min", "L/min", "lpm", "LPM", "ltr/min");
        Add(new UnitInfo("l/h", UnitDimension.VolumeFlow, VolumeFlowUnit.LiterPerHour), "l/h", "L/h", "l/hr", "lph", "LPH");
        Add(new UnitInfo("l/s", UnitDimension.VolumeFlow, VolumeFlowUnit.LiterPerSecond), "l/s", "L/s");
        Add(new UnitInfo("gpm", UnitDimension.VolumeFlow, VolumeFlowUnit.UsGallonPerMinute), "gpm", "USgpm", "US gpm", "gal/min");
        Add(new UnitInfo("kg/h", UnitDimension.MassFlow, MassFlowUnit.KilogramPerHour), "kg/h", "kg/hr");
        Add(new UnitInfo("kg/min", UnitDimension.MassFlow, MassFlowUnit.KilogramPerMinute), "kg/min");
        Add(new UnitInfo("kg/s", UnitDimension.MassFlow, MassFlowUnit.KilogramPerSecond), "kg/s");
        Add(new UnitInfo("t/h", UnitDimension.MassFlow, MassFlowUnit.TonnePerHour), "t/h", "t/hr", "tph");
        Add(new UnitInfo("lb/h", UnitDimension.MassFlow, MassFlowUnit.PoundPerHour), "lb/h", "lb/hr", "lbs/h", "lbs/hr");

        // Fluid properties
        Add(new UnitInfo("kg/m³", UnitDimension.Density, DensityUnit.KilogramPerCubicMeter), "kg/m³", "kg/m3");
        Add(new UnitInfo("g/cm³", UnitDimension.Density, DensityUnit.GramPerCubicCentimeter), "g/cm³", "g/cm3", "g/cc", "g/ml", "g/mL");

        // Specific gravity is density relative to water (1 g/cm³), which is how level-switch densities are often quoted.
        Add(new UnitInfo("SG", UnitDimension.Density, DensityUnit.GramPerCubicCentimeter), "SG", "S.G.", "specific gravity");
        Add(new UnitInfo("kg/l", UnitDimension.Density, DensityUnit.KilogramPerLiter), "kg/l", "kg/L", "kg/dm³", "kg/dm3");
        Add(new UnitInfo("cP", UnitDimension.DynamicViscosity, DynamicViscosityUnit.Centipoise), "cP", "cps", "centipoise");
        Add(new UnitInfo("mPa·s", UnitDimension.DynamicViscosity, DynamicViscosityUnit.MillipascalSecond), "mPa·s", "mPa.s", "mPas", "mPa s", "mPa*s");
        Add(new UnitInfo("Pa·s", UnitDimension.DynamicViscosity, DynamicViscosityUnit.PascalSecond), "Pa·s", "Pa.s", "Pa s");
        Add(new UnitInfo("mm²/s", UnitDimension.KinematicViscosity, KinematicViscosityUnit.Centistokes), "mm²/s", "mm2/s");
        Add(new UnitInfo("cSt", UnitDimension.KinematicViscosity, KinematicViscosityUnit.Centistokes), "cSt", "centistokes");
        Add(new UnitInfo("m²/s", UnitDimension.KinematicViscosity, KinematicViscosityUnit.SquareMeterPerSecond), "m²/s", "m2/s");
        Add(new UnitInfo("µS/cm", UnitDimension.Conductivity, ElectricConductivityUnit.MicrosiemensPerCentimeter), "µS/cm", "uS/cm", "microS/cm", "µs/cm");
        Add(new UnitInfo("mS/cm", UnitDimension.Conductivity, ElectricConductivityUnit.MillisiemensPerCentimeter), "mS/cm");
        Add(new UnitInfo("S/m", UnitDimension.Conductivity, ElectricConductivityUnit.SiemensPerMeter), "S/m");

        // Ratios
        Add(new UnitInfo("%", UnitDimension.Ratio, RatioUnit.Percent), "%", "percent", "pct", "% RH", "%RH", "% r.h.");
        Add(new UnitInfo("% of span", UnitDimension.Ratio, RatioUnit.Percent, Basis: "span"), "% of span", "% span", "% of calibrated span", "% FS", "% F.S.", "% of FS", "% full scale", "% of full scale", "% FSV", "% of FSV", "% of full-scale value", "% of range");
        Add(new UnitInfo("% of reading", UnitDimension.Ratio, RatioUnit.Percent, Basis: "reading"), "% of reading", "% reading", "% rdg", "% of rdg", "% o.r.", "% of value", "% of measured value", "% of rate", "% of flow rate");
        Add(new UnitInfo("% of URL", UnitDimension.Ratio, RatioUnit.Percent, Basis: "URL"), "% of URL", "% URL", "% of upper range limit");
        Add(new UnitInfo("ppm", UnitDimension.Ratio, RatioUnit.PartPerMillion), "ppm");
        Add(new UnitInfo("ppb", UnitDimension.Ratio, RatioUnit.PartPerBillion), "ppb");
        Add(new UnitInfo("pH", UnitDimension.PH, null), "pH");

        // Mechanics
        Add(new UnitInfo("g", UnitDimension.Acceleration, AccelerationUnit.StandardGravity), "g", "gn");
        Add(new UnitInfo("m/s²", UnitDimension.Acceleration, AccelerationUnit.MeterPerSecondSquared), "m/s²", "m/s2");
        Add(new UnitInfo("g", UnitDimension.Mass, MassUnit.Gram), "g", "gram", "grams");
        Add(new UnitInfo("kg", UnitDimension.Mass, MassUnit.Kilogram), "kg", "kilogram", "kilograms");
        Add(new UnitInfo("lb", UnitDimension.Mass, MassUnit.Pound), "lb", "lbs", "pound", "pounds");
        Add(new UnitInfo("Nm", UnitDimension.Torque, TorqueUnit.NewtonMeter), "Nm", "N·m", "N m", "N.m", "newton metre", "newton meter");
        Add(new UnitInfo("m/s", UnitDimension.Speed, SpeedUnit.MeterPerSecond), "m/s", "m/sec");
        Add(new UnitInfo("ft/s", UnitDimension.Speed, SpeedUnit.FootPerSecond), "ft/s", "ft/sec", "fps");
        Add(new UnitInfo("mm/s", UnitDimension.Speed, SpeedUnit.MillimeterPerSecond), "mm/s");
        Add(new UnitInfo("rpm", UnitDimension.RotationalSpeed, RotationalSpeedUnit.RevolutionPerMinute), "rpm", "RPM", "r/min", "1/min");

        // Area (conductor cross-sections)
        Add(new UnitInfo("mm²", UnitDimension.Area, AreaUnit.SquareMillimeter), "mm²", "mm2", "sq mm", "sqmm", "square millimetre", "square millimeter", "square millimetres", "square millimeters");
        Add(new UnitInfo("cm²", UnitDimension.Area, AreaUnit.SquareCentimeter), "cm²", "cm2");
        Add(new UnitInfo("m²", UnitDimension.Area, AreaUnit.SquareMeter), "m²", "m2");
        Add(new UnitInfo("in²", UnitDimension.Area, AreaUnit.SquareInch), "in²", "in2", "sq in");

        // Logarithmic levels. Noise is quoted A-weighted; the weighting names how it was measured, not another unit.
        Add(new UnitInfo("dB", UnitDimension.LogarithmicLevel, LevelUnit.Decibel), "dB", "dB(A)", "dBA", "decibel", "decibels");

        // Data rate
        Add(new UnitInfo("bit/s", UnitDimension.BitRate, BitRateUnit.BitPerSecond), "bit/s", "bps", "b/s", "baud", "Bd");
        Add(new UnitInfo("kbit/s", UnitDimension.BitRate, BitRateUnit.KilobitPerSecond), "kbit/s", "kbps", "kb/s", "kbaud", "kBd");
        Add(new UnitInfo("Mbit/s", UnitDimension.BitRate, BitRateUnit.MegabitPerSecond), "Mbit/s", "Mbps", "Mb/s");

        // A spelling that differs from another only by case is kept for case-insensitive lookup only when it is unique.
        var ignoreCase = new Dictionary<string, UnitInfo[]>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, infos) in exact)
        {
            ignoreCase[key] = ignoreCase.TryGetValue(key, out var existing) && !existing.SequenceEqual(infos) ? [] : infos;
        }

        Exact = exact.ToFrozenDictionary(StringComparer.Ordinal);
        IgnoreCase = ignoreCase.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>The longest unit spelling, in words, that <see cref="Lookup"/> knows.</summary>
    public const int MaxWords = 6;

    /// <summary>Finds the units a spelling may mean; the first is the usual reading.</summary>
    /// <param name="text">A unit spelling, for example <c>degC</c>, <c>bar(g)</c>, <c>% of span</c>.</param>
    /// <returns>The candidates; empty when the spelling is unknown.</returns>
    public static IReadOnlyList<UnitInfo> Lookup(string text)
    {
        var key = Key(text);
        if (key.Length == 0)
        {
            return [];
        }

        if (Exact.TryGetValue(key, out var infos))
        {
            return infos;
        }

        return IgnoreCase.TryGetValue(key, out infos) ? infos : [];
    }

    /// <summary>The unit of a catalog symbol such as <c>°C</c> or <c>V DC</c>, or null when it is not known.</summary>
    /// <param name="symbol">The symbol.</param>
    /// <returns>The unit.</returns>
    public static UnitInfo? ForSymbol(string? symbol) => symbol is null ? null : Lookup(symbol) is [var first, ..] ? first : null;

    /// <summary>The symbols a field with this unit also accepts, for messages ("°C, °F or K").</summary>
    /// <param name="dimension">The dimension.</param>
    /// <returns>Common symbols of the dimension.</returns>
    public static IReadOnlyList<string> CommonSymbols(UnitDimension dimension) => dimension switch
    {
        UnitDimension.Temperature => ["°C", "°F", "K"],
        UnitDimension.Pressure => ["bar", "mbar", "kPa", "MPa", "psi"],
        UnitDimension.ElectricCurrent => ["mA", "A"],
        UnitDimension.Voltage => ["V", "V DC", "V AC"],
        UnitDimension.Power => ["W", "mW", "kW"],
        UnitDimension.Resistance => ["Ω", "kΩ"],
        UnitDimension.Frequency => ["Hz", "kHz", "GHz"],
        UnitDimension.Time => ["ms", "s", "min", "years"],
        UnitDimension.Length => ["mm", "m", "in"],
        UnitDimension.VolumeFlow => ["m³/h", "l/min", "gpm"],
        UnitDimension.MassFlow => ["kg/h", "t/h", "lb/h"],
        UnitDimension.Density => ["kg/m³", "g/cm³"],
        UnitDimension.DynamicViscosity => ["cP", "mPa·s"],
        UnitDimension.KinematicViscosity => ["mm²/s", "cSt"],
        UnitDimension.Conductivity => ["µS/cm", "mS/cm"],
        UnitDimension.Ratio => ["%", "% of span", "% of reading"],
        UnitDimension.PH => ["pH"],
        UnitDimension.Acceleration => ["g", "m/s²"],
        UnitDimension.Torque => ["Nm"],
        UnitDimension.Mass => ["g", "kg", "lb"],
        UnitDimension.BitRate => ["bit/s", "kbit/s"],
        UnitDimension.Speed => ["m/s", "ft/s"],
        UnitDimension.RotationalSpeed => ["rpm"],
        UnitDimension.Area => ["mm²", "m²"],
        UnitDimension.LogarithmicLevel => ["dB"],
        _ => [],
    };

    /// <summary>
    /// Converts a value between two units of one dimension through UnitsNet's typed quantities. A temperature that is
    /// a difference (a tolerance, a span) converts as a temperature delta, so ±1 °C becomes ±1.8 °F, not ±33.8 °F.
    /// </summary>
    /// <param name="value">The value in <paramref name="from"/>.</param>
    /// <param name="from">The unit it is in.</param>
    /// <param name="to">The unit wanted.</param>
    /// <param name="isDifference">True for a difference of temperatures.</param>
    /// <param name="result">The converted value.</param>
    /// <returns>False when the units have different dimensions or no conversion exists.</returns>
    public static bool TryConvert(double value, UnitInfo from, UnitInfo to, bool isDifference, out double result)
    {
        result = value;
        if (from.Dimension != to.Dimension)
        {
            return false;
        }

        if (from.Unit is null || to.Unit is null)
        {
            return string.Equals(from.Symbol, to.Symbol, StringComparison.Ordinal);
        }

        if (Equals(from.Unit, to.Unit))
        {
            return true;
        }

        result = (from.Unit, to.Unit) switch
        {
            (TemperatureUnit f, TemperatureUnit t) when isDifference => TemperatureDelta.From(value, ToDelta(f)).As(ToDelta(t)),
            (TemperatureUnit f, TemperatureUnit t) => Temperature.From(value, f).As(t),
            (PressureUnit f, PressureUnit t) => Pressure.From(value, f).As(t),
            (ElectricCurrentUnit f, ElectricCurrentUnit t) => ElectricCurrent.From(value, f).As(t),
            (ElectricPotentialUnit f, ElectricPotentialUnit t) => ElectricPotential.From(value, f).As(t),
            (PowerUnit f, PowerUnit t) => (double)Power.From(value, f).As(t),
            (ElectricResistanceUnit f, ElectricResistanceUnit t) => ElectricResistance.From(value, f).As(t),
            (FrequencyUnit f, FrequencyUnit t) => Frequency.From(value, f).As(t),
            (DurationUnit f, DurationUnit t) => Duration.From(value, f).As(t),
            (LengthUnit f, LengthUnit t) => Length.From(value, f).As(t),
            (VolumeFlowUnit f, VolumeFlowUnit t) => VolumeFlow.From(value, f).As(t),
            (MassFlowUnit f, MassFlowUnit t) => MassFlow.From(value, f).As(t),
            (DensityUnit f, DensityUnit t) => Density.From(value, f).As(t),
            (DynamicViscosityUnit f, DynamicViscosityUnit t) => DynamicViscosity.From(value, f).As(t),
            (KinematicViscosityUnit f, KinematicViscosityUnit t) => KinematicViscosity.From(value, f).As(t),
            (ElectricConductivityUnit f, ElectricConductivityUnit t) => ElectricConductivity.From(value, f).As(t),
            (RatioUnit f, RatioUnit t) => Ratio.From(value, f).As(t),
            (AccelerationUnit f, AccelerationUnit t) => Acceleration.From(value, f).As(t),
            (MassUnit f, MassUnit t) => Mass.From(value, f).As(t),
            (TorqueUnit f, TorqueUnit t) => Torque.From(value, f).As(t),
            (SpeedUnit f, SpeedUnit t) => Speed.From(value, f).As(t),
            (RotationalSpeedUnit f, RotationalSpeedUnit t) => RotationalSpeed.From(value, f).As(t),
            (BitRateUnit f, BitRateUnit t) => (double)BitRate.From(value, f).As(t),
            (AreaUnit f, AreaUnit t) => Area.From(value, f).As(t),
            (LevelUnit f, LevelUnit t) => Level.From(value, f).As(t),
            _ => double.NaN,
        };

        return double.IsFinite(result);
    }

    /// <summary>A lookup key: compatibility-normalised (³ → 3, µ → μ, Ω sign → Ω), without spaces or punctuation that varies.</summary>
    /// <param name="text">A spelling.</param>
    /// <returns>The key.</returns>
    public static string Key(string text)
    {
        var normalized = QuantityParser.Compatible(text);
        var sb = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            switch (c)
            {
                case ' ' or '\t' or '(' or ')' or '[' or ']' or '·' or '⋅' or '.' or '*' or '-' or '_' or '^':
                    continue;
                case '\u2044':
                    sb.Append('/');
                    break;
                case '\u00B5':
                    sb.Append('\u03BC');
                    break;
                default:
                    sb.Append(c);
                    break;
            }
        }

        return sb.ToString();
    }

    private static TemperatureDeltaUnit ToDelta(TemperatureUnit unit) => unit switch
    {
        TemperatureUnit.DegreeFahrenheit => TemperatureDeltaUnit.DegreeFahrenheit,
        TemperatureUnit.Kelvin => TemperatureDeltaUnit.Kelvin,
        _ => TemperatureDeltaUnit.DegreeCelsius,
    };
}
