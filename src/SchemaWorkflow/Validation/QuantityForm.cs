namespace SchemaWorkflow.Validation;

/// <summary>The shape of a quantity a buyer wrote.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<QuantityForm>))]
public enum QuantityForm
{
    /// <summary>One value, such as <c>100 psi</c>.</summary>
    Single,

    /// <summary>Two values, such as <c>0…150 °C</c> or <c>4-20 mA</c>.</summary>
    Range,

    /// <summary>A symmetric tolerance, such as <c>±0.1 %</c>.</summary>
    Tolerance,

    /// <summary>An upper bound, such as <c>max. 85 °C</c> or <c>≤ 0.1 %</c>.</summary>
    AtMost,

    /// <summary>A lower bound, such as <c>min. 5 µS/cm</c> or <c>≥ 250 Ω</c>.</summary>
    AtLeast,
}
