namespace SchemaWorkflow.AI;

/// <summary>Settings of one model endpoint: resilience, adaptive concurrency and telemetry.</summary>
public class ModelEndpointOptions
{
    /// <summary>
    /// The model (or deployment) name, part of the generator's and enricher's fingerprints so a model change
    /// regenerates stored schemas. Null asks the chat client (<c>ChatClientMetadata.DefaultModelId</c>).
    /// </summary>
    public string? ModelId { get; set; }

    /// <summary>The resilience pipeline around each model call.</summary>
    public ModelResilienceOptions Resilience { get; set; } = new();

    /// <summary>Adaptive (AIMD) concurrency of model calls.</summary>
    public AdaptiveConcurrencyOptions Concurrency { get; set; } = new();

    /// <summary>
    /// When true, prompts and answers are recorded on GenAI spans and logged (at Trace) by the chat client pipeline, and
    /// validation problems quoting model output appear in exception messages. Default false: never for production
    /// data unless the host decides so.
    /// </summary>
    public bool LogSensitiveData { get; set; }
}
