namespace SchemaWorkflow.Benchmarks.Infrastructure;

/// <summary>
/// Settings the host process decides from the command line before BenchmarkDotNet reads the benchmark types.
/// Parameter sources consult <see cref="Smoke"/>; the values they return are primitives, so BenchmarkDotNet bakes them
/// into each out-of-process child and the children never need these settings themselves.
/// </summary>
internal static class Suite
{
    /// <summary>Environment variable that forces the reduced smoke matrix (also set by <c>--job dry</c>).</summary>
    public const string SmokeVariable = "SCHEMAWORKFLOW_BENCH_SMOKE";

    /// <summary>True for a smoke pass: every benchmark runs, on a reduced parameter matrix.</summary>
    public static bool Smoke { get; set; } = Environment.GetEnvironmentVariable(SmokeVariable) == "1";

    /// <summary>
    /// True when no <c>--job</c> was given: each class then runs the suite's tuned job. When the command line names a
    /// job, it alone runs (BenchmarkDotNet would otherwise run the class job and the command-line job both).
    /// </summary>
    public static bool UseSuiteJobs { get; set; } = true;

    /// <summary>True to run the tuned jobs with the in-process toolchain (<c>--inProcess</c> without <c>--job</c>).</summary>
    public static bool InProcess { get; set; }

    /// <summary>Picks the full or the smoke list.</summary>
    public static IEnumerable<T> Pick<T>(IEnumerable<T> full, IEnumerable<T> smoke) => Smoke ? smoke : full;
}
