using Azure.Storage.Blobs;

namespace SchemaWorkflow.AzureBlob;

/// <summary>The checks behind options validation, shared by the DI validator and the store's constructors.</summary>
internal static class AzureBlobSchemaStoreOptionsValidation
{
    private const string Section = AzureBlobSchemaStoreOptions.SectionName;

    /// <summary>Finds every problem, each a sentence naming the setting, its value and the rule.</summary>
    /// <param name="options">The options.</param>
    /// <param name="clientSupplied">True when a <see cref="BlobServiceClient"/> is passed in or registered, so no client settings are needed.</param>
    /// <param name="checkClientSource">False when the caller passes the client itself, so the client settings do not matter.</param>
    public static List<string> Validate(AzureBlobSchemaStoreOptions options, bool clientSupplied, bool checkClientSource = true)
    {
        var failures = new List<string>();
        if (checkClientSource)
        {
            ValidateClientSource(options, clientSupplied, failures);
        }

        ValidateContainerName(options.ContainerName, failures);
        ValidatePrefix(options.Prefix, failures);

        if (options.MaxBlobBytes is < 1024 or > 1024L * 1024 * 1024)
        {
            failures.Add($"{Section}:MaxBlobBytes is {options.MaxBlobBytes}; it must be between 1024 and 1073741824.");
        }

        if (options.LeaseDuration < AzureBlobSchemaStoreOptions.MinLeaseDuration || options.LeaseDuration > AzureBlobSchemaStoreOptions.MaxLeaseDuration)
        {
            failures.Add($"{Section}:LeaseDuration is {options.LeaseDuration}; the Blob service grants leases of 00:00:15 to 00:01:00.");
        }

        if (options.MaxRetries is < 0 or > 10)
        {
            failures.Add($"{Section}:MaxRetries is {options.MaxRetries}; it must be between 0 and 10.");
        }

        if (options.RetryDelay <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:RetryDelay is {options.RetryDelay}; it must be a positive time span such as 00:00:00.5.");
        }

        if (options.MaxRetryDelay < options.RetryDelay)
        {
            failures.Add($"{Section}:MaxRetryDelay is {options.MaxRetryDelay}; it must be at least RetryDelay ({options.RetryDelay}).");
        }

        if (options.NetworkTimeout <= TimeSpan.Zero)
        {
            failures.Add($"{Section}:NetworkTimeout is {options.NetworkTimeout}; it must be a positive time span such as 00:00:10.");
        }

        if (options.ServiceVersion is { } version && !Enum.IsDefined(version))
        {
            failures.Add($"{Section}:ServiceVersion is '{version}', which this Azure.Storage.Blobs version does not know; use a name such as V2026_06_06 or leave it unset.");
        }

        return failures;
    }

    private static void ValidateClientSource(AzureBlobSchemaStoreOptions options, bool clientSupplied, List<string> failures)
    {
        var hasConnectionString = !string.IsNullOrWhiteSpace(options.ConnectionString);
        if (hasConnectionString && options.ServiceUri is not null)
        {
            failures.Add($"Both {Section}:ConnectionString and {Section}:ServiceUri are set; set only one of them.");
            return;
        }

        if (hasConnectionString)
        {
            if (options.Credential is not null)
            {
                failures.Add($"{Section}:Credential is set together with a ConnectionString; a credential goes with ServiceUri instead.");
            }

            try
            {
                // Parses only; no request is sent. The message never echoes the string: it holds a secret.
                _ = new BlobServiceClient(options.ConnectionString);
            }
            catch (Exception ex) when (ex is FormatException or ArgumentException or InvalidOperationException)
            {
                failures.Add($"{Section}:ConnectionString is not a valid Azure Storage connection string ({ex.GetType().Name}). Copy it again from the storage account's Access keys page, or use ServiceUri with a credential.");
            }

            return;
        }

        if (options.ServiceUri is { } uri)
        {
            if (!uri.IsAbsoluteUri || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            {
                failures.Add($"{Section}:ServiceUri '{Describe(uri)}' is not an absolute http(s) address such as https://myaccount.blob.core.windows.net.");
            }
            else if (options.Credential is not null && uri.Scheme != Uri.UriSchemeHttps)
            {
                failures.Add($"{Section}:ServiceUri '{Describe(uri)}' is plain http; a token credential is only sent over https.");
            }
            else if (options.Credential is null && string.IsNullOrEmpty(uri.Query))
            {
                failures.Add($"{Section}:ServiceUri is set without a credential: set Credential in code (for example new DefaultAzureCredential() from Azure.Identity), or use a URI that carries a SAS token.");
            }

            return;
        }

        if (options.Credential is not null)
        {
            failures.Add($"{Section}:Credential is set but ServiceUri is not; set the Blob service endpoint, such as https://myaccount.blob.core.windows.net.");
            return;
        }

        if (!clientSupplied)
        {
            failures.Add($"No Azure Blob client is configured: set {Section}:ConnectionString, or {Section}:ServiceUri with a Credential, or register a BlobServiceClient in the service collection.");
        }
    }

    private static void ValidateContainerName(string? name, List<string> failures)
    {
        if (string.IsNullOrEmpty(name))
        {
            failures.Add($"{Section}:ContainerName is empty; set a container name such as \"schemaworkflow\".");
            return;
        }

        var ok = name.Length is >= 3 and <= 63
            && IsLowerAlnum(name[0]) && IsLowerAlnum(name[^1])
            && !name.Contains("--", StringComparison.Ordinal);
        foreach (var c in name)
        {
            ok &= IsLowerAlnum(c) || c == '-';
        }

        if (!ok)
        {
            failures.Add($"{Section}:ContainerName '{Truncate(name)}' is not a valid container name: use 3 to 63 lowercase letters, digits and single hyphens, starting and ending with a letter or digit.");
        }
    }

    private static void ValidatePrefix(string? prefix, List<string> failures)
    {
        if (prefix is null)
        {
            failures.Add($"{Section}:Prefix is null; use an empty string to put the blobs at the container root.");
            return;
        }

        if (prefix.Length == 0)
        {
            return;
        }

        var ok = prefix.Length <= 200 && prefix[0] != '/' && prefix[^1] != '/';
        foreach (var c in prefix)
        {
            ok &= IsLowerAlnum(c) || c is (>= 'A' and <= 'Z') or '-' or '_' or '.' or '/';
        }

        foreach (var segment in prefix.Split('/'))
        {
            ok &= segment.Length > 0 && segment != "." && segment != ".." && segment != ".locks";
        }

        if (!ok)
        {
            failures.Add($"{Section}:Prefix '{Truncate(prefix)}' is not a valid blob folder: use up to 200 letters, digits, '-', '_', '.' and '/' between non-empty segments (no leading or trailing '/', no '.', '..' or '.locks' segment).");
        }
    }

    private static bool IsLowerAlnum(char c) => c is (>= 'a' and <= 'z') or (>= '0' and <= '9');

    private static string Truncate(string value) => value.Length > 80 ? string.Concat(value.AsSpan(0, 80), "…") : value;

    // Never show a SAS query: it is a secret.
    private static string Describe(Uri uri)
    {
        var text = uri.OriginalString;
        var query = text.IndexOf('?', StringComparison.Ordinal);
        return query < 0 ? text : text[..query];
    }
}
