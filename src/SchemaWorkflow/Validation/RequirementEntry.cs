namespace SchemaWorkflow.Validation;

/// <summary>One requirement as the buyer wrote it: a field name in any form and a value.</summary>
/// <param name="Name">The field name: key, display name, camelCase or a synonym ("output", "Output signal", "outputSignal").</param>
/// <param name="Value">The value as written ("4-20mA HART").</param>
public sealed record RequirementEntry(string Name, string Value);
