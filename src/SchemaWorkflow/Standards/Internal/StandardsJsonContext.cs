using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaWorkflow.Standards.Internal;

/// <summary>Source-generated reader for knowledge-base files: strict about unknown members so typos surface.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    NumberHandling = JsonNumberHandling.Strict,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(KnowledgeBaseFileDto))]
internal sealed partial class StandardsJsonContext : JsonSerializerContext
{
}
