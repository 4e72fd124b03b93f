namespace SchemaWorkflow.AI.Resilience;

/// <summary>
/// An AIMD concurrency limiter: callers wait in FIFO order for a slot; a throttle signal multiplies the limit by the
/// decrease factor, a success adds 1/limit while the limit is saturated (calls wait or every slot is taken). A throttle only lowers the limit when the throttled call started after the
/// previous decrease, so one overload wave (many 429s at once) halves the limit once, not once per call.
/// </summary>
internal sealed class AdaptiveConcurrencyLimiter
{
    private readonly object _gate = new();
    private readonly LinkedList<TaskCompletionSource<Lease>> _waiters = new();
    private readonly double _min;
    private readonly double _max;
    private readonly double _factor;
    private readonly bool _adaptive;
    private double _limit;
    private int _inFlight;
    private long _epoch;
    private long _decreases;

    public AdaptiveConcurrencyLimiter(AdaptiveConcurrencyOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _adaptive = options.Enabled;
        _min = options.MinLimit;
        _max = options.MaxLimit;
        _factor = options.DecreaseFactor;
        _limit = options.Enabled ? Math.Clamp(options.InitialLimit, options.MinLimit, options.MaxLimit) : options.MaxLimit;
    }

    /// <summary>Raised after the limit changed, with the new whole limit.</summary>
    public event Action<int>? LimitChanged;

    /// <summary>The whole number of calls allowed at once now.</summary>
    public int Limit
    {
        get
        {
            lock (_gate)
            {
                return Cap;
            }
        }
    }

    /// <summary>Calls holding a slot now.</summary>
    public int InFlight => Volatile.Read(ref _inFlight);

    /// <summary>Calls waiting for a slot now.</summary>
    public int Waiting
    {
        get
        {
            lock (_gate)
            {
                return _waiters.Count;
            }
        }
    }

    /// <summary>How many times a throttle lowered the limit.</summary>
    public long Decreases => Interlocked.Read(ref _decreases);

    private int Cap => Math.Max(1, (int)Math.Floor(_limit));

    /// <summary>Waits for a slot.</summary>
    /// <param name="cancellationToken">Cancels the wait.</param>
    /// <returns>The lease; complete it with the call's outcome.</returns>
    public ValueTask<Lease> AcquireAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        TaskCompletionSource<Lease> waiter;
        LinkedListNode<TaskCompletionSource<Lease>> node;
        lock (_gate)
        {
            if (_waiters.Count == 0 && _inFlight < Cap)
            {
                _inFlight++;
                return new ValueTask<Lease>(new Lease(this, _epoch));
            }

            waiter = new TaskCompletionSource<Lease>(TaskCreationOptions.RunContinuationsAsynchronously);
            node = _waiters.AddLast(waiter);
        }

        return new ValueTask<Lease>(WaitAsync(waiter, node, cancellationToken));
    }

    private async Task<Lease> WaitAsync(TaskCompletionSource<Lease> waiter, LinkedListNode<TaskCompletionSource<Lease>> node, CancellationToken cancellationToken)
    {
        await using var registration = cancellationToken.Register(() =>
        {
            lock (_gate)
            {
                if (node.List is not null)
                {
                    _waiters.Remove(node);
                    waiter.TrySetCanceled(cancellationToken);
                }
            }
        }).ConfigureAwait(false);
        return await waiter.Task.ConfigureAwait(false);
    }

    private void Release(long epoch, LeaseOutcome outcome)
    {
        int? changed = null;
        lock (_gate)
        {
            // Grow only while the limit is what holds calls back; an idle limit that grew would release a burst later.
            var saturated = _inFlight >= Cap || _waiters.Count > 0;
            _inFlight--;
            var before = Cap;
            if (_adaptive)
            {
                switch (outcome)
                {
                    case LeaseOutcome.Success when saturated:
                        _limit = Math.Min(_max, _limit + (1.0 / Math.Max(1.0, _limit)));
                        break;
                    case LeaseOutcome.Throttled when epoch == _epoch:
                        _limit = Math.Max(_min, Math.Floor(_limit * _factor));
                        _epoch++;
                        _decreases++;
                        break;
                }
            }

            while (_inFlight < Cap && _waiters.First is { } first)
            {
                _waiters.RemoveFirst();
                _inFlight++;
                if (!first.Value.TrySetResult(new Lease(this, _epoch)))
                {
                    _inFlight--;
                }
            }

            if (Cap != before)
            {
                changed = Cap;
            }
        }

        if (changed is { } limit)
        {
            LimitChanged?.Invoke(limit);
        }
    }

    /// <summary>What a call's outcome tells the limiter.</summary>
    internal enum LeaseOutcome
    {
        /// <summary>Nothing (a failure that says nothing about capacity).</summary>
        Neutral,

        /// <summary>The call succeeded: grow the limit additively.</summary>
        Success,

        /// <summary>The call was throttled: shrink the limit multiplicatively.</summary>
        Throttled,
    }

    /// <summary>One slot, held for the duration of one attempt.</summary>
    internal sealed class Lease
    {
        private readonly AdaptiveConcurrencyLimiter _owner;
        private readonly long _epoch;
        private int _released;

        internal Lease(AdaptiveConcurrencyLimiter owner, long epoch)
        {
            _owner = owner;
            _epoch = epoch;
        }

        /// <summary>Releases the slot, reporting the outcome (once; later calls do nothing).</summary>
        /// <param name="outcome">What the call's outcome says about capacity.</param>
        public void Complete(LeaseOutcome outcome)
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                _owner.Release(_epoch, outcome);
            }
        }
    }
}
