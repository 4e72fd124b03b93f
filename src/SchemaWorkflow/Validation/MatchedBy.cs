namespace SchemaWorkflow.Validation;

/// <summary>How a buyer's input was tied to a field.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<MatchedBy>))]
public enum MatchedBy
{
    /// <summary>The name was the field key in any case or style (output_signal, outputSignal, OUTPUT-SIGNAL).</summary>
    FieldKey,

    /// <summary>The name was the field's display name.</summary>
    DisplayName,

    /// <summary>The name was one of the field's synonyms.</summary>
    Synonym,

    /// <summary>The name had the words of the key, display name or a synonym in another order ("signal output").</summary>
    WordOrder,

    /// <summary>The name was part of exactly one field's name ("output" for "Output signal").</summary>
    PartialName,

    /// <summary>The name was a close spelling of one field's name ("ouput signal").</summary>
    CloseSpelling,

    /// <summary>A free-text segment whose value only fits this field (its allowed values, unit dimension or words).</summary>
    ValuePattern,

    /// <summary>Words left over from another value that state an allowed value of this field ("… 316L" after a connection).</summary>
    Implied,
}
