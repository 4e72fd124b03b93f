namespace SchemaWorkflow.Validation;

/// <summary>Why a value was not accepted.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<InvalidReason>))]
public enum InvalidReason
{
    /// <summary>The text could not be read as a value of the field's type (no number where one is needed).</summary>
    Unreadable,

    /// <summary>The value is not one of the field's allowed values.</summary>
    NotAllowedValue,

    /// <summary>The text fits two or more allowed values equally well.</summary>
    AmbiguousValue,

    /// <summary>The value lies outside the field's range.</summary>
    OutOfRange,

    /// <summary>The unit measures something else (a pressure given for a temperature).</summary>
    WrongUnitDimension,

    /// <summary>The unit is of the right kind but cannot stand for the field's unit (V AC for V DC, % of reading for % of span).</summary>
    UnitMismatch,

    /// <summary>The unit is not one this library knows.</summary>
    UnknownUnit,

    /// <summary>A range whose lower value is above its upper value.</summary>
    ReversedRange,

    /// <summary>A placeholder such as "TBD" or "?" instead of a value.</summary>
    Placeholder,

    /// <summary>The value conflicts with a cited standards fact the schema carries for the field.</summary>
    ConflictsWithStandard,

    /// <summary>The field was given twice with different values.</summary>
    ConflictingValues,
}
