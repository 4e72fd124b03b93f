using System.Globalization;

namespace SchemaWorkflow.Benchmarks.Simulation;

/// <summary>
/// A strategy benchmark case: provider kind, number of products N and concurrency C, written as
/// <c>"Async N=3 C=16"</c> (C omitted for the sequential strategy, which ignores it). A string, so BenchmarkDotNet
/// bakes it into each out-of-process child as a literal and the matrix can be chosen case by case.
/// </summary>
public readonly record struct Workload(ProviderKind Provider, int N, int C)
{
    public static Workload Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var provider = Enum.Parse<ProviderKind>(parts[0]);
        var n = Value(parts, "N=") ?? throw new FormatException($"'{text}' has no N=.");
        return new Workload(provider, n, Value(parts, "C=") ?? 1);

        static int? Value(string[] parts, string prefix)
        {
            foreach (var p in parts)
            {
                if (p.StartsWith(prefix, StringComparison.Ordinal))
                {
                    return int.Parse(p.AsSpan(prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture);
                }
            }

            return null;
        }
    }

    public static string Format(ProviderKind provider, int n, int? c = null) =>
        c is null ? $"{provider} N={n}" : $"{provider} N={n} C={c}";

    /// <summary>N product names that fold to N distinct keys.</summary>
    public string[] ProductNames(string prefix = "Product") =>
        [.. Enumerable.Range(1, N).Select(i => string.Create(CultureInfo.InvariantCulture, $"{prefix} {i:D4}"))];
}
