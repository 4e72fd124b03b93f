using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Fonts.Standard14Fonts;
using UglyToad.PdfPig.Writer;

namespace SchemaWorkflow.Datasheets.Tests.Corpus;

/// <summary>
/// Writes a synthetic datasheet PDF with PdfPig's document builder and the standard 14 fonts. Characters Helvetica
/// cannot encode (°, ±, µ, ≤) are set in the Symbol font, as real datasheets do, so the text layer still reads "°C".
/// </summary>
internal sealed class SheetWriter
{
    private const double Left = 60;
    private const double Top = 780;
    private static readonly HashSet<char> SymbolOnly = ['°', '±', 'µ', '≤', '≥', '−'];

    private readonly PdfDocumentBuilder _builder = new();
    private readonly PdfDocumentBuilder.AddedFont _regular;
    private readonly PdfDocumentBuilder.AddedFont _bold;
    private readonly PdfDocumentBuilder.AddedFont _symbol;
    private PdfPageBuilder? _page;
    private double _y;

    public SheetWriter()
    {
        _regular = _builder.AddStandard14Font(Standard14Font.Helvetica);
        _bold = _builder.AddStandard14Font(Standard14Font.HelveticaBold);
        _symbol = _builder.AddStandard14Font(Standard14Font.Symbol);
        NewPage();
    }

    public SheetWriter NewPage()
    {
        _page = _builder.AddPage(UglyToad.PdfPig.Content.PageSize.A4);
        _y = Top;
        return this;
    }

    public SheetWriter Title(string text)
    {
        Write(text, Left, _y, 16, _bold);
        _y -= 28;
        return this;
    }

    public SheetWriter Heading(string text)
    {
        _y -= 6;
        Write(text, Left, _y, 12, _bold);
        _y -= 18;
        return this;
    }

    /// <summary>A line of running text, such as "Key: value" or "Key ...... value".</summary>
    public SheetWriter Line(string text)
    {
        Write(text, Left, _y, 10, _regular);
        _y -= 14;
        return this;
    }

    /// <summary>A two-column table row: the key at the left margin, the value in a column further right.</summary>
    public SheetWriter Row(string key, string value, double valueColumn = 250)
    {
        Write(key, Left, _y, 10, _regular);
        Write(value, valueColumn, _y, 10, _regular);
        _y -= 14;
        return this;
    }

    /// <summary>A value cell alone on a line, under the value column (a wrapped value).</summary>
    public SheetWriter Continuation(string value, double valueColumn = 250)
    {
        Write(value, valueColumn, _y, 10, _regular);
        _y -= 14;
        return this;
    }

    /// <summary>A picture-like page: only shapes, no text layer (what a scan looks like to a text extractor).</summary>
    public SheetWriter Shapes()
    {
        _page!.DrawRectangle(new PdfPoint(60, 200), 470, 560, 2, fill: false);
        _page.DrawLine(new PdfPoint(60, 200), new PdfPoint(530, 760), 1);
        _page.DrawCircle(new PdfPoint(300, 480), 120, 1, false);
        return this;
    }

    public byte[] Build() => _builder.Build();

    private void Write(string text, double x, double y, double size, PdfDocumentBuilder.AddedFont font)
    {
        var start = 0;
        while (start < text.Length)
        {
            var symbol = SymbolOnly.Contains(text[start]);
            var end = start;
            while (end < text.Length && SymbolOnly.Contains(text[end]) == symbol)
            {
                end++;
            }

            var letters = _page!.AddText(text[start..end], size, new PdfPoint(x, y), symbol ? _symbol : font);
            x = letters.Count > 0 ? letters[^1].EndBaseLine.X : x;
            start = end;
        }
    }
}
