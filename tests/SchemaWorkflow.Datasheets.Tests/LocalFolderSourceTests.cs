using SchemaWorkflow.Datasheets.Tests.Corpus;

namespace SchemaWorkflow.Datasheets.Tests;

/// <summary>The folder source: layout, vendor folder matching, size limit, content check.</summary>
public sealed class LocalFolderSourceTests : IDisposable
{
    private static readonly ProductTypeKey Pressure = ProductTypeKey.Parse("pressure_transmitter");
    private readonly string _root = Path.Combine(Path.GetTempPath(), "sw-ds-folder-" + Guid.NewGuid().ToString("N"));

    public LocalFolderSourceTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Write(string relative, byte[] bytes)
    {
        var path = Path.Combine(_root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Fact]
    public async Task A_file_over_the_limit_is_rejected_from_its_length_without_being_opened()
    {
        var large = SyntheticCorpus.WriteLarge(Path.Combine(_root, "Acme", "catalogue.pdf"));
        var small = Write(Path.Combine("Acme", "small.pdf"), SyntheticCorpus.AldorPressure());
        var source = new LocalFolderDatasheetSource(_root);
        var references = await source.DiscoverAsync(DatasheetVendor.FromName("Acme"), Pressure);

        // Both files are locked against other opens: a fetch that opened the file would fail to, not say "too large".
        using var lockLarge = new FileStream(large, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        using var lockSmall = new FileStream(small, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
        var tooLarge = await Assert.ThrowsAsync<DatasheetFetchException>(() => source.FetchAsync(references.Single(r => r.Document == "catalogue.pdf")).AsTask());
        var locked = await Assert.ThrowsAsync<DatasheetFetchException>(() => source.FetchAsync(references.Single(r => r.Document == "small.pdf")).AsTask());

        Assert.Equal(DocumentStatus.TooLarge, tooLarge.Status);
        Assert.Equal("Acme catalogue.pdf: the file has 52428800 bytes; the limit is 26214400. It was not read.", tooLarge.Message);
        Assert.Equal(DocumentStatus.Failed, locked.Status);
        Assert.Equal(SyntheticCorpus.LargeFileBytes, references.Single(r => r.Document == "catalogue.pdf").Length);
    }

    [Fact]
    public async Task Vendor_folders_match_by_id_name_or_alias_and_product_type_folders_come_first()
    {
        Write(Path.Combine("endress-hauser", "general.pdf"), [0x25]);
        Write(Path.Combine("endress-hauser", "Pressure_Transmitter", "cerabar.txt"), [0x41]);
        Write(Path.Combine("endress-hauser", "temperature_transmitter", "itemp.txt"), [0x41]);
        Write(Path.Combine("endress-hauser", "notes.docx"), [0x41]);
        Write(Path.Combine("E+H", "short.txt"), [0x41]);
        var vendor = new DatasheetVendor("endress_hauser", "Endress+Hauser", ["E+H"]);
        var source = new LocalFolderDatasheetSource(_root);

        var references = await source.DiscoverAsync(vendor, Pressure);

        // Vendor folders in ordinal order; within one, its product type folder before its loose files; .docx ignored.
        Assert.Equal([("short.txt", false), ("cerabar.txt", true), ("general.pdf", false)], references.Select(static r => (r.Document, r.IsForProductType)));
        Assert.All(references, r => Assert.Equal((vendor, "folder", "Endress+Hauser " + r.Document), (r.Vendor, r.Source, r.CitationSource)));
        Assert.Equal(["E+H", "endress-hauser"], await source.GetVendorNamesAsync(Pressure));
    }

    [Theory]
    [InlineData("random.pdf", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x00, 0x00, 0x1A, 0x0A }, "binary data")]
    [InlineData("login.txt", new byte[] { 0x3C, 0x21, 0x44, 0x4F, 0x43, 0x54, 0x59, 0x50, 0x45, 0x20, 0x68, 0x74, 0x6D, 0x6C, 0x3E }, "HTML")]
    [InlineData("empty.txt", new byte[0], "empty")]
    public async Task Content_that_is_neither_pdf_nor_text_is_not_a_datasheet(string file, byte[] bytes, string reason)
    {
        Write(Path.Combine("Acme", file), bytes);
        var source = new LocalFolderDatasheetSource(_root);
        var reference = Assert.Single(await source.DiscoverAsync(DatasheetVendor.FromName("Acme"), Pressure));

        var ex = await Assert.ThrowsAsync<DatasheetFetchException>(() => source.FetchAsync(reference).AsTask());

        Assert.Equal(DocumentStatus.NotADatasheet, ex.Status);
        Assert.Contains(reason, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_kind_comes_from_the_bytes_not_the_file_name()
    {
        Write(Path.Combine("Acme", "really-a-pdf.txt"), SyntheticCorpus.AldorPressure());
        Write(Path.Combine("Acme", "really-text.pdf"), "Supply voltage: 24 V DC\n"u8.ToArray());
        var source = new LocalFolderDatasheetSource(_root);
        var references = await source.DiscoverAsync(DatasheetVendor.FromName("Acme"), Pressure);

        var kinds = new List<(string, DatasheetContentKind)>();
        foreach (var reference in references)
        {
            kinds.Add((reference.Document, (await source.FetchAsync(reference)).Kind));
        }

        Assert.Equal([("really-a-pdf.txt", DatasheetContentKind.Pdf), ("really-text.pdf", DatasheetContentKind.Text)], kinds);
    }

    [Fact]
    public async Task A_missing_root_has_no_vendors_and_no_documents()
    {
        var source = new LocalFolderDatasheetSource(Path.Combine(_root, "absent"));

        Assert.Empty(await source.GetVendorNamesAsync(Pressure));
        Assert.Empty(await source.DiscoverAsync(DatasheetVendor.FromName("Acme"), Pressure));
    }
}
