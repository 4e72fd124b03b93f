using System.Text;
using System.Text.RegularExpressions;

namespace SchemaWorkflow.Datasheets.Internal;

/// <summary>Reads a UTF-8 text datasheet: a form feed starts a new page; a tab or two or more spaces separate cells.</summary>
internal static partial class PlainTextReader
{
    public static IReadOnlyList<DatasheetPage> Read(ReadOnlyMemory<byte> bytes, int maxPages, out int wordCount)
    {
        var text = Encoding.UTF8.GetString(bytes.Span).TrimStart('\uFEFF');
        var pages = new List<DatasheetPage>();
        wordCount = 0;
        var pageTexts = text.Split('\f');
        for (var p = 0; p < pageTexts.Length && p < maxPages; p++)
        {
            var lines = new List<DatasheetLine>();
            var rows = pageTexts[p].Split('\n');
            for (var r = 0; r < rows.Length; r++)
            {
                var row = rows[r].TrimEnd('\r');
                if (string.IsNullOrWhiteSpace(row))
                {
                    continue;
                }

                var cells = new List<DatasheetCell>();
                foreach (Match m in CellPattern().Matches(row))
                {
                    var cell = MultiSpace().Replace(m.Value, " ");
                    cells.Add(new DatasheetCell(cell, m.Index, m.Index + m.Length));
                    wordCount += cell.Count(static c => c == ' ') + 1;
                }

                lines.Add(new DatasheetLine
                {
                    Page = p + 1,
                    Text = string.Join(' ', cells.Select(static c => c.Text)),
                    Cells = cells,
                    Top = r,
                    Height = 1,
                });
            }

            pages.Add(new DatasheetPage { Number = p + 1, Lines = lines });
        }

        return pages;
    }

    // A cell is a run of text in which words are separated by single spaces; a tab or two or more spaces end it.
    [GeneratedRegex(@"[^\s](?:[^\S\t\r\n]?[^\s])*", RegexOptions.CultureInvariant)]
    private static partial Regex CellPattern();

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex MultiSpace();
}
