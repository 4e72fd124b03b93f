namespace SchemaWorkflow.AI;

/// <summary>Options of <see cref="ChatClientSchemaGenerator"/>.</summary>
public sealed class ChatClientGeneratorOptions
{
    /// <summary>The generator's name in results and fingerprints. Default <c>chat</c>.</summary>
    public string Name { get; set; } = "chat";

    /// <summary>The model endpoint to use (registered by <c>UseAzureOpenAI</c> or <c>UseChatClient</c>). Default <c>default</c>.</summary>
    public string Endpoint { get; set; } = ModelEndpoint.DefaultName;

    /// <summary>The most tokens the model may answer with. Default 8,000 (a 60-field schema needs about 5,000).</summary>
    public int MaxOutputTokens { get; set; } = 8000;

    /// <summary>Sampling temperature. Default 0 (the most repeatable answers).</summary>
    public float? Temperature { get; set; } = 0f;

    /// <summary>
    /// Ask the model for strict structured output (OpenAI and Azure OpenAI honour it). Default true; turn off for a
    /// provider that rejects the flag.
    /// </summary>
    public bool StrictJsonSchema { get; set; } = true;

    /// <summary>
    /// When true, a product type without a skeleton is declined (<see cref="ProductTypeNotSupportedException"/>), so the
    /// model only extends known classes and the next generator serves the rest. Default false.
    /// </summary>
    public bool RequireSkeleton { get; set; }

    /// <summary>
    /// When true (default) and no <see cref="ISchemaSkeletonSource"/> is registered, the built-in catalog class of the
    /// product type is the skeleton.
    /// </summary>
    public bool UseCatalogSkeleton { get; set; } = true;

    /// <summary>The most datasheet extracts passed to the model. Default 4.</summary>
    public int MaxDatasheetExtracts { get; set; } = 4;

    /// <summary>The character budget of all datasheet extracts together. Default 12,000.</summary>
    public int MaxDatasheetCharacters { get; set; } = 12_000;

    /// <summary>The most fields a generated schema may have. Default 150.</summary>
    public int MaxFields { get; set; } = 150;
}
