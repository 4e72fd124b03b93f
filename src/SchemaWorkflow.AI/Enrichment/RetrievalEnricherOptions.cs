namespace SchemaWorkflow.AI;

/// <summary>Options of <see cref="RetrievalSchemaEnricher"/>.</summary>
public sealed class RetrievalEnricherOptions
{
    /// <summary>The enricher's name in reports and fingerprints. Default <c>retrieval</c>.</summary>
    public string Name { get; set; } = "retrieval";

    /// <summary>The model endpoint to use. Default <c>default</c>.</summary>
    public string Endpoint { get; set; } = ModelEndpoint.DefaultName;

    /// <summary>The most passages retrieved and shown to the model per group. Default 12.</summary>
    public int MaxPassagesPerGroup { get; set; } = 12;

    /// <summary>Each passage is cut to this many characters. Default 1,500.</summary>
    public int MaxPassageCharacters { get; set; } = 1500;

    /// <summary>The most tokens the model may answer with per group. Default 3,000.</summary>
    public int MaxOutputTokens { get; set; } = 3000;

    /// <summary>Sampling temperature. Default 0.</summary>
    public float? Temperature { get; set; } = 0f;

    /// <summary>Ask for strict structured output. Default true.</summary>
    public bool StrictJsonSchema { get; set; } = true;

    /// <summary>Values the model rates below this confidence are dropped. Default 0.5.</summary>
    public double MinConfidence { get; set; } = 0.5;

    /// <summary>The most values kept per field. Default 5.</summary>
    public int MaxValuesPerField { get; set; } = 5;
}
