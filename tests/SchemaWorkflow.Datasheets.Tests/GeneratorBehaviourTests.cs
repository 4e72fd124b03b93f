using Microsoft.Extensions.Time.Testing;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.Datasheets.Tests.Corpus;
using SchemaWorkflow.Datasheets.Tests.Infrastructure;
using static SchemaWorkflow.Datasheets.Tests.Infrastructure.SchemaAssert;

namespace SchemaWorkflow.Datasheets.Tests;

/// <summary>How the generator runs: unsupported types, failing vendors, strategies, step timings, extractor hook.</summary>
[Collection(CorpusCollection.Name)]
public sealed class GeneratorBehaviourTests(CorpusFixture fixture)
{
    private const string Pressure = "pressure_transmitter";

    private static readonly string[] Vendors = ["Acme Controls", "Bolt Sensors", "Cirrus Devices"];

    private static FakeDatasheetSource ThreeVendors(Func<DatasheetVendor, CancellationToken, Task>? onDiscover = null, Func<DatasheetReference, CancellationToken, Task>? onFetch = null)
    {
        var source = new FakeDatasheetSource { OnDiscover = onDiscover, OnFetch = onFetch };
        source.Add(Vendors[0], "a.txt", "A-1 pressure transmitter\nSupply voltage: 10 ... 30 V DC\nOutput signal: 4-20 mA\n");
        source.Add(Vendors[1], "b.txt", "B-1 pressure transmitter\nSupply voltage: 12 ... 36 V DC\nOutput signal: 4-20 mA HART\n");
        source.Add(Vendors[2], "c.txt", "C-1 pressure transmitter\nSupply voltage: 9 ... 32 V DC\nMeasuring range: 0 ... 10 bar\n");
        return source;
    }

    private DatasheetSchemaGenerator Generator(IDatasheetSource source, Action<DatasheetGeneratorOptions>? configure = null, TimeProvider? time = null, params IDatasheetExtractor[] extractors)
    {
        var options = new DatasheetGeneratorOptions().SetVendors(Pressure, Vendors);
        configure?.Invoke(options);
        return new DatasheetSchemaGenerator(new EmbeddedVendorDirectory(options.VendorOverrides), [source], options, fixture.Catalog, extractors, time);
    }

    [Fact]
    public async Task A_type_no_vendor_is_known_for_throws_not_supported_so_the_chain_moves_on()
    {
        var generator = fixture.Generator();

        var ex = await Assert.ThrowsAsync<ProductTypeNotSupportedException>(() => generator.GenerateAsync(Requests.For("sausage_filler"), TestContext.Current()).AsTask());
        var result = await generator.GenerateWithReportAsync(Requests.For("sausage_filler"), TestContext.Current());

        Assert.Equal(("sausage_filler", "datasheets", SchemaErrorCode.UnknownProductType), (ex.ProductType, ex.Generator, ex.Error.Code));
        Assert.False(result.Succeeded);
        Assert.Null(result.Schema);

        // The corpus folder's vendors are tried (the directory knows none); none of their documents is about the type.
        Assert.Equal(SyntheticCorpus.Vendors, result.Report.Vendors.Select(static v => v.Vendor.Name));
        Assert.StartsWith("None of the 9 datasheets found for sausage_filler", result.Report.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_known_type_whose_vendors_have_no_usable_datasheet_throws_not_supported()
    {
        var onlyDirectory = fixture.Generator(o => o.DiscoverVendorsFromSources = false);
        var withFolderVendors = fixture.Generator();

        var none = await onlyDirectory.GenerateWithReportAsync(Requests.For("control_valve"), TestContext.Current());
        var unusable = await withFolderVendors.GenerateWithReportAsync(Requests.For("control_valve"), TestContext.Current());
        await Assert.ThrowsAsync<ProductTypeNotSupportedException>(() => withFolderVendors.GenerateAsync(Requests.For("control_valve"), TestContext.Current()).AsTask());

        Assert.Equal(["emerson", "samson", "flowserve", "valmet", "azbil"], none.Report.Vendors.Select(static v => v.Vendor.Id));
        Assert.StartsWith("None of the 5 vendors of control_valve has a datasheet", none.Report.Error, StringComparison.Ordinal);
        Assert.StartsWith("None of the 9 datasheets found for control_valve gave a specification", unusable.Report.Error, StringComparison.Ordinal);
        Assert.DoesNotContain(unusable.Report.Documents, static d => d.Status == DocumentStatus.Extracted);
    }

    [Fact]
    public async Task Vendors_a_folder_holds_are_read_even_when_the_directory_does_not_list_them()
    {
        var generator = new DatasheetSchemaGenerator(new EmbeddedVendorDirectory(), [new LocalFolderDatasheetSource(fixture.Corpus.Root)], catalog: fixture.Catalog);

        var report = (await generator.GenerateWithReportAsync(Requests.For(Pressure), TestContext.Current())).Report;

        Assert.Equal(14, report.Vendors.Count);
        Assert.Equal(SyntheticCorpus.Vendors, report.UsedVendors.Select(static v => v.Vendor.Name));
        Assert.All(report.Vendors.Take(11), static v => Assert.Equal((0, (string?)null), (v.Documents.Count, v.Error)));
    }

    [Fact]
    public async Task A_vendor_whose_listing_fails_is_reported_and_the_schema_is_built_from_the_rest()
    {
        var source = ThreeVendors();
        source.FailingListings.Add("Bolt Sensors");

        var result = await Generator(source).GenerateWithReportAsync(Requests.For(Pressure), TestContext.Current());

        var failed = Assert.Single(result.Report.FailedVendors);
        Assert.Equal("Bolt Sensors", failed.Vendor.Name);
        Assert.Equal("Listing its datasheets failed: the document index of Bolt Sensors is offline", failed.Error);
        Assert.Equal(["Acme Controls a.txt", "Cirrus Devices c.txt"], result.Schema!.Provenance.Sources.Skip(1));
        Range(Union(result.Schema, "supply_voltage"), 9, 32, "V DC");
        Assert.Equal("offered by 2 of 2 vendors", Union(result.Schema, "supply_voltage").Label);
    }

    [Fact]
    public async Task A_vendor_whose_every_document_fails_is_reported_as_failed()
    {
        var source = ThreeVendors().Add("Cirrus Devices", "c2.txt", "unused");
        source.FailingDocuments["c.txt"] = DocumentStatus.NotFound;
        source.FailingDocuments["c2.txt"] = DocumentStatus.TimedOut;

        var report = (await Generator(source).GenerateWithReportAsync(Requests.For(Pressure), TestContext.Current())).Report;

        var failed = Assert.Single(report.FailedVendors);
        Assert.Equal("None of its datasheets could be used: c.txt NotFound; c2.txt TimedOut.", failed.Error);
        Assert.Equal(2, report.UsedVendors.Count());
    }

    [Theory]
    [InlineData(ExecutionStrategyKind.Async)]
    [InlineData(ExecutionStrategyKind.Parallel)]
    public async Task Vendors_are_discovered_and_fetched_concurrently_through_the_strategy(ExecutionStrategyKind strategy)
    {
        var discovering = new ConcurrencyProbe(gate: 3);
        var fetching = new ConcurrencyProbe(gate: 3);
        var source = ThreeVendors((_, ct) => discovering.RunAsync(ct), (_, ct) => fetching.RunAsync(ct));

        var result = await Generator(source).GenerateWithReportAsync(Requests.For(Pressure, strategy, maxConcurrency: 4), TestContext.Current());

        Assert.True(result.Succeeded);
        Assert.Equal((3, 3), (discovering.MaxInFlight, fetching.MaxInFlight));
        Assert.Equal(strategy, result.Report.Strategy);
    }

    [Fact]
    public async Task The_requests_concurrency_limit_bounds_vendors_in_flight()
    {
        var probe = new ConcurrencyProbe(gate: 2);
        var source = ThreeVendors((_, ct) => probe.RunAsync(ct)).Add("Delta Meters", "d.txt", "Supply voltage: 24 V DC\n");

        await Generator(source, o => o.AddVendors(Pressure, "Delta Meters")).GenerateWithReportAsync(Requests.For(Pressure, maxConcurrency: 2), TestContext.Current());

        Assert.Equal(2, probe.MaxInFlight);
    }

    [Fact]
    public async Task The_sequential_strategy_runs_one_vendor_at_a_time_in_order()
    {
        var probe = new ConcurrencyProbe();
        var order = new List<string>();
        var source = ThreeVendors((vendor, ct) =>
        {
            lock (order)
            {
                order.Add(vendor.Name);
            }

            return probe.RunAsync(ct);
        });

        await Generator(source).GenerateWithReportAsync(Requests.For(Pressure, ExecutionStrategyKind.Sequential), TestContext.Current());

        Assert.Equal(1, probe.MaxInFlight);
        Assert.Equal(Vendors, order);
    }

    [Fact]
    public async Task Discover_download_extract_and_create_are_timed_separately()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2026, 11, 28, 12, 0, 0, TimeSpan.Zero));
        var source = ThreeVendors(
            (_, _) =>
            {
                time.Advance(TimeSpan.FromSeconds(1));
                return Task.CompletedTask;
            },
            (_, _) =>
            {
                time.Advance(TimeSpan.FromSeconds(5));
                return Task.CompletedTask;
            });
        var slowModel = new TimedExtractor(time, TimeSpan.FromSeconds(2));

        var result = await Generator(source, time: time, extractors: slowModel).GenerateWithReportAsync(Requests.For(Pressure, ExecutionStrategyKind.Sequential), TestContext.Current());

        var report = result.Report;
        Assert.Equal([DatasheetStep.Discover, DatasheetStep.Download, DatasheetStep.Extract, DatasheetStep.Create], report.Steps.Select(static s => s.Step));
        Assert.Equal(TimeSpan.FromSeconds(3), report.DurationOf(DatasheetStep.Discover));
        Assert.Equal(TimeSpan.FromSeconds(15), report.DurationOf(DatasheetStep.Download));
        Assert.Equal(TimeSpan.FromSeconds(6), report.DurationOf(DatasheetStep.Extract));
        Assert.Equal(TimeSpan.Zero, report.DurationOf(DatasheetStep.Create));
        Assert.Equal(TimeSpan.FromSeconds(24), report.Duration);
        Assert.All(report.Documents, static d => Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(2)), (d.DownloadDuration, d.ExtractDuration)));
        Assert.Equal(time.GetUtcNow(), result.Schema!.Provenance.GeneratedAt);
    }

    [Fact]
    public async Task The_generation_is_traced_with_one_event_per_step_and_usage_tags()
    {
        var traced = new List<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = static s => s.Name == SchemaWorkflow.Diagnostics.SchemaWorkflowDiagnostics.Name,
            Sample = static (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = a =>
            {
                if (a.OperationName == "schemaworkflow.datasheets.generate" && a.GetTagItem("schemaworkflow.product_type") as string == "pressure_transmitter" && a.GetTagItem("schemaworkflow.datasheets.vendors_used") is 3)
                {
                    lock (traced)
                    {
                        traced.Add(a);
                    }
                }
            },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);

        await Generator(ThreeVendors()).GenerateWithReportAsync(Requests.For(Pressure), TestContext.Current());

        var activity = Assert.Single(traced);
        Assert.Equal(["datasheets.discover", "datasheets.download", "datasheets.extract", "datasheets.create"], activity.Events.Select(static e => e.Name));
        Assert.Equal(3, activity.GetTagItem("schemaworkflow.datasheets.documents_used"));
    }

    [Fact]
    public async Task An_extra_extractors_pairs_pass_the_same_type_gate_and_keep_their_provenance()
    {
        var model = new FakeExtractor("model",
        [
            new SpecificationPair { Key = "Loop voltage", Value = "18 ... 30 V DC", Page = 1, FieldKey = "supply_voltage" },
            new SpecificationPair { Key = "Output signal", Value = "I don't have information about the output", Page = 1 },
            new SpecificationPair { Key = "Fill fluid", Value = "[placeholder]", Page = 1, FieldKey = "fill_fluid" },
            new SpecificationPair { Key = "Process connection", Value = "G 1/2 B", Page = 7 },
        ]);
        model.FailOn.Add("c.txt");

        var result = await Generator(ThreeVendors(), extractors: model).GenerateWithReportAsync(Requests.For(Pressure), TestContext.Current());

        var a = Assert.Single(result.Report.Documents, static d => d.Document.Document == "a.txt");
        var fromModel = Assert.Single(a.Specifications, static s => s.Extractor == "model");
        Assert.Equal(("supply_voltage", ExtractionMethod.Extractor, 18.0, 30.0), (fromModel.FieldKey, fromModel.Method, fromModel.Range!.Min!.Value, fromModel.Range.Max!.Value));
        Assert.Equal(["Output signal", "Fill fluid", "Process connection"], a.Rejected.Select(static r => r.Key));
        Assert.Contains("a page the document does not have", a.Rejected[2].Reason, StringComparison.Ordinal);
        Assert.Equal(["The model extractor failed: the model service answered 503"], Assert.Single(result.Report.Documents, static d => d.Document.Document == "c.txt").ExtractorErrors);
        Assert.Equal(DocumentStatus.Extracted, result.Report.Documents.Single(static d => d.Document.Document == "c.txt").Status);
        Range(FromDocument(result.Schema!, "supply_voltage", "Acme Controls", "a.txt"), 10, 30, "V DC");
        Assert.Equal("Acme Controls: 10..30 V DC, 18..30 V DC", FromDocument(result.Schema!, "supply_voltage", "Acme Controls", "a.txt").Label);
        Assert.Contains("supply_voltage", Assert.Single(model.Contexts, static c => c.Document.Document == "a.txt").Fields.Select(static f => f.Key));
        Assert.Equal("datasheets/1.0+vendors.2026.11.1+host.1+catalog." + fixture.Catalog.Version + "+extractors.layout.model", Generator(ThreeVendors(), extractors: model).Fingerprint);
    }

    [Fact]
    public async Task The_report_callback_sees_every_generation_and_a_failing_callback_changes_nothing()
    {
        var reports = new List<DatasheetGenerationReport>();
        var generator = Generator(ThreeVendors(), o => o.OnReport = r =>
        {
            reports.Add(r);
            throw new InvalidOperationException("callback bug");
        });

        var schema = await generator.GenerateAsync(Requests.For(Pressure), TestContext.Current());
        await Assert.ThrowsAsync<ProductTypeNotSupportedException>(() => generator.GenerateAsync(Requests.For("sausage_filler"), TestContext.Current()).AsTask());

        Assert.NotNull(schema);
        Assert.Equal([null, "No vendor is known for sausage_filler: the vendor directory lists none and no source holds datasheets for it."], reports.Select(static r => r.Error));
    }

    [Fact]
    public async Task Vendor_and_document_limits_skip_the_rest_and_say_why()
    {
        var report = (await fixture.Generator(o =>
        {
            o.MaxVendors = 2;
            o.MaxDocumentsPerVendor = 1;
        }).GenerateWithReportAsync(Requests.For(Pressure), TestContext.Current())).Report;

        Assert.Equal(
            ["APT-40.pdf Extracted", "ATT-10.pdf Skipped", "scan-0042.pdf Skipped", "BPT-7000-rev-b.pdf Unreadable", "BPT-7000.pdf Skipped", "BTT-300.txt Skipped"],
            report.Documents.Take(6).Select(static d => $"{d.Document.Document} {d.Status}"));
        Assert.All(report.Vendors[2].Documents, static d => Assert.Contains("MaxVendors", d.Error, StringComparison.Ordinal));
        Assert.Equal([SyntheticCorpus.Aldor], report.UsedVendors.Select(static v => v.Vendor.Name));
    }

    [Fact]
    public async Task Documents_in_a_product_type_folder_are_used_without_a_title_and_loose_ones_need_one()
    {
        var root = Path.Combine(Path.GetTempPath(), "sw-ds-" + Guid.NewGuid().ToString("N"));
        try
        {
            Directory.CreateDirectory(Path.Combine(root, "Acme Controls", "pressure_transmitter"));
            await File.WriteAllTextAsync(Path.Combine(root, "Acme Controls", "pressure_transmitter", "sheet.txt"), "Supply voltage: 24 V DC\n", TestContext.Current());
            await File.WriteAllTextAsync(Path.Combine(root, "Acme Controls", "loose.txt"), "Supply voltage: 24 V DC\n", TestContext.Current());
            var generator = new DatasheetSchemaGenerator(new EmbeddedVendorDirectory([new VendorListOverride(Pressure, ["acme_controls"], Replace: true)]), [new LocalFolderDatasheetSource(root)], catalog: fixture.Catalog);

            var report = (await generator.GenerateWithReportAsync(Requests.For(Pressure), TestContext.Current())).Report;

            Assert.Equal(["sheet.txt Extracted", "loose.txt NotForProductType"], report.Documents.Select(static d => $"{d.Document.Document} {d.Status}"));
            Assert.Contains("names no product type", report.Documents.Last().Error, StringComparison.Ordinal);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    [Fact]
    public async Task Cancelling_the_request_cancels_the_generation()
    {
        using var cts = new CancellationTokenSource();
        var source = ThreeVendors(onFetch: async (_, ct) =>
        {
            await cts.CancelAsync();
            await Task.Delay(Timeout.Infinite, ct);
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Generator(source).GenerateWithReportAsync(Requests.For(Pressure), cts.Token));
    }

    [Fact]
    public void Invalid_options_fail_at_construction_with_the_setting_named()
    {
        var ex = Assert.Throws<ArgumentException>(() => Generator(ThreeVendors(), o =>
        {
            o.FuzzyThreshold = 20;
            o.MandatoryVendorShare = 1.5;
            o.AddFieldSynonym("Loop power", "Supply Voltage");
        }));

        Assert.Contains("FuzzyThreshold is 20", ex.Message, StringComparison.Ordinal);
        Assert.Contains("MandatoryVendorShare is 1.5", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'Supply Voltage', which is not a snake_case field key", ex.Message, StringComparison.Ordinal);
    }

    private sealed class TimedExtractor(FakeTimeProvider time, TimeSpan duration) : IDatasheetExtractor
    {
        public string Name => "timed";

        public ValueTask<IReadOnlyList<SpecificationPair>> ExtractAsync(DatasheetText text, DatasheetExtractionContext context, CancellationToken cancellationToken = default)
        {
            time.Advance(duration);
            return new([]);
        }
    }
}
