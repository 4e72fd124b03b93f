using SchemaWorkflow.Datasheets.Tests.Infrastructure;

namespace SchemaWorkflow.Datasheets.Tests;

/// <summary>Test classes that read the synthetic corpus share one copy of it.</summary>
[CollectionDefinition(Name)]
public sealed class CorpusCollection : ICollectionFixture<CorpusFixture>
{
    public const string Name = "corpus";
}
