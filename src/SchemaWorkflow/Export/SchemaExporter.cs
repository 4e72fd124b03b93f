using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using SchemaWorkflow.Serialization;

namespace SchemaWorkflow.Export;

/// <summary>Exports a schema in any of the <see cref="SchemaExportFormat"/>s as indented JSON text.</summary>
public static class SchemaExporter
{
    private static readonly JsonTypeInfo<ProductSchema> NativeInfo = (JsonTypeInfo<ProductSchema>)new JsonSerializerOptions(SchemaWorkflowJsonContext.Default.Options)
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    }.GetTypeInfo(typeof(ProductSchema));

    /// <summary>Exports a schema.</summary>
    /// <param name="schema">The schema.</param>
    /// <param name="format">The shape.</param>
    /// <returns>Indented JSON text.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="format"/> is not a defined format.</exception>
    public static string Export(ProductSchema schema, SchemaExportFormat format)
    {
        ArgumentNullException.ThrowIfNull(schema);
        return format switch
        {
            SchemaExportFormat.Native => JsonSerializer.Serialize(schema, NativeInfo),
            SchemaExportFormat.JsonSchema => JsonSchemaExporter.ExportText(schema),
            SchemaExportFormat.Legacy => LegacyFormat.ToText(LegacyFormat.ToRequirements(schema)),
            _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Use Native, JsonSchema or Legacy."),
        };
    }
}
