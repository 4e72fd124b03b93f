namespace SchemaWorkflow.Standards.Internal;

/// <summary>The catalog's unit symbols (CATALOG_FORMAT.md); knowledge-base payloads may use only these.</summary>
internal static class StandardUnits
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "°C", "°F", "K", "bar", "mbar", "kPa", "MPa", "Pa", "psi", "mA", "V", "V DC", "V AC", "W", "Ω", "Hz", "kHz",
        "GHz", "s", "ms", "mm", "m", "in", "m³/h", "l/min", "kg/h", "kg/m³", "cP", "mPa·s", "%", "% of span",
        "% of reading", "µS/cm", "mS/cm", "pH", "ppm", "g", "Nm", "kg", "years", "bit/s",
    };
}
