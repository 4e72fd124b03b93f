namespace SchemaWorkflow.Benchmarks.Simulation;

/// <summary>How a simulated provider spends the time of one step.</summary>
public enum ProviderKind
{
    /// <summary>(a) An asynchronous wait (<see cref="Task.Delay(int, CancellationToken)"/>), as an HTTP or LLM client does.</summary>
    Async,

    /// <summary>(b) A blocking wait (<see cref="Thread.Sleep(int)"/>), as a synchronous SDK does: the thread is held.</summary>
    Blocking,

    /// <summary>(c) CPU-bound work of the step's length on one core (calibrated), as local parsing or extraction does.</summary>
    Cpu,
}
