using System.Text.Json.Serialization;

namespace SchemaWorkflow.AI.Serialization;

/// <summary>Source-generated JSON metadata of the model's answers (snake_case, lenient about numbers in strings).</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    NumberHandling = JsonNumberHandling.AllowReadingFromString,
    ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip,
    AllowTrailingCommas = true)]
[JsonSerializable(typeof(SchemaAnswer))]
[JsonSerializable(typeof(EnrichmentAnswer))]
internal sealed partial class AIJsonContext : JsonSerializerContext
{
}
