namespace SchemaWorkflow.Catalog;

/// <summary>The unit symbols catalog fields may use, so values and units can be parsed the same way everywhere.</summary>
public static class CatalogUnits
{
    /// <summary>Every accepted unit symbol.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        "°C", "°F", "K", "bar", "mbar", "kPa", "MPa", "Pa", "psi", "mA", "V", "V DC", "V AC", "W", "Ω", "Hz", "kHz", "GHz",
        "s", "ms", "mm", "m", "in", "m³/h", "l/min", "kg/h", "kg/m³", "cP", "mPa·s", "%", "% of span", "% of reading",
        "µS/cm", "mS/cm", "pH", "ppm", "g", "Nm", "kg", "years", "bit/s",
        "A", "kW", "m/s", "mm²", "dB",
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    /// <summary>True when <paramref name="unit"/> is one of <see cref="All"/> (exact, case-sensitive).</summary>
    /// <param name="unit">A unit symbol.</param>
    /// <returns>Whether it is accepted.</returns>
    public static bool IsKnown(string? unit) => unit is not null && Known.Contains(unit);

    /// <summary>The accepted symbol a near miss was probably meant to be (a look-alike character, other case), or null.</summary>
    /// <param name="unit">A unit symbol that is not accepted.</param>
    /// <returns>The likely symbol, or null.</returns>
    public static string? Suggest(string unit)
    {
        ArgumentNullException.ThrowIfNull(unit);
        var folded = unit.Replace('\u2126', '\u03A9').Replace('\u03BC', '\u00B5').Replace("deg", "°", StringComparison.OrdinalIgnoreCase).Replace("m3", "m³", StringComparison.Ordinal).Trim();
        foreach (var candidate in All)
        {
            if (string.Equals(candidate, folded, StringComparison.OrdinalIgnoreCase))
            {
                return candidate;
            }
        }

        return null;
    }
}
