namespace SchemaWorkflow.Validation.Internal;

/// <summary>A quantity read from text, with every unit reading still open (for example "g" as mass or acceleration).</summary>
internal sealed record QuantityExpression
{
    public required QuantityForm Form { get; init; }

    public required double First { get; init; }

    public double? Second { get; init; }

    /// <summary>The unit written after the first value (or before the separator); empty when none.</summary>
    public IReadOnlyList<UnitInfo> FirstUnits { get; init; } = [];

    /// <summary>The unit written after the second value; empty when none.</summary>
    public IReadOnlyList<UnitInfo> SecondUnits { get; init; } = [];

    /// <summary>A word after the last number that looks like a unit but is not known.</summary>
    public string? UnknownUnit { get; init; }

    /// <summary>A ratio such as 100:1 was written; <see cref="First"/> holds the left side.</summary>
    public bool IsRatio { get; init; }

    public string Leading { get; init; } = string.Empty;

    public string Trailing { get; init; } = string.Empty;

    /// <summary>The unit candidates that apply to both ends when only one end names its unit.</summary>
    public IReadOnlyList<UnitInfo> SharedUnits => SecondUnits.Count > 0 ? SecondUnits : FirstUnits;
}
