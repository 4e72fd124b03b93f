using System.Text.Json;
using SchemaWorkflow.Datasheets.Vendors.Json;

namespace SchemaWorkflow.Datasheets;

/// <summary>
/// The built-in vendor directory: an embedded data file of well-known instrument vendors per product class (who makes
/// what, nothing more), with optional host overrides that replace or extend a class's list. Immutable and thread-safe.
/// </summary>
public sealed class EmbeddedVendorDirectory : IVendorDirectory
{
    private const string ResourceName = "SchemaWorkflow.Datasheets.Vendors.Data.vendors.json";

    private static readonly Lazy<(string Version, IReadOnlyList<DatasheetVendor> Vendors, IReadOnlyDictionary<string, IReadOnlyList<string>> Classes)> Embedded =
        new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, IReadOnlyList<DatasheetVendor>> _byClass;

    /// <summary>Creates the directory from the embedded data file and the host's overrides.</summary>
    /// <param name="overrides">Changes to class lists, applied in order; null for the data file alone.</param>
    public EmbeddedVendorDirectory(IEnumerable<VendorListOverride>? overrides = null)
    {
        var embedded = Embedded.Value;
        KnownVendors = embedded.Vendors;
        var byId = embedded.Vendors.ToDictionary(static v => v.Id, StringComparer.Ordinal);
        _byClass = new Dictionary<string, IReadOnlyList<DatasheetVendor>>(StringComparer.Ordinal);
        foreach (var (cls, ids) in embedded.Classes)
        {
            _byClass[cls] = [.. ids.Select(id => byId[id])];
        }

        var hostChanges = 0;
        foreach (var change in overrides ?? [])
        {
            ArgumentNullException.ThrowIfNull(change);
            hostChanges++;
            var list = change.Replace || !_byClass.TryGetValue(change.ProductType, out var existing) ? [] : existing.ToList();
            foreach (var name in change.Vendors)
            {
                var vendor = embedded.Vendors.FirstOrDefault(v => v.Matches(name)) ?? DatasheetVendor.FromName(name);
                if (!list.Contains(vendor))
                {
                    list.Add(vendor);
                }
            }

            _byClass[change.ProductType] = list;
        }

        Version = hostChanges == 0 ? embedded.Version : $"{embedded.Version}+host.{hostChanges}";
    }

    /// <inheritdoc />
    public string Version { get; }

    /// <summary>Every vendor the data file names.</summary>
    public IReadOnlyList<DatasheetVendor> KnownVendors { get; }

    /// <summary>The product classes that have a vendor list.</summary>
    public IEnumerable<string> ProductTypes => _byClass.Keys;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<DatasheetVendor>> GetVendorsAsync(ProductTypeKey productType, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return new(productType.IsEmpty || !_byClass.TryGetValue(productType.Value, out var vendors) ? [] : vendors);
    }

    private static (string, IReadOnlyList<DatasheetVendor>, IReadOnlyDictionary<string, IReadOnlyList<string>>) Load()
    {
        using var stream = typeof(EmbeddedVendorDirectory).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded vendor directory '{ResourceName}' is missing from the assembly.");
        var document = JsonSerializer.Deserialize(stream, VendorJsonContext.Default.VendorDirectoryDocument)
            ?? throw new InvalidOperationException("The embedded vendor directory is empty.");
        if (string.IsNullOrWhiteSpace(document.Version))
        {
            throw new InvalidOperationException("The embedded vendor directory has no version.");
        }

        var vendors = new List<DatasheetVendor>();
        foreach (var v in document.Vendors)
        {
            if (string.IsNullOrWhiteSpace(v.Id) || string.IsNullOrWhiteSpace(v.Name))
            {
                throw new InvalidOperationException("A vendor of the embedded vendor directory has no id or name.");
            }

            vendors.Add(new DatasheetVendor(v.Id, v.Name, v.Aliases));
        }

        var ids = vendors.Select(static v => v.Id).ToHashSet(StringComparer.Ordinal);
        var classes = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var (cls, list) in document.Classes)
        {
            var unknown = list.FirstOrDefault(id => !ids.Contains(id));
            if (unknown is not null)
            {
                throw new InvalidOperationException($"Class '{cls}' of the embedded vendor directory names vendor '{unknown}', which is not in its vendor list.");
            }

            classes[cls] = list;
        }

        return (document.Version, vendors, classes);
    }
}
