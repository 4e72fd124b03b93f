namespace SchemaWorkflow.Datasheets.Tests.Infrastructure;

/// <summary>Stands in for a language-model extractor: returns fixed pairs, or throws for chosen documents.</summary>
internal sealed class FakeExtractor(string name, IReadOnlyList<SpecificationPair> pairs) : IDatasheetExtractor
{
    public string Name { get; } = name;

    public HashSet<string> FailOn { get; } = new(StringComparer.Ordinal);

    public List<DatasheetExtractionContext> Contexts { get; } = [];

    public ValueTask<IReadOnlyList<SpecificationPair>> ExtractAsync(DatasheetText text, DatasheetExtractionContext context, CancellationToken cancellationToken = default)
    {
        lock (Contexts)
        {
            Contexts.Add(context);
        }

        if (FailOn.Contains(context.Document.Document))
        {
            throw new InvalidOperationException("the model service answered 503");
        }

        return new(pairs);
    }
}
