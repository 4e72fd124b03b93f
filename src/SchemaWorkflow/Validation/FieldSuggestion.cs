namespace SchemaWorkflow.Validation;

/// <summary>A field an unrecognised input may have meant.</summary>
/// <param name="Field">The field key.</param>
/// <param name="DisplayName">The field's display name.</param>
public sealed record FieldSuggestion(string Field, string DisplayName);
