using Azure.AI.OpenAI;
using Azure.Core;

namespace SchemaWorkflow.AI;

/// <summary>
/// An Azure OpenAI chat deployment: the resource endpoint, the deployment name, and either an API key or a
/// <see cref="TokenCredential"/> (managed identity, workload identity, developer sign-in). The SDK's own retries are
/// turned off; <see cref="ModelEndpointOptions.Resilience"/> is the only layer that retries.
/// </summary>
public sealed class AzureOpenAIOptions : ModelEndpointOptions
{
    /// <summary>The resource endpoint, for example <c>https://my-resource.openai.azure.com/</c>.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The chat model deployment name, for example <c>gpt-4o</c>.</summary>
    public string? Deployment { get; set; }

    /// <summary>The resource's API key. Set this or <see cref="Credential"/>, not both.</summary>
    public string? ApiKey { get; set; }

    /// <summary>A Microsoft Entra ID credential, such as <c>new DefaultAzureCredential()</c>. Set this or <see cref="ApiKey"/>.</summary>
    public TokenCredential? Credential { get; set; }

    /// <summary>Pins the service API version; null uses the SDK's default.</summary>
    public AzureOpenAIClientOptions.ServiceVersion? ServiceVersion { get; set; }

    /// <summary>
    /// Adjusts the SDK client options after SchemaWorkflow set them (for example a custom transport or a proxy).
    /// The retry policy stays off unless this sets one, which would then retry underneath the resilience pipeline.
    /// </summary>
    public Action<AzureOpenAIClientOptions>? ConfigureClient { get; set; }
}
