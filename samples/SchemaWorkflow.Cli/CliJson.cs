using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SchemaWorkflow.Serialization;

namespace SchemaWorkflow.Cli;

/// <summary>JSON output: the library's source-generated contract, indented, with units such as °C unescaped.</summary>
internal static class CliJson
{
    private static readonly JsonSerializerOptions Options = new(SchemaWorkflowJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Serialize(IReadOnlyList<SchemaResult> results) =>
        JsonSerializer.Serialize(results, (JsonTypeInfo<IReadOnlyList<SchemaResult>>)Options.GetTypeInfo(typeof(IReadOnlyList<SchemaResult>)));

    public static string SerializeKeys(IEnumerable<string> keys) =>
        "[" + string.Join(", ", keys.Select(k => JsonSerializer.Serialize(k, (JsonTypeInfo<string>)Options.GetTypeInfo(typeof(string))))) + "]";
}
