using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Time.Testing;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.Datasheets.Tests.Corpus;
using SchemaWorkflow.Datasheets.Tests.Infrastructure;
using static SchemaWorkflow.Datasheets.Tests.Infrastructure.SchemaAssert;

namespace SchemaWorkflow.Datasheets.Tests;

/// <summary>The HTTP source against a loopback Kestrel server: overlap and its limit, timeouts, failures, size limit, retries, cache.</summary>
public sealed class HttpSourceTests : IDisposable
{
    private const string Pressure = "pressure_transmitter";
    private static readonly byte[] AldorSheet = SyntheticCorpus.AldorPressure();
    private static readonly byte[] CorvaneSheet = SyntheticCorpus.CorvanePressure();
    private readonly string _cache = Path.Combine(Path.GetTempPath(), "sw-ds-cache-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private static Task Pdf(HttpContext context, byte[] bytes)
    {
        context.Response.ContentType = "application/pdf";
        return context.Response.Body.WriteAsync(bytes).AsTask();
    }

    private static async Task<IReadOnlyList<DatasheetReference>> DiscoverAsync(HttpDatasheetSource source, string vendor) =>
        await source.DiscoverAsync(DatasheetVendor.FromName(vendor), ProductTypeKey.Parse(Pressure), TestContext.Current());

    [Fact]
    public async Task Downloads_overlap_up_to_the_limit_and_never_beyond()
    {
        var probe = new ConcurrencyProbe(gate: 3);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await probe.RunAsync(context.RequestAborted);
            await Pdf(context, AldorSheet);
        });
        var options = new HttpDatasheetSourceOptions { MaxConcurrentDownloads = 3 };
        for (var i = 1; i <= 6; i++)
        {
            options.AddUrl("Acme", Pressure, server.Url($"sheets/{i}.pdf"));
        }

        using var source = new HttpDatasheetSource(options);
        var references = await DiscoverAsync(source, "Acme");
        var contents = await Task.WhenAll(references.Select(r => source.FetchAsync(r, TestContext.Current()).AsTask()));

        Assert.True(probe.GateOpened);
        Assert.Equal(3, probe.MaxInFlight);
        Assert.All(contents, static c => Assert.Equal((DatasheetContentKind.Pdf, AldorSheet.Length), (c.Kind, c.Bytes.Length)));
        Assert.Equal(["1.pdf", "2.pdf", "3.pdf", "4.pdf", "5.pdf", "6.pdf"], references.Select(static r => r.Document));
    }

    [Fact]
    public async Task The_generator_fans_out_downloads_across_vendors_within_the_source_limit()
    {
        var probe = new ConcurrencyProbe(gate: 2);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            await probe.RunAsync(context.RequestAborted);
            await Pdf(context, context.Request.Path.Value!.Contains("corvane", StringComparison.Ordinal) ? CorvaneSheet : AldorSheet);
        });
        var options = new DatasheetGeneratorOptions().SetVendors(Pressure, "Acme", "Corvane");
        options.Http.MaxConcurrentDownloads = 2;
        options.AddUrl("Acme", Pressure, server.Url("acme/apt-40.pdf"))
            .AddUrl("Acme", Pressure, server.Url("acme/apt-40-rev2.pdf"))
            .AddUrl("Corvane", Pressure, server.Url("corvane/cpt-2.pdf"))
            .AddUrl("Corvane", "temperature_transmitter", server.Url("corvane/ctt-5.pdf"));
        using var http = new HttpDatasheetSource(options.Http);
        var generator = new DatasheetSchemaGenerator(new EmbeddedVendorDirectory(options.VendorOverrides), [http], options, new InstrumentCatalog());

        var result = await generator.GenerateWithReportAsync(Requests.For(Pressure, maxConcurrency: 8), TestContext.Current());

        Assert.Equal(2, probe.MaxInFlight);
        Assert.Equal(0, server.Count("/corvane/ctt-5.pdf"));
        Assert.Equal(["Acme apt-40.pdf", "Acme apt-40-rev2.pdf", "Corvane cpt-2.pdf"], result.Schema!.Provenance.Sources.Skip(1));
        Range(FromDocument(result.Schema, "measuring_range", "Corvane", "cpt-2.pdf"), 0, 400, "bar");
        Assert.All(result.Report.Documents, static d => Assert.Equal("http", d.Document.Source));
    }

    [Fact]
    public async Task A_download_that_outlives_its_timeout_is_cancelled_and_reported()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var arrived = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var aborted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            arrived.TrySetResult();
            try
            {
                await Task.Delay(Timeout.Infinite, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                aborted.TrySetResult();
            }
        });
        var options = new HttpDatasheetSourceOptions { DownloadTimeout = TimeSpan.FromSeconds(20) }.AddUrl("Acme", Pressure, server.Url("slow.pdf"));
        using var source = new HttpDatasheetSource(options, timeProvider: time);
        var reference = Assert.Single(await DiscoverAsync(source, "Acme"));

        var fetch = source.FetchAsync(reference, TestContext.Current()).AsTask();
        await arrived.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(fetch.IsCompleted);
        time.Advance(TimeSpan.FromSeconds(20));
        var ex = await Assert.ThrowsAsync<DatasheetFetchException>(() => fetch.WaitAsync(TimeSpan.FromSeconds(10)));
        await aborted.Task.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(DocumentStatus.TimedOut, ex.Status);
        Assert.Equal("Acme slow.pdf: the download did not finish within 20 s and was cancelled.", ex.Message);
        Assert.Equal(1, server.Count("/slow.pdf"));
    }

    [Fact]
    public async Task A_missing_url_and_a_non_pdf_body_are_reported_and_the_rest_is_used()
    {
        await using var server = await LoopbackServer.StartAsync(context => context.Request.Path.Value switch
        {
            "/acme/apt-40.pdf" => Pdf(context, AldorSheet),
            "/acme/login.pdf" => Html(context),
            _ => NotFound(context),
        });
        var options = new DatasheetGeneratorOptions().SetVendors(Pressure, "Acme")
            .AddUrl("Acme", Pressure, server.Url("acme/apt-40.pdf"))
            .AddUrl("Acme", Pressure, server.Url("acme/gone.pdf"))
            .AddUrl("Acme", Pressure, server.Url("acme/login.pdf"));
        using var http = new HttpDatasheetSource(options.Http);
        var generator = new DatasheetSchemaGenerator(new EmbeddedVendorDirectory(options.VendorOverrides), [http], options, new InstrumentCatalog());

        var result = await generator.GenerateWithReportAsync(Requests.For(Pressure), TestContext.Current());

        Assert.True(result.Succeeded);
        var documents = result.Report.Documents.ToDictionary(static d => d.Document.Document);
        Assert.Equal(DocumentStatus.Extracted, documents["apt-40.pdf"].Status);
        Assert.Equal(DocumentStatus.NotFound, documents["gone.pdf"].Status);
        Assert.Equal("Acme gone.pdf: the server answered 404 (Not Found); the URL does not exist.", documents["gone.pdf"].Error);
        Assert.Equal(DocumentStatus.NotADatasheet, documents["login.pdf"].Status);
        Assert.Contains("HTML page (text/html)", documents["login.pdf"].Error, StringComparison.Ordinal);
        Assert.Equal(1, server.Count("/acme/gone.pdf"));
        Assert.Empty(result.Report.FailedVendors);
    }

    [Fact]
    public async Task Transient_failures_are_retried_and_permanent_ones_are_not()
    {
        var flaky = 0;
        await using var server = await LoopbackServer.StartAsync(context =>
        {
            switch (context.Request.Path.Value)
            {
                case "/flaky.pdf" when Interlocked.Increment(ref flaky) <= 2:
                    context.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
                    return Task.CompletedTask;
                case "/flaky.pdf":
                    return Pdf(context, AldorSheet);
                case "/down.pdf":
                    context.Response.StatusCode = StatusCodes.Status502BadGateway;
                    return Task.CompletedTask;
                default:
                    context.Response.StatusCode = StatusCodes.Status403Forbidden;
                    return Task.CompletedTask;
            }
        });
        var options = new HttpDatasheetSourceOptions { MaxRetries = 2, RetryDelay = TimeSpan.Zero }
            .AddUrl("Acme", Pressure, server.Url("flaky.pdf"))
            .AddUrl("Acme", Pressure, server.Url("down.pdf"))
            .AddUrl("Acme", Pressure, server.Url("forbidden.pdf"));
        using var source = new HttpDatasheetSource(options);
        var references = await DiscoverAsync(source, "Acme");

        var content = await source.FetchAsync(references[0], TestContext.Current());
        var down = await Assert.ThrowsAsync<DatasheetFetchException>(() => source.FetchAsync(references[1], TestContext.Current()).AsTask());
        var forbidden = await Assert.ThrowsAsync<DatasheetFetchException>(() => source.FetchAsync(references[2], TestContext.Current()).AsTask());

        Assert.Equal((3, DatasheetContentKind.Pdf), (content.Attempts, content.Kind));
        Assert.Equal((3, 3, 1), (server.Count("/flaky.pdf"), server.Count("/down.pdf"), server.Count("/forbidden.pdf")));
        Assert.Equal((DocumentStatus.Failed, "Acme down.pdf: the server answered 502 (Bad Gateway) after 3 attempts."), (down.Status, down.Message));
        Assert.Equal((DocumentStatus.Failed, "Acme forbidden.pdf: the server answered 403 (Forbidden)."), (forbidden.Status, forbidden.Message));
    }

    [Theory]
    [InlineData(true, "declared 52428800 bytes")]
    [InlineData(false, "passed the limit of 1048576 bytes")]
    public async Task An_oversized_download_is_refused_from_its_length_or_stopped_at_the_limit(bool declareLength, string reason)
    {
        await using var server = await LoopbackServer.StartAsync(async context =>
        {
            if (declareLength)
            {
                context.Response.ContentLength = SyntheticCorpus.LargeFileBytes;
            }

            context.Response.ContentType = "application/pdf";
            var chunk = new byte[64 * 1024];
            "%PDF-1.7\n"u8.CopyTo(chunk);
            try
            {
                for (long sent = 0; sent < SyntheticCorpus.LargeFileBytes && !context.RequestAborted.IsCancellationRequested; sent += chunk.Length)
                {
                    await context.Response.Body.WriteAsync(chunk, context.RequestAborted);
                }
            }
            catch (Exception ex) when (ex is OperationCanceledException or IOException)
            {
                // The client went away mid-body, as it should.
            }
        });

        // Count every byte that reaches the client's socket, so a body drained behind the reader's back would show.
        long received = 0;
        using var client = new HttpClient(new SocketsHttpHandler
        {
            // As the source's own client: an abandoned body closes the connection instead of being drained.
            MaxResponseDrainSize = 0,
            ConnectCallback = async (context, ct) =>
            {
                var socket = new System.Net.Sockets.Socket(System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                await socket.ConnectAsync(context.DnsEndPoint, ct);
                return new CountingStream(new System.Net.Sockets.NetworkStream(socket, ownsSocket: true), n => Interlocked.Add(ref received, n));
            },
        });
        var options = new HttpDatasheetSourceOptions { MaxDocumentBytes = declareLength ? 25L * 1024 * 1024 : 1024 * 1024 }.AddUrl("Acme", Pressure, server.Url("catalogue.pdf"));
        using var source = new HttpDatasheetSource(options, client);
        var reference = Assert.Single(await DiscoverAsync(source, "Acme"));

        var ex = await Assert.ThrowsAsync<DatasheetFetchException>(() => source.FetchAsync(reference, TestContext.Current()).AsTask());

        Assert.Equal(DocumentStatus.TooLarge, ex.Status);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
        Assert.True(Interlocked.Read(ref received) < 8L * 1024 * 1024, $"the client received {received} bytes of a {SyntheticCorpus.LargeFileBytes}-byte body");
    }

    [Fact]
    public async Task A_cached_download_is_read_from_disk_without_a_request()
    {
        await using var server = await LoopbackServer.StartAsync(context => Pdf(context, AldorSheet));
        var options = new HttpDatasheetSourceOptions { CacheDirectory = _cache }.AddUrl("Acme", Pressure, server.Url("apt-40.pdf"));
        using var first = new HttpDatasheetSource(options);
        using var second = new HttpDatasheetSource(options);
        var reference = Assert.Single(await DiscoverAsync(first, "Acme"));

        var downloaded = await first.FetchAsync(reference, TestContext.Current());
        var cached = await second.FetchAsync(reference, TestContext.Current());

        Assert.Equal(1, server.Count("/apt-40.pdf"));
        Assert.Equal((false, 1), (downloaded.FromCache, downloaded.Attempts));
        Assert.Equal((true, 0), (cached.FromCache, cached.Attempts));
        Assert.Equal(downloaded.Bytes.ToArray(), cached.Bytes.ToArray());
        Assert.Single(Directory.GetFiles(_cache));
    }

    [Fact]
    public async Task An_expired_cache_entry_is_downloaded_again()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var server = await LoopbackServer.StartAsync(context => Pdf(context, AldorSheet));
        var options = new HttpDatasheetSourceOptions { CacheDirectory = _cache, CacheDuration = TimeSpan.FromDays(1) }.AddUrl("Acme", Pressure, server.Url("apt-40.pdf"));
        using var source = new HttpDatasheetSource(options, timeProvider: time);
        var reference = Assert.Single(await DiscoverAsync(source, "Acme"));

        await source.FetchAsync(reference, TestContext.Current());
        time.Advance(TimeSpan.FromDays(2));
        var again = await source.FetchAsync(reference, TestContext.Current());

        Assert.False(again.FromCache);
        Assert.Equal(2, server.Count("/apt-40.pdf"));
    }

    [Theory]
    [InlineData("ftp://example.invalid/a.pdf")]
    [InlineData("sheets/a.pdf")]
    public void Only_absolute_http_urls_are_accepted(string url) =>
        Assert.Throws<ArgumentException>(() => new HttpDatasheetSourceOptions().AddUrl("Acme", Pressure, url));

    private sealed class CountingStream(Stream inner, Action<int> onRead) : Stream
    {
        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override void Flush() => inner.Flush();

        public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

        public override int Read(byte[] buffer, int offset, int count) => Counted(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) => Counted(await inner.ReadAsync(buffer, cancellationToken));

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => inner.Write(buffer, offset, count);

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                inner.Dispose();
            }

            base.Dispose(disposing);
        }

        private int Counted(int n)
        {
            onRead(n);
            return n;
        }
    }

    private static Task Html(HttpContext context)
    {
        context.Response.ContentType = "text/html";
        return context.Response.WriteAsync("<!DOCTYPE html><html><body>Please log in</body></html>");
    }

    private static Task NotFound(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
