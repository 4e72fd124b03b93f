using SchemaWorkflow.Datasheets.Tests.Corpus;
using SchemaWorkflow.Datasheets.Tests.Infrastructure;

namespace SchemaWorkflow.Datasheets.Tests;

/// <summary>PDF and text reading, and the layout extractor's rules.</summary>
public sealed class ExtractionTests
{
    private static IReadOnlyList<SpecificationPair> Pairs(DatasheetText text) => LayoutDatasheetExtractor.Instance.Extract(text);

    [Fact]
    public void Pdf_words_group_into_lines_and_a_column_gap_splits_cells()
    {
        var text = Texts.FromPdf(new SheetWriter().Title("Sheet").Row("Supply voltage", "10.5 to 42 V DC").Line("Output signal: 4-20 mA").Build());

        var lines = Assert.Single(text.Pages).Lines;
        Assert.Equal(["Sheet", "Supply voltage 10.5 to 42 V DC", "Output signal: 4-20 mA"], lines.Select(static l => l.Text));
        Assert.Equal(["Supply voltage", "10.5 to 42 V DC"], lines[1].Cells.Select(static c => c.Text));
        Assert.Equal(250, lines[1].Cells[1].Left, 1);
        Assert.Single(lines[2].Cells);
        Assert.True(lines[2].Top > lines[1].Top, "lines are numbered down the page");
    }

    [Fact]
    public void Characters_set_in_the_symbol_font_read_back_as_one_word()
    {
        var text = Texts.FromPdf(new SheetWriter().Line("Ambient temperature: −40 … +85 °C, ±0.1 % µS").Build());

        Assert.Equal("Ambient temperature: −40 … +85 °C, ±0.1 % µS", Assert.Single(text.Lines).Text);
    }

    [Fact]
    public void Pages_are_numbered_from_one_in_pdfs_and_split_by_form_feed_in_text()
    {
        var pdf = Texts.FromPdf(new SheetWriter().Line("Alpha: 1").NewPage().Line("Beta: 2").Build());
        var txt = Texts.FromText("Alpha: 1\n\fBeta: 2\n");

        Assert.Equal([(1, "Alpha"), (2, "Beta")], Pairs(pdf).Select(static p => (p.Page, p.Key)));
        Assert.Equal([(1, "Alpha"), (2, "Beta")], Pairs(txt).Select(static p => (p.Page, p.Key)));
    }

    [Fact]
    public void Key_value_lines_keep_colons_inside_the_value()
    {
        var pairs = Pairs(Texts.FromText("Turndown: 100:1\nStart-up time: 2 s\n• Display: LCD\n12:30 meeting notes\nNo colon here\n"));

        Assert.Equal([("Turndown", "100:1"), ("Start-up time", "2 s"), ("Display", "LCD")], pairs.Select(static p => (p.Key, p.Value)));
        Assert.All(pairs, static p => Assert.Equal(ExtractionMethod.KeyValue, p.Method));
    }

    [Fact]
    public void Dotted_leaders_separate_key_and_value_but_a_three_dot_range_does_not()
    {
        var pairs = Pairs(Texts.FromText("Max. working pressure ........ 160 bar\nAmbient . . . . . -40 ... 85 °C\nRange -40 ... 85 °C\n"));

        Assert.Equal([("Max. working pressure", "160 bar"), ("Ambient", "-40 ... 85 °C")], pairs.Select(static p => (p.Key, p.Value)));
        Assert.All(pairs, static p => Assert.Equal(ExtractionMethod.DottedLeader, p.Method));
    }

    [Fact]
    public void A_two_column_table_gives_one_pair_per_row_and_a_wrapped_value_continues_its_row()
    {
        var pdf = new SheetWriter()
            .Row("Parameter", "Value")
            .Row("Electrical connection", "1/2 NPT or")
            .Continuation("M20 x 1.5")
            .Row("Weight", "1.2 kg")
            .Line("Approvals")
            .Build();

        var pairs = Pairs(Texts.FromPdf(pdf));

        Assert.Equal([("Electrical connection", "1/2 NPT or M20 x 1.5"), ("Weight", "1.2 kg")], pairs.Select(static p => (p.Key, p.Value)));
        Assert.All(pairs, static p => Assert.Equal(ExtractionMethod.Table, p.Method));
    }

    [Fact]
    public void Text_columns_are_split_by_tabs_or_two_spaces_and_several_key_value_cells_on_a_line_each_count()
    {
        var pairs = Pairs(Texts.FromText("Supply voltage\t12 ... 36 V DC\nOutput signal    4-20 mA HART\nOutput: 4-20 mA    Supply: 24 V DC\nProtocol: HART 7    (option)\n"));

        Assert.Equal(
            [("Supply voltage", "12 ... 36 V DC"), ("Output signal", "4-20 mA HART"), ("Output", "4-20 mA"), ("Supply", "24 V DC"), ("Protocol", "HART 7 (option)")],
            pairs.Select(static p => (p.Key, p.Value)));
    }

    [Fact]
    public void Notes_page_furniture_and_header_rows_are_not_pairs()
    {
        var pairs = Pairs(Texts.FromText("Note: values at reference conditions\nPage 2: continued\nParameter    Value\nTel: +00 000 000\nPT-3000    Pressure transmitter\n"));

        Assert.Empty(pairs);
    }

    [Fact]
    public void A_pdf_without_a_text_layer_says_so_and_a_truncated_pdf_is_unreadable()
    {
        var scan = Assert.Throws<DatasheetFetchException>(() => Texts.FromPdf(new SheetWriter().Shapes().Build()));
        var pdf = SyntheticCorpus.AldorPressure();
        var corrupt = Assert.Throws<DatasheetFetchException>(() => Texts.FromPdf(pdf[..(pdf.Length / 3)]));

        Assert.Equal(DocumentStatus.NoText, scan.Status);
        Assert.Equal(DocumentStatus.Unreadable, corrupt.Status);
    }
}
