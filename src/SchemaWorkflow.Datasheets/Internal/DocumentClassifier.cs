using System.Text;
using SchemaWorkflow.Catalog;

namespace SchemaWorkflow.Datasheets.Internal;

/// <summary>
/// Decides whether a document from a vendor-wide folder is about the requested product type, from the product type
/// names in its file name and title lines (the whole text only when the title names none). Longer names win over the
/// names they contain, so "differential pressure transmitter" does not count as "pressure transmitter".
/// </summary>
internal sealed class DocumentClassifier
{
    private const int TitleLines = 2;
    private const int HeadLines = 10;
    private const int BodyPages = 3;

    private readonly List<(string Phrase, string Class)> _phrases = [];
    private readonly string _target;

    public DocumentClassifier(InstrumentCatalog? catalog, ProductTypeKey productType, string displayName)
    {
        _target = productType.Value;
        if (catalog is not null)
        {
            foreach (var cls in catalog.Classes)
            {
                Add(cls.Key.Value.Replace('_', ' '), cls.Key.Value);
                Add(cls.DisplayName, cls.Key.Value);
                foreach (var synonym in cls.Synonyms)
                {
                    Add(synonym, cls.Key.Value);
                }
            }
        }

        Add(productType.Value.Replace('_', ' '), _target);
        Add(displayName, _target);
        _phrases.Sort(static (a, b) => b.Phrase.Length.CompareTo(a.Phrase.Length));
    }

    /// <summary>
    /// True when the document names the product type at least as often as any other, looking first at the file name
    /// and the title (first two lines), then the first lines of page 1, then the first pages: a title says what the
    /// document is about, while the body also names the sensors and accessories it works with.
    /// </summary>
    public bool Belongs(DatasheetText text, out string reason)
    {
        var firstPage = text.Pages.FirstOrDefault()?.Lines ?? [];
        var name = Path.GetFileNameWithoutExtension(text.Reference.Document);
        string[] tiers =
        [
            name + " " + string.Join(' ', firstPage.Take(TitleLines).Select(static l => l.Text)),
            string.Join(' ', firstPage.Take(HeadLines).Select(static l => l.Text)),
            string.Join(' ', text.Pages.Take(BodyPages).SelectMany(static p => p.Lines).Select(static l => l.Text)),
        ];

        Dictionary<string, int> counts = [];
        foreach (var tier in tiers)
        {
            counts = Count(tier);
            if (counts.Count > 0)
            {
                break;
            }
        }

        if (counts.Count == 0)
        {
            reason = $"{text.Reference.CitationSource}: its title names no product type; put it in the vendor's '{_target}' sub-folder to use it.";
            return false;
        }

        counts.TryGetValue(_target, out var mine);
        var (other, most) = counts.Where(c => c.Key != _target).OrderByDescending(static c => c.Value).Select(static c => (c.Key, c.Value)).FirstOrDefault();
        if (mine > 0 && mine >= most)
        {
            reason = string.Empty;
            return true;
        }

        reason = $"{text.Reference.CitationSource}: it is about {other.Replace('_', ' ')}, not {_target.Replace('_', ' ')}.";
        return false;
    }

    private Dictionary<string, int> Count(string text)
    {
        var folded = " " + Fold(text) + " ";
        var taken = new bool[folded.Length];
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (phrase, cls) in _phrases)
        {
            var needle = " " + phrase + " ";
            for (var at = folded.IndexOf(needle, StringComparison.Ordinal); at >= 0; at = folded.IndexOf(needle, at + 1, StringComparison.Ordinal))
            {
                if (taken.AsSpan(at + 1, phrase.Length).Contains(true))
                {
                    continue;
                }

                taken.AsSpan(at + 1, phrase.Length).Fill(true);
                counts[cls] = counts.GetValueOrDefault(cls) + 1;
            }
        }

        return counts;
    }

    private void Add(string phrase, string cls)
    {
        var folded = Fold(phrase);
        if (folded.Length >= 3)
        {
            _phrases.Add((folded, cls));
        }
    }

    private static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
                space = false;
            }
            else if (!space && builder.Length > 0)
            {
                builder.Append(' ');
                space = true;
            }
        }

        return builder.ToString().TrimEnd();
    }
}
