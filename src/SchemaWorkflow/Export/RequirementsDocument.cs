using System.Text.Json.Nodes;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Export;

/// <summary>
/// Turns the values of a validation report into a requirements document, the JSON that the schema of
/// <see cref="JsonSchemaExporter"/> validates: field key → allowed value (string), number, <c>{min, max}</c> or yes/no, in
/// the field's unit. Fields marked not applicable are left out.
/// </summary>
public static class RequirementsDocument
{
    /// <summary>Builds the document of the values a report accepted.</summary>
    /// <param name="report">The report.</param>
    /// <returns>The document.</returns>
    public static JsonObject From(ValidationReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var document = new JsonObject();
        foreach (var provided in report.Provided)
        {
            var value = provided.Value;
            JsonNode? node = value.Kind switch
            {
                ParsedValueKind.Enum or ParsedValueKind.Text => value.Text,
                ParsedValueKind.Number => value.Number,
                ParsedValueKind.Boolean => value.Boolean,
                ParsedValueKind.Range => RangeNode(value.Range!),
                _ => null,
            };
            if (node is not null)
            {
                document[provided.Field] = node;
            }
        }

        return document;
    }

    /// <summary>Writes a document as indented JSON text.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text.</returns>
    public static string ToText(JsonObject document)
    {
        ArgumentNullException.ThrowIfNull(document);
        return ExportJson.Write(document);
    }

    private static JsonObject RangeNode(NumericRange range)
    {
        var node = new JsonObject();
        if (range.Min is { } min)
        {
            node["min"] = min;
        }

        if (range.Max is { } max)
        {
            node["max"] = max;
        }

        return node;
    }
}
