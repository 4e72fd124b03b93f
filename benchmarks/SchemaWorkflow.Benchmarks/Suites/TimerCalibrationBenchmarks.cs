using BenchmarkDotNet.Attributes;
using SchemaWorkflow.Benchmarks.Infrastructure;
using SchemaWorkflow.Benchmarks.Simulation;

namespace SchemaWorkflow.Benchmarks.Suites;

/// <summary>
/// Calibration for the millisecond-scale benchmarks: what one simulated step of each size really takes on this
/// machine, in the same run. Timers on Linux fire on a ~1 ms grid, so <c>Task.Delay(15)</c> takes a little more than
/// 15 ms; the "ideal" of every latency benchmark is measured from these same primitives (see the CriticalPath
/// baselines), never assumed.
/// </summary>
[MemoryDiagnoser]
[SuiteJob(SuiteJobKind.Macro, iterations: 15)]
public class TimerCalibrationBenchmarks
{
    [ParamsSource(nameof(Sizes))]
    public int Ms { get; set; }

    public static IEnumerable<int> Sizes => Suite.Pick<int>([1, 10, 15, 25, 42, 45], [15]);

    [Benchmark(Baseline = true, Description = "await Task.Delay(ms)")]
    public Task TaskDelay() => Task.Delay(Ms);

    [Benchmark(Description = "Thread.Sleep(ms)")]
    public void ThreadSleep() => Thread.Sleep(Ms);

    [Benchmark(Description = "CPU work of ms (calibrated)")]
    public void CpuBurn() => CpuWork.Burn(Ms);
}
