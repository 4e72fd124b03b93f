using System.Globalization;
using BenchmarkDotNet.Running;
using SchemaWorkflow.Benchmarks.Infrastructure;
using SchemaWorkflow.Benchmarks.Simulation;

var arguments = new List<string>(args);
var job = JobArgument(arguments);
Suite.UseSuiteJobs = job is null;
if (job is null && arguments.Remove("--inProcess"))
{
    // Without --job, BenchmarkDotNet would add a default in-process job next to each class's tuned job: run the
    // tuned jobs in process instead.
    Suite.InProcess = true;
}

if (string.Equals(job, "dry", StringComparison.OrdinalIgnoreCase))
{
    // A smoke pass: every benchmark and every correctness check runs once, on a reduced matrix, in one process
    // (set SCHEMAWORKFLOW_BENCH_OOP=1 to keep the out-of-process toolchain for a dry run).
    Suite.Smoke = true;
    Environment.SetEnvironmentVariable(Suite.SmokeVariable, "1");
    if (!arguments.Contains("--inProcess") && Environment.GetEnvironmentVariable("SCHEMAWORKFLOW_BENCH_OOP") != "1")
    {
        arguments.Add("--inProcess");
    }
}

// Calibrate the simulated CPU work once, here, and hand the rate to every out-of-process child.
Environment.SetEnvironmentVariable(CpuWork.RateVariable, CpuWork.IterationsPerMs.ToString(CultureInfo.InvariantCulture));

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run([.. arguments]).ToList();

// BenchmarkDotNet exits 0 even when a benchmark throws or the filter matches nothing: decide here.
var failed = summaries.Count == 0 || summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Length == 0 || s.Reports.Any(r => !r.Success));
foreach (var summary in summaries)
{
    foreach (var report in summary.Reports.Where(r => !r.Success))
    {
        Console.Error.WriteLine($"FAILED: {report.BenchmarkCase.DisplayInfo}");
    }
}

Console.WriteLine(failed ? "Benchmark suite: FAILED (see above)." : $"Benchmark suite: {summaries.Sum(s => s.Reports.Length)} benchmarks succeeded.");
return failed ? 1 : 0;

static string? JobArgument(List<string> arguments)
{
    for (var i = 0; i < arguments.Count; i++)
    {
        var a = arguments[i];
        if ((a is "--job" or "-j") && i + 1 < arguments.Count)
        {
            return arguments[i + 1];
        }

        if (a.StartsWith("--job=", StringComparison.Ordinal))
        {
            return a["--job=".Length..];
        }
    }

    return null;
}
