using System.Text;

namespace SchemaWorkflow.Datasheets.Tests.Infrastructure;

/// <summary>A source with text datasheets held in memory, and hooks to gate, time or fail discovery and fetches.</summary>
internal sealed class FakeDatasheetSource : IDatasheetSource
{
    private readonly Dictionary<string, List<(string Document, string Text)>> _documents = new(StringComparer.Ordinal);

    public string Name => "fake";

    /// <summary>The only product type the source holds documents for.</summary>
    public string ProductType { get; init; } = "pressure_transmitter";

    public Func<DatasheetVendor, CancellationToken, Task>? OnDiscover { get; init; }

    public Func<DatasheetReference, CancellationToken, Task>? OnFetch { get; init; }

    public HashSet<string> FailingListings { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, DocumentStatus> FailingDocuments { get; } = new(StringComparer.Ordinal);

    public FakeDatasheetSource Add(string vendor, string document, string text)
    {
        if (!_documents.TryGetValue(vendor, out var list))
        {
            _documents[vendor] = list = [];
        }

        list.Add((document, text));
        return this;
    }

    public ValueTask<IReadOnlyList<string>> GetVendorNamesAsync(ProductTypeKey productType, CancellationToken cancellationToken = default) =>
        new(productType.Value == ProductType ? [.. _documents.Keys] : []);

    public async ValueTask<IReadOnlyList<DatasheetReference>> DiscoverAsync(DatasheetVendor vendor, ProductTypeKey productType, CancellationToken cancellationToken = default)
    {
        if (OnDiscover is not null)
        {
            await OnDiscover(vendor, cancellationToken);
        }

        if (FailingListings.Contains(vendor.Name))
        {
            throw new IOException($"the document index of {vendor.Name} is offline");
        }

        return productType.Value == ProductType && _documents.TryGetValue(vendor.Name, out var list)
            ? [.. list.Select(d => new DatasheetReference { Source = Name, Vendor = vendor, Document = d.Document, Location = $"fake://{vendor.Id}/{d.Document}", IsForProductType = true })]
            : [];
    }

    public async ValueTask<DatasheetContent> FetchAsync(DatasheetReference reference, CancellationToken cancellationToken = default)
    {
        if (OnFetch is not null)
        {
            await OnFetch(reference, cancellationToken);
        }

        if (FailingDocuments.TryGetValue(reference.Document, out var status))
        {
            throw new DatasheetFetchException(status, $"{reference.CitationSource}: failed on purpose ({status}).");
        }

        var text = _documents[reference.Vendor.Name].Single(d => d.Document == reference.Document).Text;
        return new DatasheetContent { Reference = reference, Kind = DatasheetContentKind.Text, Bytes = Encoding.UTF8.GetBytes(text) };
    }
}
