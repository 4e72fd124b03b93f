namespace SchemaWorkflow.Datasheets;

/// <summary>Options of <see cref="HttpDatasheetSource"/>: the URLs, and the limits every download runs under.</summary>
public sealed class HttpDatasheetSourceOptions
{
    /// <summary>The datasheet URLs per vendor and product type.</summary>
    public List<DatasheetUrl> Urls { get; } = [];

    /// <summary>Downloads running at once across all vendors and requests (default 4, 1 to 64).</summary>
    public int MaxConcurrentDownloads { get; set; } = 4;

    /// <summary>
    /// The time one download may take, retries and back-off included (default 30 s). It starts when the download gets a
    /// slot, so waiting for a slot does not count; when it expires the request is cancelled.
    /// </summary>
    public TimeSpan DownloadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The largest body read (default 25 MiB). A larger declared length is rejected before the body is read; a body without one is cut off at the limit.</summary>
    public long MaxDocumentBytes { get; set; } = LocalFolderDatasheetSource.DefaultMaxDocumentBytes;

    /// <summary>Retries after a transient failure: a network error, 408, 429, 500, 502, 503 or 504 (default 2, 0 to 10). Other failures are not retried.</summary>
    public int MaxRetries { get; set; } = 2;

    /// <summary>The back-off before the first retry, doubled for each further one (default 500 ms); a longer <c>Retry-After</c> is honoured.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A folder that keeps downloaded datasheets, so a later generation reads them from disk; null turns the cache off.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>How long a cached download is used before it is fetched again (default 7 days).</summary>
    public TimeSpan CacheDuration { get; set; } = TimeSpan.FromDays(7);

    /// <summary>The User-Agent header sent with each request.</summary>
    public string UserAgent { get; set; } = "SchemaWorkflow.Datasheets/1.0";

    /// <summary>Adds a datasheet URL.</summary>
    /// <param name="vendor">The vendor's name or id.</param>
    /// <param name="productType">The canonical product type key.</param>
    /// <param name="url">An absolute http or https URL.</param>
    /// <returns>These options, for chaining.</returns>
    /// <exception cref="ArgumentException">The URL is not an absolute http or https URL.</exception>
    public HttpDatasheetSourceOptions AddUrl(string vendor, string productType, string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vendor);
        ArgumentException.ThrowIfNullOrWhiteSpace(productType);
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new ArgumentException($"'{url}' is not an absolute http or https URL.", nameof(url));
        }

        Urls.Add(new DatasheetUrl(vendor, productType, uri));
        return this;
    }

    internal HttpDatasheetSourceOptions Clone()
    {
        var copy = new HttpDatasheetSourceOptions
        {
            MaxConcurrentDownloads = MaxConcurrentDownloads,
            DownloadTimeout = DownloadTimeout,
            MaxDocumentBytes = MaxDocumentBytes,
            MaxRetries = MaxRetries,
            RetryDelay = RetryDelay,
            CacheDirectory = CacheDirectory,
            CacheDuration = CacheDuration,
            UserAgent = UserAgent,
        };
        copy.Urls.AddRange(Urls);
        return copy;
    }

    internal IEnumerable<string> Validate()
    {
        if (MaxConcurrentDownloads is < 1 or > 64)
        {
            yield return $"Http.MaxConcurrentDownloads is {MaxConcurrentDownloads}; it must be between 1 and 64.";
        }

        if (DownloadTimeout <= TimeSpan.Zero)
        {
            yield return $"Http.DownloadTimeout is {DownloadTimeout}; it must be positive, such as 00:00:30.";
        }

        if (MaxDocumentBytes < 1)
        {
            yield return $"Http.MaxDocumentBytes is {MaxDocumentBytes}; it must be at least 1.";
        }

        if (MaxRetries is < 0 or > 10)
        {
            yield return $"Http.MaxRetries is {MaxRetries}; it must be between 0 and 10.";
        }

        if (RetryDelay < TimeSpan.Zero)
        {
            yield return $"Http.RetryDelay is {RetryDelay}; it must not be negative.";
        }

        if (CacheDuration <= TimeSpan.Zero)
        {
            yield return $"Http.CacheDuration is {CacheDuration}; it must be positive.";
        }

        if (string.IsNullOrWhiteSpace(UserAgent))
        {
            yield return "Http.UserAgent is empty.";
        }
    }
}
