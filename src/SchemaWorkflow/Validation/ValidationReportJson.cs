using System.Text.Encodings.Web;
using System.Text.Json;

namespace SchemaWorkflow.Validation;

/// <summary>Writes a <see cref="ValidationReport"/> as JSON (camelCase, enums as strings, units such as °C unescaped).</summary>
public static class ValidationReportJson
{
    private static readonly ValidationJsonContext Indented = new(new JsonSerializerOptions(ValidationJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    private static readonly ValidationJsonContext Compact = new(new JsonSerializerOptions(ValidationJsonContext.Default.Options)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    });

    /// <summary>Serializes a report.</summary>
    /// <param name="report">The report.</param>
    /// <param name="indented">True for indented output.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(ValidationReport report, bool indented = true)
    {
        ArgumentNullException.ThrowIfNull(report);
        return JsonSerializer.Serialize(report, (indented ? Indented : Compact).ValidationReport);
    }
}
