namespace SchemaWorkflow;

/// <summary>
/// The answer to one request: the schema (when there is one) and what happened to produce it. Results served from
/// the session cache are the instance built when the schema was cached, so a hit allocates nothing.
/// </summary>
public sealed record SchemaResult
{
    /// <summary>The product type text as the caller wrote it.</summary>
    public required string RequestedName { get; init; }

    /// <summary>The canonical key, when the text resolved.</summary>
    public ProductTypeKey? Key { get; init; }

    /// <summary>Where the schema came from; <see cref="SchemaSource.None"/> on failure.</summary>
    public required SchemaSource Source { get; init; }

    /// <summary>The execution strategy that ran enrichment (and the batch, for batch requests).</summary>
    public ExecutionStrategyKind Strategy { get; init; }

    /// <summary>The schema, or null when the request failed.</summary>
    public ProductSchema? Schema { get; init; }

    /// <summary>The generator that produced the schema, when it was generated in this request.</summary>
    public string? GeneratedBy { get; init; }

    /// <summary>True when the schema is in the store; false when the store could not take it (it was still returned).</summary>
    public bool Persisted { get; init; }

    /// <summary>True when this caller joined a generation started by another caller instead of running its own.</summary>
    public bool JoinedInFlight { get; init; }

    /// <summary>Total time of the request.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Time per step, in order.</summary>
    public IReadOnlyList<StepTiming> Steps { get; init; } = [];

    /// <summary>Field counts of the schema.</summary>
    public FieldCounts? Fields { get; init; }

    /// <summary>What enrichment did per group, when the schema was enriched in this request.</summary>
    public EnrichmentReport? Enrichment { get; init; }

    /// <summary>Things that went wrong without failing the request, each a sentence.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Why the request failed, or null.</summary>
    public SchemaError? Error { get; init; }

    /// <summary>True when a schema was returned.</summary>
    public bool Succeeded => Schema is not null && Error is null;

    /// <summary>Throws <see cref="SchemaWorkflowException"/> when the request failed.</summary>
    /// <returns>The schema.</returns>
    public ProductSchema EnsureSuccess() =>
        Succeeded ? Schema! : throw new SchemaWorkflowException(Error ?? new SchemaError(SchemaErrorCode.Unknown, "The request failed."));
}

/// <summary>The time one step took.</summary>
/// <param name="Step">The step.</param>
/// <param name="Duration">Its duration.</param>
public sealed record StepTiming(SchemaStep Step, TimeSpan Duration);

/// <summary>What went wrong.</summary>
/// <param name="Code">A stable code to branch on.</param>
/// <param name="Message">A sentence saying what was wrong and what to do.</param>
public sealed record SchemaError(SchemaErrorCode Code, string Message)
{
    /// <summary>For an unknown product type: the closest known product types.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];
}

/// <summary>Why a request failed.</summary>
[System.Text.Json.Serialization.JsonConverter(typeof(System.Text.Json.Serialization.JsonStringEnumConverter<SchemaErrorCode>))]
public enum SchemaErrorCode
{
    /// <summary>An unexpected failure.</summary>
    Unknown,

    /// <summary>The product type text was null, empty, too long or had control characters.</summary>
    InvalidInput,

    /// <summary>No generator of the chain knows the product type.</summary>
    UnknownProductType,

    /// <summary>A generator failed.</summary>
    GenerationFailed,

    /// <summary>The generated schema failed validation and was not stored.</summary>
    InvalidSchema,

    /// <summary>A timeout expired.</summary>
    Timeout,

    /// <summary>The store could not be reached and options say to fail.</summary>
    StoreUnavailable,
}
