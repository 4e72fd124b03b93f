using SchemaWorkflow.Datasheets;

namespace SchemaWorkflow.DependencyInjection;

/// <summary>The sources the DI generator reads: one per configured folder, the HTTP source when URLs are configured, and any registered by the host.</summary>
internal sealed class DatasheetSourceSet : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public DatasheetSourceSet(DatasheetGeneratorOptions options, IEnumerable<IDatasheetSource> registered, TimeProvider? timeProvider)
    {
        var sources = new List<IDatasheetSource>();
        foreach (var folder in options.Folders)
        {
            sources.Add(new LocalFolderDatasheetSource(folder, options.MaxDocumentBytes));
        }

        if (options.Http.Urls.Count > 0)
        {
            var http = new HttpDatasheetSource(options.Http, httpClient: null, timeProvider);
            _owned.Add(http);
            sources.Add(http);
        }

        sources.AddRange(registered);
        Sources = sources;
    }

    public IReadOnlyList<IDatasheetSource> Sources { get; }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }
}
