using System.Text.Json.Serialization;
using SchemaWorkflow.Storage;

namespace SchemaWorkflow.Serialization;

/// <summary>Source-generated JSON metadata for the model: camelCase, enums as strings, nulls omitted.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    WriteIndented = false,
    UseStringEnumConverter = true)]
[JsonSerializable(typeof(SchemaEnvelope))]
[JsonSerializable(typeof(ProductSchema))]
[JsonSerializable(typeof(SchemaResult))]
[JsonSerializable(typeof(IReadOnlyList<SchemaResult>))]
[JsonSerializable(typeof(SchemaResult[]))]
public sealed partial class SchemaWorkflowJsonContext : JsonSerializerContext
{
}
