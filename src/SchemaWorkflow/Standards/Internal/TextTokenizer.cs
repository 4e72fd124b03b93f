namespace SchemaWorkflow.Standards.Internal;

/// <summary>
/// Splits text into lowercase terms for lexical ranking: letters and digits only, stop words dropped, a plural
/// "s" stripped so "classes" meets "class".
/// </summary>
internal static class TextTokenizer
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "is", "it", "its", "of", "on", "or",
        "the", "to", "with", "per", "than", "that", "this", "which", "when", "each", "any", "one", "not", "no",
    };

    public static void AddTokens(string? text, List<string> into)
    {
        if (string.IsNullOrEmpty(text))
        {
            return;
        }

        var start = -1;
        for (var i = 0; i <= text.Length; i++)
        {
            var isWordChar = i < text.Length && char.IsLetterOrDigit(text[i]);
            if (isWordChar && start < 0)
            {
                start = i;
            }
            else if (!isWordChar && start >= 0)
            {
                AddTerm(text.AsSpan(start, i - start), into);
                start = -1;
            }
        }
    }

    public static List<string> Tokenize(params string?[] texts)
    {
        var list = new List<string>();
        foreach (var t in texts)
        {
            AddTokens(t, list);
        }

        return list;
    }

    private static void AddTerm(ReadOnlySpan<char> word, List<string> into)
    {
        Span<char> lower = word.Length <= 64 ? stackalloc char[word.Length] : new char[word.Length];
        word.ToLowerInvariant(lower);
        if (lower.Length > 3 && lower[^1] == 's' && lower[^2] != 's' && lower[^2] != 'u' && lower[^2] != 'i')
        {
            lower = lower[..^1];
        }

        var term = new string(lower);
        if (!StopWords.Contains(term))
        {
            into.Add(term);
        }
    }
}
