using System.Diagnostics;
using System.Globalization;
using System.Runtime.CompilerServices;

namespace SchemaWorkflow.Benchmarks.Simulation;

/// <summary>
/// A fixed amount of CPU work per simulated millisecond. The rate is calibrated once in the host process (and handed to
/// the out-of-process benchmark children through an environment variable), so every benchmark of a run burns the
/// same work per "millisecond" and the CPU-bound ideal (total work ÷ cores) is comparable across benchmarks.
/// </summary>
public static class CpuWork
{
    public const string RateVariable = "SCHEMAWORKFLOW_BENCH_CPU_ITERATIONS_PER_MS";

    private static long s_sink;

    /// <summary>Loop iterations that take one millisecond on one otherwise idle core of this machine.</summary>
    public static long IterationsPerMs { get; } = ReadOrCalibrate();

    /// <summary>Burns the work of <paramref name="milliseconds"/> on the calling thread.</summary>
    public static void Burn(double milliseconds) => Spin((long)(milliseconds * IterationsPerMs));

    /// <summary>Calibrates the rate: the best of several short timed runs, so a preempted run does not skew it.</summary>
    public static long Calibrate()
    {
        Spin(2_000_000);
        var best = 0.0;
        for (var i = 0; i < 7; i++)
        {
            const long n = 4_000_000;
            var t = Stopwatch.GetTimestamp();
            Spin(n);
            var ms = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            best = Math.Max(best, n / ms);
        }

        return (long)best;
    }

    private static long ReadOrCalibrate() =>
        long.TryParse(Environment.GetEnvironmentVariable(RateVariable), NumberStyles.None, CultureInfo.InvariantCulture, out var rate) && rate > 0
            ? rate
            : Calibrate();

    // Full optimisation from the first call, so the rate does not change when tiered compilation kicks in.
    [MethodImpl(MethodImplOptions.NoInlining | MethodImplOptions.AggressiveOptimization)]
    private static void Spin(long iterations)
    {
        var x = 0x9E3779B97F4A7C15UL;
        for (long i = 0; i < iterations; i++)
        {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
        }

        Volatile.Write(ref s_sink, (long)x);
    }
}
