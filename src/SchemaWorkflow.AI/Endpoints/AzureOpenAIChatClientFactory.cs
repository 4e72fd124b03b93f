using System.ClientModel;
using System.ClientModel.Primitives;
using Azure.AI.OpenAI;
using Microsoft.Extensions.AI;

namespace SchemaWorkflow.AI;

/// <summary>Creates the provider chat client of an Azure OpenAI deployment, with the SDK's retries off.</summary>
public static class AzureOpenAIChatClientFactory
{
    /// <summary>Creates an <see cref="IChatClient"/> for the deployment in <paramref name="options"/>.</summary>
    /// <param name="options">Endpoint, deployment and credentials; validated first.</param>
    /// <returns>The chat client (not yet wrapped by the resilience pipeline; see <see cref="ModelEndpoint.Create"/>).</returns>
    public static IChatClient Create(AzureOpenAIOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        ModelEndpointOptionsValidator.ThrowIfInvalid(ModelEndpoint.DefaultName, options);
        var clientOptions = options.ServiceVersion is { } version ? new AzureOpenAIClientOptions(version) : new AzureOpenAIClientOptions();

        // One layer retries: the resilience pipeline. The SDK's own retry policy would multiply attempts and hide 429s
        // from the adaptive limiter. Its network timeout is a backstop above the attempt timeout.
        clientOptions.RetryPolicy = new ClientRetryPolicy(0);
        clientOptions.NetworkTimeout = options.Resilience.AttemptTimeout + TimeSpan.FromSeconds(5);
        options.ConfigureClient?.Invoke(clientOptions);
        var client = options.Credential is { } credential
            ? new AzureOpenAIClient(options.Endpoint!, credential, clientOptions)
            : new AzureOpenAIClient(options.Endpoint!, new ApiKeyCredential(options.ApiKey!), clientOptions);
        return client.GetChatClient(options.Deployment!).AsIChatClient();
    }
}
