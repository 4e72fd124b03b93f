using SchemaWorkflow.Standards.Internal;

namespace SchemaWorkflow.Tests.Standards;

public class Bm25IndexTests
{
    [Fact]
    public void Tokenizer_lowercases_splits_drops_stop_words_and_strips_plural_s()
    {
        Assert.Equal(["tolerance", "classe", "pt100", "rtd"], TextTokenizer.Tokenize("Tolerance classes of the Pt100-RTDs"));
        Assert.Equal(["ingress", "protection", "ip66", "ip67"], TextTokenizer.Tokenize("ingress_protection: IP66/IP67"));
        Assert.Equal(["pressure", "gauge", "class"], TextTokenizer.Tokenize("pressure gauges, class"));
        Assert.Equal(["status", "gas", "valve"], TextTokenizer.Tokenize("status gas valves"));
    }

    [Fact]
    public void A_document_with_the_rarer_term_ranks_higher()
    {
        var index = new Bm25Index([
            Doc("pressure gauge accuracy class"),
            Doc("pressure transmitter accuracy"),
            Doc("pressure switch setpoint"),
        ]);

        var hits = index.Search(TextTokenizer.Tokenize("gauge accuracy"), 3);

        Assert.Equal(0, hits[0].Document);
        Assert.Equal(1, hits[1].Document);
        Assert.Equal(2, hits.Count);
    }

    [Fact]
    public void Repeated_terms_raise_the_score_with_saturation()
    {
        var index = new Bm25Index([Doc("ip code"), Doc("ip ip code"), Doc("ip ip ip ip ip ip ip ip code"), Doc("other words here")]);
        var query = new HashSet<string>(["ip"]);

        var one = index.Score(0, query);
        var two = index.Score(1, query);
        var many = index.Score(2, query);

        Assert.True(two > one);
        Assert.True(many > two);
        Assert.True(many - two < two - one + 1, "term frequency saturates");
        Assert.Equal(0, index.Score(3, query));
    }

    [Fact]
    public void Shorter_documents_win_at_equal_term_frequency()
    {
        var index = new Bm25Index([Doc("namur output"), Doc("namur output with many more unrelated words padding this document out")]);

        var hits = index.Search(["namur"], 2);

        Assert.Equal(0, hits[0].Document);
        Assert.True(hits[0].Score > hits[1].Score);
    }

    [Fact]
    public void Empty_index_and_unknown_terms_return_nothing()
    {
        Assert.Empty(new Bm25Index([]).Search(["x"], 5));
        Assert.Empty(new Bm25Index([Doc("a b c")]).Search(["zzz"], 5));
    }

    [Fact]
    public void Search_limits_to_top_results_in_score_order()
    {
        var index = new Bm25Index([Doc("sil"), Doc("sil sil pfd"), Doc("sil pfd pfh"), Doc("ip")]);

        var hits = index.Search(["sil", "pfd"], 2);

        Assert.Equal(2, hits.Count);
        Assert.True(hits[0].Score >= hits[1].Score);
        Assert.DoesNotContain(hits, static h => h.Document == 3);
    }

    private static List<string> Doc(string text) => TextTokenizer.Tokenize(text);
}
