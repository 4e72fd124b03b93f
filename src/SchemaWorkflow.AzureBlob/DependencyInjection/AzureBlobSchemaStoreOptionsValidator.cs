using Azure.Storage.Blobs;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SchemaWorkflow.AzureBlob;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>Validates <see cref="AzureBlobSchemaStoreOptions"/> at start, with messages that name the setting.</summary>
internal sealed class AzureBlobSchemaStoreOptionsValidator(IServiceProviderIsService? services = null) : IValidateOptions<AzureBlobSchemaStoreOptions>
{
    public ValidateOptionsResult Validate(string? name, AzureBlobSchemaStoreOptions options)
    {
        var registered = services?.IsService(typeof(BlobServiceClient)) ?? false;
        var failures = AzureBlobSchemaStoreOptionsValidation.Validate(options, registered);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
