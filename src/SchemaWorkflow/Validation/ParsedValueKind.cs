namespace SchemaWorkflow.Validation;

/// <summary>What kind of value a <see cref="ParsedValue"/> holds.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ParsedValueKind>))]
public enum ParsedValueKind
{
    /// <summary>Free text in <see cref="ParsedValue.Text"/>.</summary>
    Text,

    /// <summary>A number in <see cref="ParsedValue.Number"/>, in <see cref="ParsedValue.Unit"/>.</summary>
    Number,

    /// <summary>An interval in <see cref="ParsedValue.Range"/>; either end may be open.</summary>
    Range,

    /// <summary>One of the field's allowed values, in its own spelling, in <see cref="ParsedValue.Text"/>.</summary>
    Enum,

    /// <summary>Yes or no in <see cref="ParsedValue.Boolean"/>.</summary>
    Boolean,

    /// <summary>The buyer said the field does not apply ("N/A", "not applicable").</summary>
    NotApplicable,
}
