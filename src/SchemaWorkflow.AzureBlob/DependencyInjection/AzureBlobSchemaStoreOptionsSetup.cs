using Azure.Storage.Blobs;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using SchemaWorkflow.AzureBlob;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>
/// Binds <see cref="AzureBlobSchemaStoreOptions"/> from the section given to <c>UseAzureBlobStore(IConfiguration)</c>,
/// or else from <c>SchemaWorkflow:AzureBlob</c> of the host's <see cref="IConfiguration"/> when one is registered.
/// Runs before the code configuration, so code wins. Binds through <see cref="Settings"/>, which holds only what
/// configuration can express (the credential and the client callback are set in code), with the source-generated
/// binder.
/// </summary>
internal sealed class AzureBlobSchemaStoreOptionsSetup(AzureBlobConfigurationSource source, IConfiguration? configuration = null) : IConfigureOptions<AzureBlobSchemaStoreOptions>
{
    public void Configure(AzureBlobSchemaStoreOptions options)
    {
        var section = source.Section ?? configuration?.GetSection(AzureBlobSchemaStoreOptions.SectionName);
        if (section is null)
        {
            return;
        }

        var settings = new Settings();
        section.Bind(settings);
        settings.ApplyTo(options);
    }

    internal sealed class Settings
    {
        public string? ConnectionString { get; set; }

        public Uri? ServiceUri { get; set; }

        public string? ContainerName { get; set; }

        public string? Prefix { get; set; }

        public bool? CreateContainerIfNotExists { get; set; }

        public long? MaxBlobBytes { get; set; }

        public TimeSpan? LeaseDuration { get; set; }

        public int? MaxRetries { get; set; }

        public TimeSpan? RetryDelay { get; set; }

        public TimeSpan? MaxRetryDelay { get; set; }

        public TimeSpan? NetworkTimeout { get; set; }

        public BlobClientOptions.ServiceVersion? ServiceVersion { get; set; }

        public void ApplyTo(AzureBlobSchemaStoreOptions options)
        {
            options.ConnectionString = ConnectionString ?? options.ConnectionString;
            options.ServiceUri = ServiceUri ?? options.ServiceUri;
            options.ContainerName = ContainerName ?? options.ContainerName;
            options.Prefix = Prefix ?? options.Prefix;
            options.CreateContainerIfNotExists = CreateContainerIfNotExists ?? options.CreateContainerIfNotExists;
            options.MaxBlobBytes = MaxBlobBytes ?? options.MaxBlobBytes;
            options.LeaseDuration = LeaseDuration ?? options.LeaseDuration;
            options.MaxRetries = MaxRetries ?? options.MaxRetries;
            options.RetryDelay = RetryDelay ?? options.RetryDelay;
            options.MaxRetryDelay = MaxRetryDelay ?? options.MaxRetryDelay;
            options.NetworkTimeout = NetworkTimeout ?? options.NetworkTimeout;
            options.ServiceVersion = ServiceVersion ?? options.ServiceVersion;
        }
    }
}
