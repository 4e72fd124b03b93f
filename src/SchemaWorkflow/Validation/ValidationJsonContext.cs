using System.Text.Json.Serialization;

namespace SchemaWorkflow.Validation;

/// <summary>Source-generated JSON metadata for validation reports: camelCase, enums as strings, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(ValidationReport))]
[JsonSerializable(typeof(ParsedQuantity))]
[JsonSerializable(typeof(ValueParseResult))]
public sealed partial class ValidationJsonContext : JsonSerializerContext
{
}
