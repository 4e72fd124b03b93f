namespace SchemaWorkflow.Internal;

/// <summary>The global limit on generations running at once, shared by every caller of one workflow.</summary>
internal sealed class ConcurrencyLimiter : IDisposable
{
    private readonly SemaphoreSlim _semaphore;

    public ConcurrencyLimiter(int limit)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        Limit = limit;
        _semaphore = new SemaphoreSlim(limit, limit);
    }

    public int Limit { get; }

    public int InUse => Limit - _semaphore.CurrentCount;

    public async ValueTask<Releaser> EnterAsync(CancellationToken cancellationToken)
    {
        await _semaphore.WaitAsync(cancellationToken).ConfigureAwait(false);
        return new Releaser(_semaphore);
    }

    public void Dispose() => _semaphore.Dispose();

    internal readonly struct Releaser(SemaphoreSlim semaphore) : IDisposable
    {
        public void Dispose() => semaphore.Release();
    }
}
