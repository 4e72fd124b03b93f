using System.Runtime.InteropServices;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace SchemaWorkflow.Datasheets.Internal;

/// <summary>
/// Reads the text layer of a PDF with PdfPig: words with their positions, grouped into lines by baseline and split
/// into cells where the gap between two words is wider than a column gap.
/// </summary>
internal static class PdfTextReader
{
    /// <summary>A gap wider than this many font sizes starts a new cell (a word space is about a quarter of one).</summary>
    private const double ColumnGapInFontSizes = 1.2;

    public static IReadOnlyList<DatasheetPage> Read(ReadOnlyMemory<byte> bytes, int maxPages, out int wordCount)
    {
        var array = MemoryMarshal.TryGetArray(bytes, out var segment) && segment.Offset == 0 && segment.Count == segment.Array!.Length
            ? segment.Array
            : bytes.ToArray();
        using var document = PdfDocument.Open(array, new ParsingOptions { UseLenientParsing = true, SkipMissingFonts = true });
        var pages = new List<DatasheetPage>();
        wordCount = 0;
        var count = Math.Min(document.NumberOfPages, maxPages);
        for (var number = 1; number <= count; number++)
        {
            var page = document.GetPage(number);
            var words = page.GetWords().Where(static w => w.TextOrientation == TextOrientation.Horizontal && !string.IsNullOrWhiteSpace(w.Text)).ToList();
            wordCount += words.Count;
            pages.Add(new DatasheetPage { Number = number, Lines = BuildLines(words, number, page.Height) });
        }

        return pages;
    }

    private static List<DatasheetLine> BuildLines(List<Word> words, int pageNumber, double pageHeight)
    {
        var placed = words
            .Select(static w => (Word: w, Baseline: w.Letters.Count > 0 ? w.Letters[0].StartBaseLine.Y : w.BoundingBox.Bottom, Size: SizeOf(w)))
            .OrderByDescending(static w => w.Baseline)
            .ThenBy(static w => w.Word.BoundingBox.Left)
            .ToList();

        var lines = new List<DatasheetLine>();
        var current = new List<(Word Word, double Baseline, double Size)>();
        foreach (var item in placed)
        {
            if (current.Count > 0)
            {
                var first = current[0];
                var tolerance = 0.35 * Math.Max(first.Size, item.Size);
                if (Math.Abs(first.Baseline - item.Baseline) > tolerance)
                {
                    lines.Add(ToLine(current, pageNumber, pageHeight));
                    current.Clear();
                }
            }

            current.Add(item);
        }

        if (current.Count > 0)
        {
            lines.Add(ToLine(current, pageNumber, pageHeight));
        }

        return lines;
    }

    private static DatasheetLine ToLine(List<(Word Word, double Baseline, double Size)> items, int pageNumber, double pageHeight)
    {
        var ordered = items.OrderBy(static i => i.Word.BoundingBox.Left).ToList();
        var size = ordered.Max(static i => i.Size);
        var cells = new List<DatasheetCell>();
        var text = new List<string>();
        double left = ordered[0].Word.BoundingBox.Left, right = ordered[0].Word.BoundingBox.Right;
        text.Add(ordered[0].Word.Text);
        for (var i = 1; i < ordered.Count; i++)
        {
            var box = ordered[i].Word.BoundingBox;
            if (box.Left - right > ColumnGapInFontSizes * size)
            {
                cells.Add(new DatasheetCell(string.Join(' ', text), left, right));
                text.Clear();
                left = box.Left;
            }

            text.Add(ordered[i].Word.Text);
            right = Math.Max(right, box.Right);
        }

        cells.Add(new DatasheetCell(string.Join(' ', text), left, right));
        return new DatasheetLine
        {
            Page = pageNumber,
            Text = string.Join(' ', cells.Select(static c => c.Text)),
            Cells = cells,
            Top = pageHeight - ordered[0].Baseline,
            Height = size,
        };
    }

    private static double SizeOf(Word word)
    {
        var size = word.Letters.Count > 0 ? word.Letters[0].PointSize : 0;
        return size > 0 ? size : Math.Max(word.BoundingBox.Height, 1);
    }
}
