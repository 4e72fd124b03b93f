using System.Text.RegularExpressions;

namespace SchemaWorkflow.Datasheets;

/// <summary>
/// The built-in extractor: reads specification pairs from the layout of a datasheet's text. It understands
/// <c>Key: value</c> lines (and several such cells on one line), dotted leaders (<c>Key ...... value</c>) and
/// two-column tables (a key cell and a value cell separated by a column gap, a value wrapped onto the next line
/// continuing it). Headings, notes and page furniture are skipped. Stateless and thread-safe.
/// </summary>
public sealed partial class LayoutDatasheetExtractor : IDatasheetExtractor
{
    /// <summary>The extractor's name.</summary>
    public const string ExtractorName = "layout";

    private const int MaxKeyLength = 60;
    private const int MaxKeyWords = 8;
    private const int MaxValueLength = 200;

    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "page", "note", "notes", "remark", "remarks", "see", "tel", "phone", "fax", "email", "e-mail", "copyright", "www", "http", "https",
        "date", "issued", "printed", "subject", "footnote",
    };

    private static readonly HashSet<string> HeaderWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "parameter", "parameters", "specification", "specifications", "characteristic", "characteristics", "feature", "features",
        "item", "property", "properties", "description", "value", "values", "data", "technical data", "unit", "units", "details",
    };

    /// <summary>A shared instance; the extractor has no state.</summary>
    public static LayoutDatasheetExtractor Instance { get; } = new();

    /// <inheritdoc />
    public string Name => ExtractorName;

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<SpecificationPair>> ExtractAsync(DatasheetText text, DatasheetExtractionContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(text);
        cancellationToken.ThrowIfCancellationRequested();
        return new(Extract(text));
    }

    /// <summary>Finds the pairs of a document.</summary>
    /// <param name="text">The document's text.</param>
    /// <returns>The pairs in document order.</returns>
    public IReadOnlyList<SpecificationPair> Extract(DatasheetText text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var pairs = new List<SpecificationPair>();
        foreach (var page in text.Pages)
        {
            Open? open = null;
            foreach (var line in page.Lines)
            {
                var found = FromLine(line, out var valueCell);
                if (found.Count > 0)
                {
                    pairs.AddRange(found);
                    open = found.Count == 1 && valueCell is not null ? new Open(pairs.Count - 1, line, valueCell) : null;
                    continue;
                }

                if (open is not null && Continues(open, line))
                {
                    var previous = pairs[open.Index];
                    var value = previous.Value + " " + line.Text;
                    if (value.Length <= MaxValueLength)
                    {
                        pairs[open.Index] = previous with { Value = value, Line = previous.Line + " " + line.Text };
                        open = open with { Last = line };
                        continue;
                    }
                }

                open = null;
            }
        }

        return pairs;
    }

    private static List<SpecificationPair> FromLine(DatasheetLine line, out DatasheetCell? valueCell)
    {
        valueCell = null;
        var result = new List<SpecificationPair>(1);
        if (DottedLeader().Match(line.Text) is { Success: true } leader)
        {
            Add(result, line, leader.Groups["key"].Value, leader.Groups["value"].Value, ExtractionMethod.DottedLeader);
            return result;
        }

        var cells = line.Cells;

        // Several "Key: value" cells side by side: one pair each.
        if (cells.Count >= 2 && cells.All(static c => KeyColonValue().IsMatch(c.Text)))
        {
            foreach (var cell in cells)
            {
                var m = KeyColonValue().Match(cell.Text);
                Add(result, line, m.Groups["key"].Value, m.Groups["value"].Value, ExtractionMethod.KeyValue);
            }

            return result;
        }

        // A first cell that already holds "Key: value" makes the line one pair, whatever the later cells hold.
        if (cells.Count >= 2 && !KeyColonValue().IsMatch(cells[0].Text))
        {
            var key = cells[0].Text;
            var method = ExtractionMethod.Table;
            if (key.EndsWith(':'))
            {
                key = key[..^1];
                method = ExtractionMethod.KeyValue;
            }

            var value = string.Join(' ', cells.Skip(1).Select(static c => c.Text));
            if (IsHeaderRow(key, value))
            {
                return result;
            }

            if (Add(result, line, key, value, method))
            {
                valueCell = cells[1];
                return result;
            }
        }

        if (KeyColonValue().Match(line.Text) is { Success: true } colon)
        {
            Add(result, line, colon.Groups["key"].Value, colon.Groups["value"].Value, ExtractionMethod.KeyValue);
        }

        return result;
    }

    private static bool Add(List<SpecificationPair> result, DatasheetLine line, string key, string value, ExtractionMethod method)
    {
        var k = CleanKey(key);
        var v = value.Trim();
        if (!IsKey(k) || v.Length == 0 || v.Length > MaxValueLength || DotsOnly().IsMatch(v))
        {
            return false;
        }

        result.Add(new SpecificationPair { Key = k, Value = v, Page = line.Page, Method = method, Line = line.Text });
        return true;
    }

    private static bool Continues(Open open, DatasheetLine line)
    {
        if (line.Cells.Count != 1 || line.Page != open.Last.Page)
        {
            return false;
        }

        var cell = line.Cells[0];
        var tolerance = Math.Max(1, 0.5 * line.Height);
        var gap = line.Top - open.Last.Top;
        return Math.Abs(cell.Left - open.ValueCell.Left) <= tolerance && gap > 0 && gap <= 2 * Math.Max(line.Height, open.Last.Height);
    }

    private static string CleanKey(string key)
    {
        var k = LeadingMarker().Replace(key.Trim(), string.Empty).Trim();
        return k.TrimEnd(':', ' ', '\t');
    }

    private static bool IsKey(string key)
    {
        if (key.Length < 2 || key.Length > MaxKeyLength || !char.IsLetter(key[0]))
        {
            return false;
        }

        var words = key.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > MaxKeyWords || StopWords.Contains(words[0].TrimEnd('.', ':')))
        {
            return false;
        }

        var letters = key.Count(char.IsLetter);
        return letters >= 2 && letters * 2 >= key.Count(static c => !char.IsWhiteSpace(c));
    }

    private static bool IsHeaderRow(string key, string value) =>
        HeaderWords.Contains(key.Trim().TrimEnd(':')) && HeaderWords.Contains(value.Trim());

    private sealed record Open(int Index, DatasheetLine Last, DatasheetCell ValueCell);

    // Key, then a leader of four or more dots (spaced or not), then the value.
    [GeneratedRegex(@"^(?<key>.+?)\s*(?:\s?[.·]){4,}\s*(?<value>[^.·\s].*?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex DottedLeader();

    // "Key: value" with a space after the colon, so "100:1" or "12:30" inside a value is not a separator.
    [GeneratedRegex(@"^(?<key>[^:]{2,80}?)\s*:\s+(?<value>\S.*?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex KeyColonValue();

    [GeneratedRegex(@"^(?:[•·▪■\-–*]+\s*|\(?[0-9]{1,2}(?:\.[0-9]{1,2})*[.)]\s+|[a-z]\)\s+)", RegexOptions.CultureInvariant)]
    private static partial Regex LeadingMarker();

    [GeneratedRegex(@"^[.·…\s]+$", RegexOptions.CultureInvariant)]
    private static partial Regex DotsOnly();
}
