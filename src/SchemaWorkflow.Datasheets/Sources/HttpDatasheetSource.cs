using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using SchemaWorkflow.Datasheets.Internal;

namespace SchemaWorkflow.Datasheets;

/// <summary>
/// Downloads datasheets from a list of URLs per vendor and product type: at most
/// <see cref="HttpDatasheetSourceOptions.MaxConcurrentDownloads"/> at once, each within its timeout and size limit,
/// checked to be a PDF or text, retried only after transient failures, and kept in an optional disk cache.
/// </summary>
public sealed class HttpDatasheetSource : IDatasheetSource, IDisposable
{
    private readonly HttpDatasheetSourceOptions _options;
    private readonly HttpClient _client;
    private readonly bool _ownsClient;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _slots;

    /// <summary>Creates the source.</summary>
    /// <param name="options">URLs and limits; copied, so later changes have no effect.</param>
    /// <param name="httpClient">The client to send requests with; when null the source creates and owns one.</param>
    /// <param name="timeProvider">The clock for timeouts, back-off and cache age; the system clock when null.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public HttpDatasheetSource(HttpDatasheetSourceOptions options, HttpClient? httpClient = null, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var problems = options.Validate().ToList();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _options = options.Clone();
        _time = timeProvider ?? TimeProvider.System;
        _slots = new SemaphoreSlim(_options.MaxConcurrentDownloads, _options.MaxConcurrentDownloads);
        if (httpClient is null)
        {
            // Our own timeout and cancellation bound each download; the client's default 100 s would cut across them.
            // A body abandoned at the size limit closes the connection instead of being drained.
            _client = new HttpClient(new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                MaxResponseDrainSize = 0,
                AutomaticDecompression = DecompressionMethods.All,
            })
            { Timeout = Timeout.InfiniteTimeSpan };
            _ownsClient = true;
        }
        else
        {
            _client = httpClient;
        }
    }

    /// <inheritdoc />
    public string Name => "http";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> GetVendorNamesAsync(ProductTypeKey productType, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<string> names = [.. _options.Urls.Where(u => IsFor(u, productType)).Select(static u => u.Vendor).Distinct(StringComparer.OrdinalIgnoreCase)];
        return new(names);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DatasheetReference>> DiscoverAsync(DatasheetVendor vendor, ProductTypeKey productType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<DatasheetReference> references =
        [
            .. _options.Urls.Where(u => IsFor(u, productType) && vendor.Matches(u.Vendor)).Select(u => new DatasheetReference
            {
                Source = Name,
                Vendor = vendor,
                Document = DocumentName(u.Url),
                Location = u.Url.AbsoluteUri,
                IsForProductType = true,
            }),
        ];
        return new(references);
    }

    /// <inheritdoc />
    public async ValueTask<DatasheetContent> FetchAsync(DatasheetReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var url = new Uri(reference.Location, UriKind.Absolute);
        if (TryReadCache(reference, url) is { } cached)
        {
            return cached;
        }

        await _slots.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var timeout = new CancellationTokenSource(_options.DownloadTimeout, _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                var content = await DownloadAsync(reference, url, linked.Token).ConfigureAwait(false);
                WriteCache(url, content.Bytes);
                return content;
            }
            catch (OperationCanceledException ex) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                throw new DatasheetFetchException(DocumentStatus.TimedOut, $"{reference.CitationSource}: the download did not finish within {_options.DownloadTimeout.TotalSeconds:0.###} s and was cancelled.", ex);
            }
        }
        finally
        {
            _slots.Release();
        }
    }

    /// <summary>Disposes the HTTP client when the source created it.</summary>
    public void Dispose()
    {
        if (_ownsClient)
        {
            _client.Dispose();
        }

        _slots.Dispose();
    }

    private async Task<DatasheetContent> DownloadAsync(DatasheetReference reference, Uri url, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            Attempt result;
            try
            {
                result = await AttemptAsync(url, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException ex)
            {
                result = Attempt.Fail(DocumentStatus.Failed, $"the request failed ({ex.Message})", transient: true);
            }
            catch (IOException ex)
            {
                result = Attempt.Fail(DocumentStatus.Failed, $"the connection broke ({ex.Message})", transient: true);
            }

            if (result.Bytes is { } bytes)
            {
                var kind = ContentSniffer.Sniff(bytes, result.MediaType, out var problem)
                    ?? throw new DatasheetFetchException(DocumentStatus.NotADatasheet, $"{reference.CitationSource}: {problem}.");
                return new DatasheetContent { Reference = reference, Kind = kind, Bytes = bytes, Attempts = attempt };
            }

            if (!result.Transient || attempt > _options.MaxRetries)
            {
                var tries = attempt == 1 ? string.Empty : $" after {attempt} attempts";
                throw new DatasheetFetchException(result.Status, $"{reference.CitationSource}: {result.Problem}{tries}.");
            }

            var delay = _options.RetryDelay * Math.Pow(2, attempt - 1);
            if (result.RetryAfter is { } after && after > delay)
            {
                delay = after < _options.DownloadTimeout ? after : _options.DownloadTimeout;
            }

            if (delay > TimeSpan.Zero)
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<Attempt> AttemptAsync(Uri url, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.TryAddWithoutValidation("User-Agent", _options.UserAgent);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/plain", 0.9));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("*/*", 0.1));
        using var response = await _client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var code = (int)response.StatusCode;
        if (response.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Gone)
        {
            return Attempt.Fail(DocumentStatus.NotFound, $"the server answered {code} ({response.ReasonPhrase}); the URL does not exist", transient: false);
        }

        if (code is 408 or 429 or 500 or 502 or 503 or 504)
        {
            var retryAfter = response.Headers.RetryAfter?.Delta
                ?? (response.Headers.RetryAfter?.Date is { } date ? date - _time.GetUtcNow() : null);
            return Attempt.Fail(DocumentStatus.Failed, $"the server answered {code} ({response.ReasonPhrase})", transient: true, retryAfter);
        }

        if (!response.IsSuccessStatusCode)
        {
            return Attempt.Fail(DocumentStatus.Failed, $"the server answered {code} ({response.ReasonPhrase})", transient: false);
        }

        if (response.Content.Headers.ContentLength is { } length && length > _options.MaxDocumentBytes)
        {
            return Attempt.Fail(DocumentStatus.TooLarge, $"the server declared {length} bytes; the limit is {_options.MaxDocumentBytes}, so the body was not read", transient: false);
        }

        var stream = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            var bytes = await BoundedReader.ReadAsync(stream, _options.MaxDocumentBytes, cancellationToken).ConfigureAwait(false);
            return bytes is null
                ? Attempt.Fail(DocumentStatus.TooLarge, $"the body passed the limit of {_options.MaxDocumentBytes} bytes and the download was stopped", transient: false)
                : new Attempt(bytes, response.Content.Headers.ContentType?.MediaType, DocumentStatus.Extracted, string.Empty, false, null);
        }
    }

    private DatasheetContent? TryReadCache(DatasheetReference reference, Uri url)
    {
        if (CachePath(url) is not { } path)
        {
            return null;
        }

        try
        {
            var file = new FileInfo(path);
            if (!file.Exists || file.Length > _options.MaxDocumentBytes || _time.GetUtcNow() - file.LastWriteTimeUtc > _options.CacheDuration)
            {
                return null;
            }

            var bytes = File.ReadAllBytes(path);
            var kind = ContentSniffer.Sniff(bytes, mediaType: null, out _);
            return kind is null ? null : new DatasheetContent { Reference = reference, Kind = kind.Value, Bytes = bytes, FromCache = true, Attempts = 0 };
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The cache only saves work: an unreadable entry is a miss.
            return null;
        }
    }

    private void WriteCache(Uri url, ReadOnlyMemory<byte> bytes)
    {
        if (CachePath(url) is not { } path)
        {
            return;
        }

        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes.Span);
            }

            File.Move(temp, path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written costs a download next time, nothing more.
            TryDelete(temp);
        }
    }

    private string? CachePath(Uri url)
    {
        if (string.IsNullOrWhiteSpace(_options.CacheDirectory))
        {
            return null;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(url.AbsoluteUri)));
        return Path.Combine(_options.CacheDirectory, hash + ".datasheet");
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Left for the next cleanup; a stray temp file is harmless.
        }
    }

    private static bool IsFor(DatasheetUrl url, ProductTypeKey productType) =>
        !productType.IsEmpty && string.Equals(DatasheetVendor.Fold(url.ProductType), DatasheetVendor.Fold(productType.Value), StringComparison.Ordinal);

    private static string DocumentName(Uri url)
    {
        var last = url.Segments.Length > 0 ? Uri.UnescapeDataString(url.Segments[^1]).Trim('/') : string.Empty;
        return last.Length > 0 ? last : url.Host;
    }

    private sealed record Attempt(byte[]? Bytes, string? MediaType, DocumentStatus Status, string Problem, bool Transient, TimeSpan? RetryAfter)
    {
        public static Attempt Fail(DocumentStatus status, string problem, bool transient, TimeSpan? retryAfter = null) =>
            new(null, null, status, problem, transient, retryAfter);
    }
}
