namespace SchemaWorkflow.Datasheets;

/// <summary>
/// What a datasheet generation did: the time of each step, every vendor and document with its outcome, which fields
/// got values and which were added. Returned by <see cref="DatasheetSchemaGenerator.GenerateWithReportAsync"/> and
/// passed to <see cref="DatasheetGeneratorOptions.OnReport"/>.
/// </summary>
public sealed record DatasheetGenerationReport
{
    /// <summary>The product type.</summary>
    public required ProductTypeKey ProductType { get; init; }

    /// <summary>True when the schema started from the product type's catalog class.</summary>
    public bool FromCatalogClass { get; init; }

    /// <summary>The strategy vendors and documents ran through.</summary>
    public ExecutionStrategyKind Strategy { get; init; }

    /// <summary>The wall-clock time of each step, in order (steps not reached are absent).</summary>
    public IReadOnlyList<DatasheetStepTiming> Steps { get; init; } = [];

    /// <summary>The total time.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Every vendor considered, in the order tried.</summary>
    public IReadOnlyList<VendorReport> Vendors { get; init; } = [];

    /// <summary>Catalog fields that received values from datasheets.</summary>
    public IReadOnlyList<string> FieldsWithValues { get; init; } = [];

    /// <summary>Fields added because at least the configured number of vendors state them.</summary>
    public IReadOnlyList<string> AddedFields { get; init; } = [];

    /// <summary>Things that went wrong without stopping the generation, each a sentence.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Why no schema was built; null when one was.</summary>
    public string? Error { get; init; }

    /// <summary>Vendors whose documents contributed.</summary>
    public IEnumerable<VendorReport> UsedVendors => Vendors.Where(static v => v.Used);

    /// <summary>Vendors that failed (discovery error, or every document failed).</summary>
    public IEnumerable<VendorReport> FailedVendors => Vendors.Where(static v => v.Error is not null);

    /// <summary>Every document of every vendor.</summary>
    public IEnumerable<DocumentReport> Documents => Vendors.SelectMany(static v => v.Documents);

    /// <summary>The duration of a step, or zero when it did not run.</summary>
    /// <param name="step">The step.</param>
    /// <returns>Its duration.</returns>
    public TimeSpan DurationOf(DatasheetStep step) => Steps.FirstOrDefault(s => s.Step == step)?.Duration ?? TimeSpan.Zero;
}
