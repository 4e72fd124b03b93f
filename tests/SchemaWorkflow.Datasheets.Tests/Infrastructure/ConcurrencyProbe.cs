namespace SchemaWorkflow.Datasheets.Tests.Infrastructure;

/// <summary>
/// Counts work items in flight. With a gate of N, the first items wait until N are in flight at once (proving they
/// overlap), then all pass; a test that never reaches N fails on the gate's timeout instead of hanging.
/// </summary>
internal sealed class ConcurrencyProbe(int gate = 0)
{
    private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _inFlight;
    private int _max;

    public int MaxInFlight => Volatile.Read(ref _max);

    public bool GateOpened => _open.Task.IsCompleted;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var now = Interlocked.Increment(ref _inFlight);
        InterlockedMax(now);
        try
        {
            if (gate > 0)
            {
                if (now >= gate)
                {
                    _open.TrySetResult();
                }

                await _open.Task.WaitAsync(TimeSpan.FromSeconds(10), cancellationToken);
            }
            else
            {
                await Task.Yield();
            }
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    private void InterlockedMax(int value)
    {
        int seen;
        while (value > (seen = Volatile.Read(ref _max)) && Interlocked.CompareExchange(ref _max, value, seen) != seen)
        {
        }
    }
}
