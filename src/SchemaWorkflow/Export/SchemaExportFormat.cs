namespace SchemaWorkflow.Export;

/// <summary>The shapes a schema can be exported in.</summary>
public enum SchemaExportFormat
{
    /// <summary>The library's own model, as stored (camelCase JSON of <see cref="ProductSchema"/>).</summary>
    Native,

    /// <summary>A JSON Schema (draft 2020-12) that validates a requirements document for the product type.</summary>
    JsonSchema,

    /// <summary>The grouped shape the replaced UI consumed: mandatory and optional requirements with empty strings to fill.</summary>
    Legacy,
}
