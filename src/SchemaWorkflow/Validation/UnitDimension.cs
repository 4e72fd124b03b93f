namespace SchemaWorkflow.Validation;

/// <summary>The physical dimension of a unit, which decides what a value can be converted to.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<UnitDimension>))]
public enum UnitDimension
{
    /// <summary>Temperature: °C, °F, K.</summary>
    Temperature,

    /// <summary>Pressure: bar, mbar, Pa, kPa, MPa, psi, water and mercury columns.</summary>
    Pressure,

    /// <summary>Electric current: mA, A, µA.</summary>
    ElectricCurrent,

    /// <summary>Voltage: V, V DC, V AC, mV, kV.</summary>
    Voltage,

    /// <summary>Power: W, mW, kW.</summary>
    Power,

    /// <summary>Electric resistance: Ω, kΩ, MΩ.</summary>
    Resistance,

    /// <summary>Frequency: Hz, kHz, MHz, GHz.</summary>
    Frequency,

    /// <summary>Time: ms, s, min, h, years.</summary>
    Time,

    /// <summary>Length: µm, mm, cm, m, in, ft.</summary>
    Length,

    /// <summary>Volume flow: m³/h, l/min, l/h, gpm.</summary>
    VolumeFlow,

    /// <summary>Mass flow: kg/h, kg/s, t/h, lb/h.</summary>
    MassFlow,

    /// <summary>Density: kg/m³, g/cm³, kg/l.</summary>
    Density,

    /// <summary>Dynamic viscosity: cP, mPa·s, Pa·s.</summary>
    DynamicViscosity,

    /// <summary>Kinematic viscosity: mm²/s, cSt.</summary>
    KinematicViscosity,

    /// <summary>Electrical conductivity: µS/cm, mS/cm.</summary>
    Conductivity,

    /// <summary>A ratio: %, % of span, % of reading, ppm.</summary>
    Ratio,

    /// <summary>pH value.</summary>
    PH,

    /// <summary>Acceleration: g, m/s².</summary>
    Acceleration,

    /// <summary>Torque: Nm.</summary>
    Torque,

    /// <summary>Mass: g, kg, lb.</summary>
    Mass,

    /// <summary>Data rate: bit/s, kbit/s.</summary>
    BitRate,

    /// <summary>Speed: m/s, ft/s.</summary>
    Speed,

    /// <summary>Rotational speed: rpm.</summary>
    RotationalSpeed,

    /// <summary>Area, such as a conductor cross-section: mm², cm², m².</summary>
    Area,

    /// <summary>A logarithmic level, such as a sound pressure level: dB (an A-weighted dB(A) reads as dB).</summary>
    LogarithmicLevel,
}
