namespace SchemaWorkflow.Catalog.Resolution;

/// <summary>Optimal-string-alignment distance (Levenshtein plus adjacent transposition: "guage" is one edit from "gauge").</summary>
internal static class EditDistance
{
    /// <summary>The distance, or a value above <paramref name="limit"/> as soon as it is certain to exceed it.</summary>
    /// <param name="a">First word.</param>
    /// <param name="b">Second word.</param>
    /// <param name="limit">The largest distance of interest.</param>
    /// <returns>The distance.</returns>
    public static int Osa(string a, string b, int limit)
    {
        var n = a.Length;
        var m = b.Length;
        if (Math.Abs(n - m) > limit)
        {
            return limit + 1;
        }

        if (m > 64)
        {
            return limit + 1;
        }

        Span<int> buffer = stackalloc int[3 * (m + 1)];
        var prev2 = buffer[..(m + 1)];
        var prev = buffer.Slice(m + 1, m + 1);
        var cur = buffer.Slice(2 * (m + 1), m + 1);
        for (var j = 0; j <= m; j++)
        {
            prev[j] = j;
        }

        for (var i = 1; i <= n; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= m; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var v = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    v = Math.Min(v, prev2[j - 2] + 1);
                }

                cur[j] = v;
                rowMin = Math.Min(rowMin, v);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            var rotate = prev2;
            prev2 = prev;
            prev = cur;
            cur = rotate;
        }

        return prev[m];
    }
}
