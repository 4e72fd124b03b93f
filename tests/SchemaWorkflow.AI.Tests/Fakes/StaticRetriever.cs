namespace SchemaWorkflow.AI.Tests.Fakes;

/// <summary>Returns fixed passages per group and counts queries.</summary>
public sealed class StaticRetriever : IPassageRetriever
{
    private readonly Dictionary<string, IReadOnlyList<StandardsPassage>> _byGroup;
    private int _queries;

    public StaticRetriever(Dictionary<string, IReadOnlyList<StandardsPassage>> byGroup) => _byGroup = byGroup;

    public string Fingerprint => "static-passages/1";

    public int Queries => Volatile.Read(ref _queries);

    public ValueTask<IReadOnlyList<StandardsPassage>> RetrieveAsync(PassageQuery query, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _queries);
        return new(_byGroup.TryGetValue(query.Group, out var passages) ? passages : []);
    }

    public static StandardsPassage Passage(string id, string text, string source = "IEC 60770-1:2010", string? clause = "5.2") =>
        new() { Id = id, Source = source, Clause = clause, Text = text };
}
