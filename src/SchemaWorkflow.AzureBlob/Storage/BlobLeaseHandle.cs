using Azure;
using Azure.Storage.Blobs.Specialized;
using Microsoft.Extensions.Logging;
using SchemaWorkflow.AzureBlob.Diagnostics;

namespace SchemaWorkflow.AzureBlob;

/// <summary>
/// A held generation lease: renewed in the background on a <see cref="TimeProvider"/> timer while held, released on
/// dispose. If renewal fails for good (the lease expired and someone else took it), the handle stops renewing and
/// logs; the holder's eventual write is still conditional, so it cannot overwrite the new holder's schema.
/// </summary>
internal sealed class BlobLeaseHandle : IAsyncDisposable
{
    private const int Held = 0;
    private const int Lost = 1;
    private const int Abandoned = 2;
    private const int Disposed = 3;

    private readonly AzureBlobSchemaStore _store;
    private readonly string _blobName;
    private readonly BlobLeaseClient _lease;
    private readonly TimeSpan _renewEvery;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _gate = new();
    private ITimer? _timer;
    private Task _renewal = Task.CompletedTask;
    private int _state;
    private int _renewals;

    public BlobLeaseHandle(AzureBlobSchemaStore store, string blobName, BlobLeaseClient lease, TimeSpan renewEvery, TimeProvider timeProvider, ILogger logger)
    {
        _store = store;
        _blobName = blobName;
        _lease = lease;
        _renewEvery = renewEvery;
        _timeProvider = timeProvider;
        _logger = logger;
    }

    /// <summary>Successful renewals so far.</summary>
    public int Renewals => Volatile.Read(ref _renewals);

    /// <summary>True when renewal found the lease gone.</summary>
    public bool IsLost => Volatile.Read(ref _state) == Lost;

    public void Start() => _timer = _timeProvider.CreateTimer(static s => ((BlobLeaseHandle)s!).OnTick(), this, _renewEvery, _renewEvery);

    /// <summary>Stops renewing and never releases, as if the process had died.</summary>
    public void Abandon()
    {
        if (Interlocked.CompareExchange(ref _state, Abandoned, Held) != Held)
        {
            return;
        }

        _timer?.Dispose();
        try
        {
            _stop.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // Disposed at the same moment: nothing left to stop.
        }

        AzureBlobLog.LeaseAbandoned(_logger, _blobName);
    }

    public async ValueTask DisposeAsync()
    {
        var previous = Interlocked.Exchange(ref _state, Disposed);
        if (previous == Disposed)
        {
            return;
        }

        _store.Forget(this);
        if (_timer is { } timer)
        {
            await timer.DisposeAsync().ConfigureAwait(false);
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        Task renewal;
        lock (_gate)
        {
            renewal = _renewal;
        }

        await renewal.ConfigureAwait(false);
        _stop.Dispose();
        if (previous != Held)
        {
            return;
        }

        try
        {
            await _lease.ReleaseAsync().ConfigureAwait(false);
            AzureBlobLog.LeaseReleased(_logger, _blobName);
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // Expired and taken by another instance (or the blob is gone): nothing of ours to release.
            AzureBlobLog.LeaseLost(_logger, _blobName, $"HTTP {ex.Status} {ex.ErrorCode} on release");
        }
        catch (Exception ex)
        {
            throw _store.Unavailable("release the generation lease on", _blobName, ex);
        }
    }

    private void OnTick()
    {
        lock (_gate)
        {
            // One renewal at a time; a tick that finds one still running skips.
            if (!_renewal.IsCompleted || Volatile.Read(ref _state) != Held)
            {
                return;
            }

            _renewal = RenewAsync();
        }
    }

    private async Task RenewAsync()
    {
        try
        {
            await _lease.RenewAsync(cancellationToken: _stop.Token).ConfigureAwait(false);
            Interlocked.Increment(ref _renewals);
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Disposed or abandoned meanwhile.
        }
        catch (RequestFailedException ex) when (ex.Status is 404 or 409 or 412)
        {
            // LeaseIdMismatch / LeaseNotPresent / LeaseLost: it expired and is gone; renewing again cannot help.
            if (Interlocked.CompareExchange(ref _state, Lost, Held) == Held)
            {
                _timer?.Dispose();
                AzureBlobLog.LeaseLost(_logger, _blobName, $"HTTP {ex.Status} {ex.ErrorCode} on renewal");
            }
        }
        catch (Exception ex)
        {
            // Transient (the SDK already retried): the lease has two more intervals before it expires.
            AzureBlobLog.LeaseRenewalFailed(_logger, ex, _blobName);
        }
    }
}
