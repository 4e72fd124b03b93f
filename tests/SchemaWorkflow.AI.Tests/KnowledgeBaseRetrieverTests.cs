using SchemaWorkflow.Standards;

namespace SchemaWorkflow.AI.Tests;

public sealed class KnowledgeBaseRetrieverTests
{
    [Fact]
    public async Task Knowledge_base_facts_become_passages_with_ids_sources_and_stated_values()
    {
        var kb = StandardsKnowledgeBase.Embedded;
        var retriever = new KnowledgeBasePassageRetriever(kb);
        var schema = new Catalog.CatalogSchemaGenerator(new Catalog.InstrumentCatalog()).Generate(ProductTypeKey.Parse("temperature_transmitter"));
        var group = schema.Groups.First(g => g.Fields.Count > 0 && kb.Retrieve(new StandardsQuery { ProductType = schema.Key, ProductDisplayName = schema.DisplayName, Group = g.Key, Fields = g.Fields }).Count > 0);

        var passages = await retriever.RetrieveAsync(new PassageQuery { ProductType = schema.Key, ProductDisplayName = schema.DisplayName, Group = group.Key, Fields = group.Fields, MaxPassages = 3 });

        Assert.InRange(passages.Count, 1, 3);
        Assert.Equal(passages.Count, passages.Select(p => p.Id).Distinct().Count());
        foreach (var passage in passages)
        {
            var fact = kb.FindFact(passage.Id);
            Assert.NotNull(fact);
            Assert.StartsWith(fact.Statement, passage.Text, StringComparison.Ordinal);
            Assert.StartsWith(fact.Standard, passage.Source, StringComparison.Ordinal);
            Assert.Equal(fact.Clause, passage.Clause);
        }

        Assert.StartsWith("kb." + kb.Version + ".", retriever.Fingerprint, StringComparison.Ordinal);
    }
}
