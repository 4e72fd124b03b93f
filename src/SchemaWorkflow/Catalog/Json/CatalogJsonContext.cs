using System.Text.Json;
using System.Text.Json.Serialization;

namespace SchemaWorkflow.Catalog.Json;

/// <summary>Source-generated reader for catalog files: camelCase, comments and trailing commas tolerated, unknown properties rejected.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    ReadCommentHandling = JsonCommentHandling.Skip,
    AllowTrailingCommas = true,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow)]
[JsonSerializable(typeof(CatalogDocument))]
internal sealed partial class CatalogJsonContext : JsonSerializerContext
{
}
