using System.Text.Json.Serialization;

namespace SchemaWorkflow.Datasheets.Vendors.Json;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase, ReadCommentHandling = System.Text.Json.JsonCommentHandling.Skip, AllowTrailingCommas = true)]
[JsonSerializable(typeof(VendorDirectoryDocument))]
internal sealed partial class VendorJsonContext : JsonSerializerContext;
