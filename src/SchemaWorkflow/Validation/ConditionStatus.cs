namespace SchemaWorkflow.Validation;

/// <summary>Whether a conditional field's condition applies to the buyer's requirements.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<ConditionStatus>))]
public enum ConditionStatus
{
    /// <summary>The condition applies: the field is required.</summary>
    Applies,

    /// <summary>The condition does not apply: the field is not required.</summary>
    DoesNotApply,

    /// <summary>What was given does not say; the field is reported but not counted as missing.</summary>
    Unknown,
}
