using Microsoft.Extensions.Configuration;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>The configuration section passed to <c>UseAzureBlobStore(IConfiguration)</c>, if any.</summary>
internal sealed class AzureBlobConfigurationSource(IConfiguration? section)
{
    public IConfiguration? Section { get; } = section;
}
