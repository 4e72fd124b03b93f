namespace SchemaWorkflow.Benchmarks.Simulation;

/// <summary>One step of a simulated provider: wait asynchronously, block the thread, or burn CPU.</summary>
public static class SimulatedStep
{
    public static ValueTask RunAsync(ProviderKind kind, int milliseconds, CancellationToken cancellationToken)
    {
        switch (kind)
        {
            case ProviderKind.Async:
                return new ValueTask(Task.Delay(milliseconds, cancellationToken));
            case ProviderKind.Blocking:
                Thread.Sleep(milliseconds);
                return ValueTask.CompletedTask;
            default:
                CpuWork.Burn(milliseconds);
                return ValueTask.CompletedTask;
        }
    }
}
