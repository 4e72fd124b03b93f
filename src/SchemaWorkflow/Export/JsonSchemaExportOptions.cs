namespace SchemaWorkflow.Export;

/// <summary>Options of <see cref="JsonSchemaExporter"/>.</summary>
public sealed record JsonSchemaExportOptions
{
    /// <summary>Shared default: strict documents, typical ranges as annotations only.</summary>
    public static JsonSchemaExportOptions Default { get; } = new();

    /// <summary>
    /// Whether a document may carry properties the schema does not define. Default false: an unknown key is an error,
    /// as a misspelt field would otherwise pass unnoticed.
    /// </summary>
    public bool AllowAdditionalProperties { get; init; }

    /// <summary>
    /// Whether a field's typical range becomes <c>minimum</c>/<c>maximum</c>. Default false: the catalog's typical range is
    /// advice (a type K transmitter calibrated 0..1200 °C is normal even where the typical range was written for Pt100),
    /// so only physical limits and unconditional cited ranges bound a value; the typical range is an annotation.
    /// </summary>
    public bool TypicalRangeAsLimits { get; init; }
}
