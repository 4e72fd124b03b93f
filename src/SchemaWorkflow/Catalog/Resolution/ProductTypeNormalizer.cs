using System.Globalization;
using System.Text;

namespace SchemaWorkflow.Catalog.Resolution;

/// <summary>
/// Turns product type text into canonical words, the same way for catalog phrases and for user input: lowercase,
/// accents folded, punctuation dropped, plurals made singular, spelling variants and trade abbreviations mapped
/// (gage → gauge, transducer → transmitter, flowmeter → flow meter, DP → differential pressure, GWR, VFD, TC…).
/// </summary>
internal static class ProductTypeNormalizer
{
    /// <summary>Words that name a measured quantity; they decide between classes that share a modifier ("ultrasonic").</summary>
    public static readonly IReadOnlyDictionary<string, string> MeasurandWords = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["temperature"] = "temperature",
        ["pressure"] = "pressure",
        ["level"] = "level",
        ["flow"] = "flow",
        ["ph"] = "analysis",
        ["conductivity"] = "analysis",
        ["oxygen"] = "analysis",
        ["gas"] = "analysis",
    };

    /// <summary>Words that carry no class meaning; they do not lower confidence when left unmatched.</summary>
    public static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "the", "of", "and", "or", "type", "style", "new", "spare", "smart", "digital", "electronic", "industrial",
        "standard", "model", "series", "unit", "device", "complete", "with", "w", "for", "to", "in", "on", "set", "kit",
        "pc", "pcs", "qty", "no", "c", "incl", "including", "use", "service", "application", "process", "item", "general",
        "purpose", "heavy", "duty", "high", "low", "mounted", "plant", "field", "option", "optional", "s", "x",
    };

    /// <summary>Single words replaced by one or more canonical words.</summary>
    private static readonly Dictionary<string, string[]> WordMap = new(StringComparer.Ordinal)
    {
        ["gage"] = ["gauge"],
        ["guage"] = ["gauge"],
        ["gague"] = ["gauge"],
        ["metre"] = ["meter"],
        ["analyser"] = ["analyzer"],
        ["analysator"] = ["analyzer"],
        ["transducer"] = ["transmitter"],
        ["xmtr"] = ["transmitter"],
        ["xmitter"] = ["transmitter"],
        ["xmter"] = ["transmitter"],
        ["transmtr"] = ["transmitter"],
        ["trans"] = ["transmitter"],
        ["tx"] = ["transmitter"],
        ["temp"] = ["temperature"],
        ["tmp"] = ["temperature"],
        ["press"] = ["pressure"],
        ["pres"] = ["pressure"],
        ["diff"] = ["differential"],
        ["lvl"] = ["level"],
        ["sw"] = ["switch"],
        ["ctrl"] = ["control"],
        ["flowmeter"] = ["flow", "meter"],
        ["flowmetre"] = ["flow", "meter"],
        ["magmeter"] = ["mag", "meter"],
        ["magflowmeter"] = ["mag", "flow", "meter"],
        ["levelmeter"] = ["level", "meter"],
        ["dp"] = ["differential", "pressure"],
        ["deltap"] = ["differential", "pressure"],
        ["δp"] = ["differential", "pressure"],
        ["gwr"] = ["guided", "wave", "radar"],
        ["vfd"] = ["variable", "frequency", "drive"],
        ["vsd"] = ["variable", "frequency", "drive"],
        ["tc"] = ["thermocouple"],
        ["prt"] = ["rtd"],
        ["indicating"] = [],
        ["thermoelement"] = ["thermocouple"],
    };

    /// <summary>Word sequences replaced by canonical words (applied after single-word mapping).</summary>
    private static readonly (string[] From, string[] To)[] SequenceMap =
    [
        (["thermo", "couple"], ["thermocouple"]),
        (["thermo", "well"], ["thermowell"]),
        (["t", "c"], ["thermocouple"]),
        (["flow", "transmitter"], ["flow", "meter"]),
        (["i", "to", "p"], ["ip"]),
        (["i", "p"], ["ip"]),
        (["e", "p"], ["ep"]),
        (["d", "p"], ["differential", "pressure"]),
        (["delta", "p"], ["differential", "pressure"]),
        (["diff", "pressure"], ["differential", "pressure"]),
        (["pt", "100"], ["pt100"]),
        (["pt", "1000"], ["pt1000"]),
        (["pt", "500"], ["pt500"]),
        (["pt", "200"], ["pt200"]),
        (["mag", "flow", "meter"], ["mag", "meter"]),
    ];

    /// <summary>Words whose trailing s is not a plural.</summary>
    private static readonly HashSet<string> KeepS = new(StringComparer.Ordinal)
    {
        "gas", "pass", "bypass", "glass", "brass", "class", "process", "plus", "bus", "fieldbus", "modbus", "mass", "bellows",
        "series", "analysis", "chassis", "atlas", "canvas", "sensus", "status", "radius", "thermos", "ns", "ps", "ss", "ls",
        "pls", "dcs", "ups", "gps", "plc", "bs", "ips", "lcs", "its", "his", "this", "less", "stainless", "cross", "minus",
    };

    /// <summary>Normalizes text to canonical words with their source spans.</summary>
    /// <param name="text">The text (qualifiers may already be blanked out).</param>
    /// <returns>The words.</returns>
    public static List<TextToken> Tokenize(string text)
    {
        var raw = SplitWords(text);
        var mapped = new List<TextToken>(raw.Count + 4);
        foreach (var token in raw)
        {
            var word = Singular(token.Text);
            if (WordMap.TryGetValue(word, out var replacement))
            {
                foreach (var r in replacement)
                {
                    mapped.Add(token with { Text = r });
                }
            }
            else
            {
                mapped.Add(token with { Text = word });
            }
        }

        var sequenced = ApplySequences(mapped);

        // "DP pressure transmitter" expands to "differential pressure pressure transmitter": a doubled word says nothing new.
        for (var i = sequenced.Count - 1; i > 0; i--)
        {
            if (string.Equals(sequenced[i].Text, sequenced[i - 1].Text, StringComparison.Ordinal) && !IsNumber(sequenced[i].Text))
            {
                sequenced[i - 1] = sequenced[i - 1] with { End = sequenced[i].End };
                sequenced.RemoveAt(i);
            }
        }

        return sequenced;
    }

    /// <summary>Normalizes a phrase to canonical words joined by single spaces.</summary>
    /// <param name="text">The phrase.</param>
    /// <returns>The canonical phrase.</returns>
    public static string Canonical(string text) => string.Join(' ', Tokenize(text).Select(static t => t.Text));

    /// <summary>True for a word that is only digits.</summary>
    /// <param name="word">A word.</param>
    /// <returns>Whether it is a number.</returns>
    public static bool IsNumber(string word)
    {
        foreach (var c in word)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return word.Length > 0;
    }

    /// <summary>Makes a plural word singular (transmitters → transmitter, switches → switch, assemblies → assembly).</summary>
    /// <param name="word">A lowercase word.</param>
    /// <returns>The singular.</returns>
    public static string Singular(string word)
    {
        if (word.Length <= 3 || KeepS.Contains(word) || !word.EndsWith('s') || IsNumber(word[..^1]))
        {
            return word;
        }

        if (word.EndsWith("ies", StringComparison.Ordinal) && word.Length > 4)
        {
            return string.Concat(word.AsSpan(0, word.Length - 3), "y");
        }

        if (word.EndsWith("ches", StringComparison.Ordinal) || word.EndsWith("shes", StringComparison.Ordinal) ||
            word.EndsWith("sses", StringComparison.Ordinal) || word.EndsWith("xes", StringComparison.Ordinal) ||
            word.EndsWith("zes", StringComparison.Ordinal))
        {
            return word[..^2];
        }

        if (word.EndsWith("ss", StringComparison.Ordinal) || word.EndsWith("us", StringComparison.Ordinal) || word.EndsWith("is", StringComparison.Ordinal) || word.EndsWith("as", StringComparison.Ordinal))
        {
            return word;
        }

        return word[..^1];
    }

    private static List<TextToken> SplitWords(string text)
    {
        var tokens = new List<TextToken>();
        var sb = new StringBuilder();
        var start = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch is 'Δ' or 'δ' or '∆')
            {
                Flush(i);
                tokens.Add(new TextToken("delta", i, i + 1));
                continue;
            }

            var folded = Fold(ch);
            if (folded is null)
            {
                Flush(i);
                continue;
            }

            if (start < 0)
            {
                start = i;
            }

            sb.Append(folded);
        }

        Flush(text.Length);
        return tokens;

        void Flush(int end)
        {
            if (sb.Length > 0)
            {
                tokens.Add(new TextToken(sb.ToString(), start, end));
                sb.Clear();
            }

            start = -1;
        }
    }

    /// <summary>Lowercase ASCII letters and digits of a character (accents folded), or null for a separator.</summary>
    private static string? Fold(char ch)
    {
        if (char.IsAsciiLetterOrDigit(ch))
        {
            return char.ToLowerInvariant(ch).ToString();
        }

        if (ch < 128 || !char.IsLetterOrDigit(ch))
        {
            return null;
        }

        var decomposed = ch.ToString().Normalize(NormalizationForm.FormD);
        var sb = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && char.IsAsciiLetterOrDigit(c))
            {
                sb.Append(char.ToLowerInvariant(c));
            }
        }

        return ch switch
        {
            'ß' => "ss",
            'æ' or 'Æ' => "ae",
            'ø' or 'Ø' => "o",
            _ => sb.Length > 0 ? sb.ToString() : null,
        };
    }

    private static List<TextToken> ApplySequences(List<TextToken> tokens)
    {
        var result = new List<TextToken>(tokens.Count);
        var i = 0;
        while (i < tokens.Count)
        {
            var applied = false;
            foreach (var (from, to) in SequenceMap)
            {
                if (i + from.Length > tokens.Count)
                {
                    continue;
                }

                var match = true;
                for (var k = 0; k < from.Length; k++)
                {
                    if (!string.Equals(tokens[i + k].Text, from[k], StringComparison.Ordinal))
                    {
                        match = false;
                        break;
                    }
                }

                if (!match)
                {
                    continue;
                }

                var start = tokens[i].Start;
                var end = tokens[i + from.Length - 1].End;
                foreach (var word in to)
                {
                    result.Add(new TextToken(word, start, end));
                }

                i += from.Length;
                applied = true;
                break;
            }

            if (!applied)
            {
                result.Add(tokens[i]);
                i++;
            }
        }

        return result;
    }
}
