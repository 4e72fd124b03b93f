namespace SchemaWorkflow.Datasheets;

/// <summary>A pair that was found but not used: its value did not parse to its field's type, or it is not a value.</summary>
/// <param name="Key">The key as written.</param>
/// <param name="Value">The value as written.</param>
/// <param name="Page">The page number.</param>
/// <param name="FieldKey">The field the key matched, or null.</param>
/// <param name="Reason">Why it was not used, a sentence.</param>
public sealed record RejectedSpecification(string Key, string Value, int Page, string? FieldKey, string Reason);
