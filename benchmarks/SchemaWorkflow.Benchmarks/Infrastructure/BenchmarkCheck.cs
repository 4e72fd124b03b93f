namespace SchemaWorkflow.Benchmarks.Infrastructure;

/// <summary>
/// Correctness checks inside benchmarks. A failed check throws, which fails the benchmark, which makes the program
/// exit non-zero: a number measured on a wrong result is never reported as a success.
/// </summary>
internal static class BenchmarkCheck
{
    public static void That(bool condition, string message)
    {
        if (!condition)
        {
            throw new BenchmarkCheckException(message);
        }
    }

    public static void AllSucceeded(IReadOnlyList<SchemaResult> results, int expected, SchemaSource? source = null)
    {
        That(results.Count == expected, $"Expected {expected} results, got {results.Count}.");
        foreach (var r in results)
        {
            That(r.Succeeded, $"'{r.RequestedName}' failed: {r.Error?.Code} {r.Error?.Message}");
            if (source is { } s)
            {
                That(r.Source == s, $"'{r.RequestedName}' came from {r.Source}, expected {s}.");
            }
        }
    }
}

/// <summary>A correctness check inside a benchmark failed.</summary>
internal sealed class BenchmarkCheckException(string message) : Exception(message);
