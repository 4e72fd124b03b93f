namespace SchemaWorkflow.Datasheets;

/// <summary>A datasheet generation's schema (when one was built) and its report.</summary>
/// <param name="Schema">The schema, or null when no usable datasheet was found; <see cref="DatasheetGenerationReport.Error"/> says why.</param>
/// <param name="Report">What happened.</param>
public sealed record DatasheetGenerationResult(ProductSchema? Schema, DatasheetGenerationReport Report)
{
    /// <summary>True when a schema was built.</summary>
    public bool Succeeded => Schema is not null;
}
