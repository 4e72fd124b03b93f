using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.Datasheets.Diagnostics;
using SchemaWorkflow.Datasheets.Internal;
using SchemaWorkflow.Diagnostics;
using SchemaWorkflow.Generation;

namespace SchemaWorkflow.Datasheets;

/// <summary>
/// Builds a schema from what vendors actually specify. For a product type it finds the vendors
/// (<see cref="IVendorDirectory"/> plus the vendors the sources hold documents for), lists and fetches their
/// datasheets (<see cref="IDatasheetSource"/>), extracts specification pairs (<see cref="IDatasheetExtractor"/>),
/// maps them to the catalog class's fields and parses them to their types, and composes the schema: the catalog
/// class is the base, a field most vendors state is mandatory, stated values become allowed values and ranges that
/// cite vendor, document and page, and keys several vendors state that the catalog lacks become fields. Vendors and
/// documents run through the request's execution strategy; a vendor that fails is reported and the rest are used.
/// A product type without vendors or usable datasheets throws <see cref="ProductTypeNotSupportedException"/> so the
/// generator chain moves on.
/// </summary>
public sealed class DatasheetSchemaGenerator : ISchemaGenerator
{
    /// <summary>The generator's name.</summary>
    public const string GeneratorName = "datasheets";

    /// <summary>The version of the extraction and composition logic.</summary>
    public const string GeneratorVersion = "1.0";

    private readonly IVendorDirectory _directory;
    private readonly IReadOnlyList<IDatasheetSource> _sources;
    private readonly IReadOnlyList<IDatasheetExtractor> _extractors;
    private readonly DatasheetGeneratorOptions _options;
    private readonly KeyValuePair<string, string>[] _fieldSynonyms;
    private readonly InstrumentCatalog? _catalog;
    private readonly CatalogSchemaGenerator? _catalogGenerator;
    private readonly IReadOnlyList<DatasheetVendor> _knownVendors;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;

    /// <summary>Creates the generator.</summary>
    /// <param name="vendorDirectory">Which vendors make a product class.</param>
    /// <param name="sources">Where datasheets come from.</param>
    /// <param name="options">Limits, matching and requirement settings; validated here. Folders and URLs in it are not read: pass sources.</param>
    /// <param name="catalog">The instrument catalog whose classes are the base of each schema; null builds from datasheets alone.</param>
    /// <param name="extractors">Extra extractors (for example one backed by a language model), run beside the built-in one.</param>
    /// <param name="timeProvider">The clock for timings and <see cref="SchemaProvenance.GeneratedAt"/>; the system clock when null.</param>
    /// <param name="logger">The logger; none when null.</param>
    /// <exception cref="ArgumentException">An option is out of range; the message names it.</exception>
    public DatasheetSchemaGenerator(
        IVendorDirectory vendorDirectory,
        IEnumerable<IDatasheetSource> sources,
        DatasheetGeneratorOptions? options = null,
        InstrumentCatalog? catalog = null,
        IEnumerable<IDatasheetExtractor>? extractors = null,
        TimeProvider? timeProvider = null,
        ILogger<DatasheetSchemaGenerator>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(vendorDirectory);
        ArgumentNullException.ThrowIfNull(sources);
        _options = options ?? new DatasheetGeneratorOptions();
        var problems = _options.Validate();
        if (problems.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", problems), nameof(options));
        }

        _directory = vendorDirectory;
        _sources = [.. sources];
        var list = new List<IDatasheetExtractor>();
        if (_options.UseLayoutExtractor)
        {
            list.Add(LayoutDatasheetExtractor.Instance);
        }

        list.AddRange((extractors ?? []).Where(static e => e is not LayoutDatasheetExtractor));
        if (list.Count == 0)
        {
            throw new ArgumentException("No extractor: UseLayoutExtractor is off and no other extractor was given.", nameof(extractors));
        }

        _extractors = list;
        _fieldSynonyms = [.. _options.FieldSynonyms];
        _catalog = catalog;
        _catalogGenerator = catalog is null ? null : new CatalogSchemaGenerator(catalog, timeProvider);
        _knownVendors = vendorDirectory is EmbeddedVendorDirectory embedded ? embedded.KnownVendors : new EmbeddedVendorDirectory().KnownVendors;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        Fingerprint = $"{GeneratorName}/{GeneratorVersion}+vendors.{vendorDirectory.Version}+catalog.{catalog?.Version.Text ?? "none"}+extractors.{string.Join('.', _extractors.Select(static e => e.Name))}";
    }

    /// <inheritdoc />
    public string Name => GeneratorName;

    /// <inheritdoc />
    /// <remarks>The fingerprint does not change when datasheets change; regenerate with <c>ForceRegenerate</c> after adding documents.</remarks>
    public string Fingerprint { get; }

    /// <summary>The sources read, in order.</summary>
    public IReadOnlyList<IDatasheetSource> Sources => _sources;

    /// <summary>The extractors run on each document, the built-in one first.</summary>
    public IReadOnlyList<IDatasheetExtractor> Extractors => _extractors;

    /// <inheritdoc />
    /// <exception cref="ProductTypeNotSupportedException">No vendor is known for the type, or none of their datasheets gave a specification.</exception>
    public async ValueTask<ProductSchema> GenerateAsync(SchemaGenerationRequest request, CancellationToken cancellationToken = default)
    {
        var result = await GenerateWithReportAsync(request, cancellationToken).ConfigureAwait(false);
        return result.Schema ?? throw new ProductTypeNotSupportedException(request.Key.Value, GeneratorName);
    }

    /// <summary>
    /// Generates a schema and reports what happened: step timings, every vendor and document with its outcome, the
    /// specifications extracted and rejected. Never throws for a type it cannot serve; the result then has no schema
    /// and <see cref="DatasheetGenerationReport.Error"/> says why.
    /// </summary>
    /// <param name="request">What to generate; its strategy and concurrency run the vendors and documents.</param>
    /// <param name="cancellationToken">Cancels generation.</param>
    /// <returns>The schema (or null) and the report.</returns>
    public async Task<DatasheetGenerationResult> GenerateWithReportAsync(SchemaGenerationRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Key.IsEmpty)
        {
            throw new ArgumentException("The request has no product type key.", nameof(request));
        }

        var started = _time.GetTimestamp();
        var key = request.Key;
        var run = new Run(this, request);
        using var activity = SchemaWorkflowDiagnostics.ActivitySource.StartActivity("schemaworkflow.datasheets.generate");
        activity?.SetTag("schemaworkflow.product_type", key.Value);
        run.Activity = activity;
        var catalogSchema = _catalog is not null && _catalog.Contains(key) ? _catalogGenerator!.Generate(key) : null;
        var fields = catalogSchema?.AllFields.ToList() ?? [];

        var step = _time.GetTimestamp();
        await run.DiscoverAsync(cancellationToken).ConfigureAwait(false);
        run.Steps.Add(new DatasheetStepTiming(DatasheetStep.Discover, _time.GetElapsedTime(step)));
        if (run.Vendors.Count == 0)
        {
            return Finish(run, started, catalogSchema, null, $"No vendor is known for {key}: the vendor directory lists none and no source holds datasheets for it.");
        }

        step = _time.GetTimestamp();
        await run.DownloadAsync(cancellationToken).ConfigureAwait(false);
        run.Steps.Add(new DatasheetStepTiming(DatasheetStep.Download, _time.GetElapsedTime(step)));

        step = _time.GetTimestamp();
        var mapper = new SpecificationMapper(fields, _fieldSynonyms, _options.FuzzyThreshold);
        var classifier = new DocumentClassifier(_catalog, key, catalogSchema?.DisplayName ?? key.Value.Replace('_', ' '));
        await run.ExtractAsync(mapper, classifier, fields, cancellationToken).ConfigureAwait(false);
        run.Steps.Add(new DatasheetStepTiming(DatasheetStep.Extract, _time.GetElapsedTime(step)));

        var used = run.Vendors.Where(static v => v.Documents.Any(static d => d.Status == DocumentStatus.Extracted)).ToList();
        if (used.Count == 0)
        {
            var documents = run.Vendors.Sum(static v => v.Documents.Count);
            return Finish(run, started, catalogSchema, null, documents == 0
                ? $"None of the {run.Vendors.Count} vendors of {key} has a datasheet in the configured sources."
                : $"None of the {documents} datasheets found for {key} gave a specification; see the documents' statuses.");
        }

        step = _time.GetTimestamp();
        var specifications = used.SelectMany(static v => v.Documents).Where(static d => d.Status == DocumentStatus.Extracted).SelectMany(static d => d.Specifications).ToList();
        var composer = new SchemaComposer(_options);
        var provenance = new SchemaProvenance
        {
            Generator = GeneratorName,
            GeneratorFingerprint = Fingerprint,
            GeneratedAt = _time.GetUtcNow(),
            Sources =
            [
                .. catalogSchema?.Provenance.Sources ?? [],
                .. used.SelectMany(static v => v.Documents).Where(static d => d.Status == DocumentStatus.Extracted).Select(static d => d.Reference.CitationSource).Distinct(StringComparer.Ordinal),
            ],
        };
        var schema = composer.Compose(key, catalogSchema, specifications, used.Count, provenance);
        run.Steps.Add(new DatasheetStepTiming(DatasheetStep.Create, _time.GetElapsedTime(step)));
        run.Warnings.AddRange(composer.Warnings);
        return Finish(run, started, catalogSchema, schema, null, composer.FieldsWithValues, composer.AddedFields);
    }

    private DatasheetGenerationResult Finish(
        Run run,
        long started,
        ProductSchema? catalogSchema,
        ProductSchema? schema,
        string? error,
        IReadOnlyList<string>? fieldsWithValues = null,
        IReadOnlyList<string>? addedFields = null)
    {
        var vendors = run.Vendors.Select(static v => v.ToReport()).ToList();
        foreach (var timing in run.Steps)
        {
            run.Activity?.AddEvent(new System.Diagnostics.ActivityEvent(
                "datasheets." + timing.Step.ToString().ToLowerInvariant(),
                tags: new System.Diagnostics.ActivityTagsCollection { ["duration_ms"] = timing.Duration.TotalMilliseconds }));
        }

        var report = new DatasheetGenerationReport
        {
            ProductType = run.Request.Key,
            FromCatalogClass = catalogSchema is not null,
            Strategy = run.Request.Strategy.Kind,
            Steps = run.Steps,
            Duration = _time.GetElapsedTime(started),
            Vendors = vendors,
            FieldsWithValues = fieldsWithValues ?? [],
            AddedFields = addedFields ?? [],
            Warnings = run.Warnings,
            Error = error,
        };

        run.Activity?.SetTag("schemaworkflow.datasheets.vendors_used", report.UsedVendors.Count());
        run.Activity?.SetTag("schemaworkflow.datasheets.vendors_failed", report.FailedVendors.Count());
        run.Activity?.SetTag("schemaworkflow.datasheets.documents_used", report.Documents.Count(static d => d.Status == DocumentStatus.Extracted));
        run.Activity?.SetTag("schemaworkflow.datasheets.fields_added", report.AddedFields.Count);
        if (schema is null)
        {
            run.Activity?.SetStatus(System.Diagnostics.ActivityStatusCode.Error, error);
        }

        foreach (var vendor in report.FailedVendors)
        {
            DatasheetLog.VendorFailed(_logger, vendor.Vendor.Name, report.ProductType.Value, vendor.Error!);
        }

        foreach (var document in report.Documents.Where(static d => d.Status != DocumentStatus.Extracted))
        {
            DatasheetLog.DocumentNotUsed(_logger, document.Document.CitationSource, document.Status, document.Error);
        }

        if (schema is null)
        {
            DatasheetLog.NotGenerated(_logger, report.ProductType.Value, error ?? "no schema");
        }
        else
        {
            DatasheetLog.Generated(
                _logger,
                report.ProductType.Value,
                report.UsedVendors.Count(),
                report.Documents.Count(static d => d.Status == DocumentStatus.Extracted),
                report.FieldsWithValues.Count,
                report.AddedFields.Count,
                report.Duration.TotalMilliseconds);
        }

        if (_options.OnReport is { } callback)
        {
            try
            {
                callback(report);
            }
#pragma warning disable CA1031 // A host's callback must not break generation.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                DatasheetLog.ReportCallbackFailed(_logger, ex);
            }
        }

        return new DatasheetGenerationResult(schema, report);
    }

    /// <summary>The state of one generation: vendors and documents, each written only by its own work item.</summary>
    private sealed class Run(DatasheetSchemaGenerator owner, SchemaGenerationRequest request)
    {
        public SchemaGenerationRequest Request { get; } = request;

        public System.Diagnostics.Activity? Activity { get; set; }

        public List<VendorWork> Vendors { get; } = [];

        public List<DatasheetStepTiming> Steps { get; } = [];

        public List<string> Warnings { get; } = [];

        private int Concurrency => Math.Max(1, Request.MaxConcurrency);

        public async Task DiscoverAsync(CancellationToken cancellationToken)
        {
            var key = Request.Key;
            var vendors = new List<DatasheetVendor>(await owner._directory.GetVendorsAsync(key, cancellationToken).ConfigureAwait(false));
            if (owner._options.DiscoverVendorsFromSources)
            {
                foreach (var source in owner._sources)
                {
                    IReadOnlyList<string> names;
                    try
                    {
                        names = await source.GetVendorNamesAsync(key, cancellationToken).ConfigureAwait(false);
                    }
                    catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        Warnings.Add($"The {source.Name} source could not list its vendors: {ex.Message}");
                        continue;
                    }

                    foreach (var name in names)
                    {
                        if (!vendors.Any(v => v.Matches(name)))
                        {
                            vendors.Add(owner._knownVendors.FirstOrDefault(v => v.Matches(name)) ?? DatasheetVendor.FromName(name));
                        }
                    }
                }
            }

            Vendors.AddRange(vendors.Distinct().Select(static v => new VendorWork(v)));
            if (Vendors.Count == 0)
            {
                return;
            }

            DatasheetLog.Discovering(owner._logger, key.Value, Vendors.Count);
            await Request.Strategy.RunAsync(Vendors, Concurrency, async (vendor, ct) =>
            {
                try
                {
                    var found = new List<(IDatasheetSource Source, DatasheetReference Reference)>();
                    foreach (var source in owner._sources)
                    {
                        foreach (var reference in await source.DiscoverAsync(vendor.Vendor, key, ct).ConfigureAwait(false))
                        {
                            if (!found.Any(f => string.Equals(f.Reference.Location, reference.Location, StringComparison.Ordinal)))
                            {
                                found.Add((source, reference));
                            }
                        }
                    }

                    // Documents known to be about the type first, so the per-vendor cap keeps them.
                    foreach (var (source, reference) in found.OrderByDescending(static f => f.Reference.IsForProductType))
                    {
                        vendor.Documents.Add(new DocumentWork(source, reference));
                    }
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    vendor.Error = $"Listing its datasheets failed: {ex.Message}";
                }
            }, cancellationToken).ConfigureAwait(false);

            var active = 0;
            foreach (var vendor in Vendors)
            {
                if (vendor.Documents.Count == 0)
                {
                    continue;
                }

                if (++active > owner._options.MaxVendors)
                {
                    foreach (var document in vendor.Documents)
                    {
                        document.Skip($"Only the first {owner._options.MaxVendors} vendors with datasheets are read (MaxVendors).");
                    }

                    continue;
                }

                foreach (var document in vendor.Documents.Skip(owner._options.MaxDocumentsPerVendor))
                {
                    document.Skip($"Only {owner._options.MaxDocumentsPerVendor} documents per vendor are read (MaxDocumentsPerVendor).");
                }
            }
        }

        public Task DownloadAsync(CancellationToken cancellationToken)
        {
            var documents = Vendors.SelectMany(static v => v.Documents).Where(static d => d.Status is null).ToList();
            return Request.Strategy.RunAsync(documents, Concurrency, async (document, ct) =>
            {
                var started = owner._time.GetTimestamp();
                try
                {
                    document.Content = await document.Source.FetchAsync(document.Reference, ct).ConfigureAwait(false);
                    document.Bytes = document.Content.Bytes.Length;
                }
                catch (DatasheetFetchException ex)
                {
                    document.Fail(ex.Status, ex.Message);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    document.Fail(DocumentStatus.Failed, $"{document.Reference.CitationSource}: {ex.Message}");
                }
                finally
                {
                    document.DownloadDuration = owner._time.GetElapsedTime(started);
                }
            }, cancellationToken);
        }

        public Task ExtractAsync(SpecificationMapper mapper, DocumentClassifier classifier, IReadOnlyList<SchemaField> fields, CancellationToken cancellationToken)
        {
            var documents = Vendors.SelectMany(static v => v.Documents).Where(static d => d.Status is null && d.Content is not null).ToList();
            var maxPages = owner._options.MaxPagesPerDocument;
            return Request.Strategy.RunAsync(documents, Concurrency, async (document, ct) =>
            {
                var started = owner._time.GetTimestamp();
                try
                {
                    // Parsing a PDF is CPU work: off the caller's thread, so the async strategy overlaps documents.
                    var content = document.Content!;
                    var text = await Task.Run(() => DatasheetTextReader.Read(content, maxPages), ct).ConfigureAwait(false);
                    document.Pages = text.Pages.Count;
                    if (!document.Reference.IsForProductType && !classifier.Belongs(text, out var reason))
                    {
                        document.Fail(DocumentStatus.NotForProductType, reason);
                        return;
                    }

                    var context = new DatasheetExtractionContext { ProductType = Request.Key, Vendor = document.Reference.Vendor, Document = document.Reference, Fields = fields };
                    var pairs = new List<(SpecificationPair Pair, string Extractor)>();
                    foreach (var extractor in owner._extractors)
                    {
                        try
                        {
                            var found = await extractor.ExtractAsync(text, context, ct).ConfigureAwait(false);
                            pairs.AddRange(found.Select(p => (p, extractor.Name)));
                        }
                        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                        {
                            document.ExtractorErrors.Add($"The {extractor.Name} extractor failed: {ex.Message}");
                        }
                    }

                    document.PairsFound = pairs.Count;
                    var seen = new HashSet<(string, string, int)>();
                    foreach (var (pair, extractor) in pairs)
                    {
                        if (pair is null || !seen.Add((KeyNormalizer.Normalize(pair.Key ?? string.Empty), (pair.Value ?? string.Empty).Trim(), pair.Page)))
                        {
                            continue;
                        }

                        if (pair.Key is null || pair.Value is null || pair.Page < 1 || pair.Page > text.Pages.Count)
                        {
                            document.Rejected.Add(new RejectedSpecification(pair.Key ?? string.Empty, pair.Value ?? string.Empty, pair.Page, null, $"The {extractor} extractor gave no key, no value or a page the document does not have."));
                            continue;
                        }

                        var provenance = new SpecificationProvenance(document.Reference.Vendor, document.Reference.Document, pair.Page, document.Reference.Location);
                        var outcome = mapper.Map(pair, extractor, provenance);
                        if (outcome.Specification is { } specification)
                        {
                            document.Specifications.Add(specification);
                        }
                        else if (outcome.Rejection is { } rejection)
                        {
                            document.Rejected.Add(rejection);
                        }
                    }

                    document.Status = document.Specifications.Count > 0 ? DocumentStatus.Extracted : DocumentStatus.NoSpecifications;
                    if (document.Status == DocumentStatus.NoSpecifications)
                    {
                        document.Error = $"{document.Reference.CitationSource}: no specification was recognised in {document.Pages} pages.";
                    }
                }
                catch (DatasheetFetchException ex)
                {
                    document.Fail(ex.Status, ex.Message);
                }
                catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
                {
                    document.Fail(DocumentStatus.Unreadable, $"{document.Reference.CitationSource}: {ex.Message}");
                }
                finally
                {
                    document.ExtractDuration = owner._time.GetElapsedTime(started);
                    document.Content = document.Content is null ? null : document.Content with { Bytes = ReadOnlyMemory<byte>.Empty };
                }
            }, cancellationToken);
        }
    }

    private sealed class VendorWork(DatasheetVendor vendor)
    {
        private static readonly DocumentStatus[] Failures =
            [DocumentStatus.NoText, DocumentStatus.Unreadable, DocumentStatus.NotADatasheet, DocumentStatus.TooLarge, DocumentStatus.NotFound, DocumentStatus.TimedOut, DocumentStatus.Failed];

        public DatasheetVendor Vendor { get; } = vendor;

        public List<DocumentWork> Documents { get; } = [];

        public string? Error { get; set; }

        public VendorReport ToReport()
        {
            var documents = Documents.Select(static d => d.ToReport()).ToList();
            var error = Error;
            if (error is null && documents.Count > 0 && !documents.Any(static d => d.Status == DocumentStatus.Extracted) && documents.Any(static d => Failures.Contains(d.Status)))
            {
                var failed = documents.Where(static d => Failures.Contains(d.Status)).ToList();
                error = $"None of its datasheets could be used: {string.Join("; ", failed.Select(static d => $"{d.Document.Document} {d.Status}"))}.";
            }

            return new VendorReport { Vendor = Vendor, Documents = documents, Error = error };
        }
    }

    private sealed class DocumentWork(IDatasheetSource source, DatasheetReference reference)
    {
        public IDatasheetSource Source { get; } = source;

        public DatasheetReference Reference { get; } = reference;

        public DatasheetContent? Content { get; set; }

        public DocumentStatus? Status { get; set; }

        public string? Error { get; set; }

        public long Bytes { get; set; }

        public int Pages { get; set; }

        public int PairsFound { get; set; }

        public List<ExtractedSpecification> Specifications { get; } = [];

        public List<RejectedSpecification> Rejected { get; } = [];

        public List<string> ExtractorErrors { get; } = [];

        public TimeSpan DownloadDuration { get; set; }

        public TimeSpan ExtractDuration { get; set; }

        public void Skip(string reason)
        {
            Status ??= DocumentStatus.Skipped;
            Error ??= reason;
        }

        public void Fail(DocumentStatus status, string message)
        {
            Status = status;
            Error = message;
        }

        public DocumentReport ToReport() => new()
        {
            Document = Reference,
            Status = Status ?? DocumentStatus.Failed,
            Error = Error,
            Bytes = Bytes,
            Pages = Pages,
            FromCache = Content?.FromCache ?? false,
            Attempts = Content?.Attempts ?? 0,
            PairsFound = PairsFound,
            Specifications = Specifications,
            Rejected = Rejected,
            ExtractorErrors = ExtractorErrors,
            DownloadDuration = DownloadDuration,
            ExtractDuration = ExtractDuration,
        };
    }
}
