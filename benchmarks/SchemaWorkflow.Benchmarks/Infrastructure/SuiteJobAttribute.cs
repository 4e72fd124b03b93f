using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using Perfolizer.Horology;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace SchemaWorkflow.Benchmarks.Infrastructure;

/// <summary>The two tuned jobs of the suite.</summary>
internal enum SuiteJobKind
{
    /// <summary>
    /// Nanosecond- to microsecond-scale operations: BenchmarkDotNet's pilot picks the invocation count; 3 warm-up and
    /// 10 (or a class-chosen number of) measured iterations of ~250 ms each.
    /// </summary>
    Micro,

    /// <summary>
    /// Millisecond-scale operations with per-iteration setup: one invocation per iteration (Monitoring strategy, no
    /// pilot, no overhead subtraction), 1 warm-up iteration and a class-chosen number of measured iterations.
    /// </summary>
    Macro,
}

/// <summary>Applies the suite's tuned job to a benchmark class unless the command line chose a job.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
internal sealed class SuiteJobAttribute : Attribute, IConfigSource
{
    /// <param name="kind">Micro or Macro.</param>
    /// <param name="iterations">Measured iterations; 0 takes the kind's default (10 for Micro, 5 for Macro).</param>
    public SuiteJobAttribute(SuiteJobKind kind, int iterations = 0)
    {
        var config = ManualConfig.CreateEmpty();
        if (Suite.UseSuiteJobs)
        {
            var job = Create(kind, iterations);
            config.AddJob(Suite.InProcess ? job.WithToolchain(InProcessEmitToolchain.Instance) : job);
        }

        Config = config;
    }

    public IConfig Config { get; }

    public static Job Create(SuiteJobKind kind, int iterations) => kind switch
    {
        SuiteJobKind.Micro => Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(iterations > 0 ? iterations : 10)
            .WithIterationTime(TimeInterval.FromMilliseconds(250))
            .WithId("Micro"),
        _ => Job.Default
            .WithStrategy(RunStrategy.Monitoring)
            .WithLaunchCount(1)
            .WithWarmupCount(1)
            .WithIterationCount(iterations > 0 ? iterations : 5)
            .WithInvocationCount(1)
            .WithUnrollFactor(1)
            .WithId("Macro"),
    };
}
