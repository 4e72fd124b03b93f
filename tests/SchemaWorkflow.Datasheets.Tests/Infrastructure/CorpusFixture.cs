using SchemaWorkflow.Catalog;
using SchemaWorkflow.Datasheets.Tests.Corpus;

namespace SchemaWorkflow.Datasheets.Tests.Infrastructure;

/// <summary>One corpus and one catalog for the tests of a class.</summary>
public sealed class CorpusFixture : IDisposable
{
    public SyntheticCorpus Corpus { get; } = new();

    public InstrumentCatalog Catalog { get; } = new();

    /// <summary>A generator over the corpus folder with the three corpus vendors as the only vendors of both product types.</summary>
    public DatasheetSchemaGenerator Generator(Action<DatasheetGeneratorOptions>? configure = null, TimeProvider? time = null, params IDatasheetExtractor[] extractors)
    {
        var options = new DatasheetGeneratorOptions()
            .SetVendors("pressure_transmitter", SyntheticCorpus.Vendors)
            .SetVendors("temperature_transmitter", SyntheticCorpus.Vendors);
        configure?.Invoke(options);
        return new DatasheetSchemaGenerator(
            new EmbeddedVendorDirectory(options.VendorOverrides),
            [new LocalFolderDatasheetSource(Corpus.Root, options.MaxDocumentBytes)],
            options,
            Catalog,
            extractors,
            time);
    }

    public void Dispose() => Corpus.Dispose();
}
