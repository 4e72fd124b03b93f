namespace SchemaWorkflow;

/// <summary>A closed numeric interval with a unit; either end may be open.</summary>
public sealed record NumericRange
{
    /// <summary>The lower bound, or null when unbounded below.</summary>
    public double? Min { get; init; }

    /// <summary>The upper bound, or null when unbounded above.</summary>
    public double? Max { get; init; }

    /// <summary>The unit symbol, for example <c>°C</c>, <c>bar</c>, <c>mA</c>; null for a dimensionless value.</summary>
    public string? Unit { get; init; }

    /// <summary>True when <paramref name="value"/> lies within the bounds.</summary>
    /// <param name="value">A value in <see cref="Unit"/>.</param>
    /// <returns>Whether the value is inside.</returns>
    public bool Contains(double value) => (Min is null || value >= Min) && (Max is null || value <= Max);

    /// <summary>True when both bounds are finite or null and Min ≤ Max.</summary>
    public bool IsWellFormed =>
        (Min is null || double.IsFinite(Min.Value)) && (Max is null || double.IsFinite(Max.Value)) &&
        (Min is null || Max is null || Min <= Max) && (Min is not null || Max is not null);

    /// <inheritdoc />
    public override string ToString() =>
        $"{(Min is null ? "…" : Min.Value.ToString("G", System.Globalization.CultureInfo.InvariantCulture))}..{(Max is null ? "…" : Max.Value.ToString("G", System.Globalization.CultureInfo.InvariantCulture))}{(Unit is null ? string.Empty : " " + Unit)}";
}
