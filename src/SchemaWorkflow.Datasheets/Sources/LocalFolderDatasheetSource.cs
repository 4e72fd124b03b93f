using SchemaWorkflow.Datasheets.Internal;

namespace SchemaWorkflow.Datasheets;

/// <summary>
/// Reads datasheets from a folder: <c>{root}/{vendor}/*.pdf|*.txt</c> for a vendor's documents of any product type
/// (each is classified by its title), and <c>{root}/{vendor}/{product_type}/*.pdf|*.txt</c> for documents known to
/// be about one product type. Vendor folders match a vendor by id, name or alias, ignoring case and punctuation.
/// A file above the size limit is rejected from its length, without opening it.
/// </summary>
public sealed class LocalFolderDatasheetSource : IDatasheetSource
{
    /// <summary>The default size limit: 25 MiB.</summary>
    public const long DefaultMaxDocumentBytes = 25L * 1024 * 1024;

    private static readonly string[] Extensions = [".pdf", ".txt"];

    /// <summary>Creates the source.</summary>
    /// <param name="rootPath">The folder that holds one sub-folder per vendor.</param>
    /// <param name="maxDocumentBytes">The largest file read.</param>
    public LocalFolderDatasheetSource(string rootPath, long maxDocumentBytes = DefaultMaxDocumentBytes)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(rootPath);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxDocumentBytes, 1);
        RootPath = Path.GetFullPath(rootPath);
        MaxDocumentBytes = maxDocumentBytes;
    }

    /// <summary>The folder read.</summary>
    public string RootPath { get; }

    /// <summary>The largest file read, in bytes.</summary>
    public long MaxDocumentBytes { get; }

    /// <inheritdoc />
    public string Name => "folder";

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<string>> GetVendorNamesAsync(ProductTypeKey productType, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!Directory.Exists(RootPath))
        {
            return new([]);
        }

        IReadOnlyList<string> names = [.. Directory.EnumerateDirectories(RootPath).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];
        return new(names);
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DatasheetReference>> DiscoverAsync(DatasheetVendor vendor, ProductTypeKey productType, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(vendor);
        cancellationToken.ThrowIfCancellationRequested();
        if (!Directory.Exists(RootPath))
        {
            return new([]);
        }

        var references = new List<DatasheetReference>();
        var classFolder = DatasheetVendor.Fold(productType.Value);
        foreach (var vendorDir in Directory.EnumerateDirectories(RootPath).Where(d => vendor.Matches(Path.GetFileName(d))).Order(StringComparer.Ordinal))
        {
            foreach (var sub in Directory.EnumerateDirectories(vendorDir).Order(StringComparer.Ordinal))
            {
                if (string.Equals(DatasheetVendor.Fold(Path.GetFileName(sub)), classFolder, StringComparison.Ordinal))
                {
                    AddFiles(references, sub, vendor, isForProductType: true);
                }
            }

            AddFiles(references, vendorDir, vendor, isForProductType: false);
        }

        return new(references);
    }

    /// <inheritdoc />
    public async ValueTask<DatasheetContent> FetchAsync(DatasheetReference reference, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        var file = new FileInfo(reference.Location);
        if (!file.Exists)
        {
            throw new DatasheetFetchException(DocumentStatus.NotFound, $"{reference.CitationSource}: the file '{file.FullName}' does not exist.");
        }

        if (file.Length > MaxDocumentBytes)
        {
            throw new DatasheetFetchException(DocumentStatus.TooLarge, $"{reference.CitationSource}: the file has {file.Length} bytes; the limit is {MaxDocumentBytes}. It was not read.");
        }

        byte[] bytes;
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Read, Share = FileShare.Read, Options = FileOptions.Asynchronous | FileOptions.SequentialScan };
            var stream = new FileStream(file.FullName, options);
            await using (stream.ConfigureAwait(false))
            {
                bytes = await BoundedReader.ReadAsync(stream, MaxDocumentBytes, cancellationToken).ConfigureAwait(false)
                    ?? throw new DatasheetFetchException(DocumentStatus.TooLarge, $"{reference.CitationSource}: the file grew past the limit of {MaxDocumentBytes} bytes while it was read.");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DatasheetFetchException(DocumentStatus.Failed, $"{reference.CitationSource}: the file could not be read ({ex.Message}).", ex);
        }

        var kind = ContentSniffer.Sniff(bytes, mediaType: null, out var problem)
            ?? throw new DatasheetFetchException(DocumentStatus.NotADatasheet, $"{reference.CitationSource}: {problem}.");
        return new DatasheetContent { Reference = reference, Kind = kind, Bytes = bytes };
    }

    private void AddFiles(List<DatasheetReference> references, string folder, DatasheetVendor vendor, bool isForProductType)
    {
        foreach (var path in Directory.EnumerateFiles(folder).Order(StringComparer.Ordinal))
        {
            if (!Extensions.Contains(Path.GetExtension(path), StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            references.Add(new DatasheetReference
            {
                Source = Name,
                Vendor = vendor,
                Document = Path.GetFileName(path),
                Location = path,
                IsForProductType = isForProductType,
                Length = new FileInfo(path).Length,
            });
        }
    }
}
