using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SchemaWorkflow.Caching;
using SchemaWorkflow.Diagnostics;
using SchemaWorkflow.Enrichment;
using SchemaWorkflow.Execution;
using SchemaWorkflow.Generation;
using SchemaWorkflow.Quality;
using SchemaWorkflow.Serialization;
using SchemaWorkflow.Storage;

namespace SchemaWorkflow.Internal;

/// <summary>The orchestrator behind <see cref="ISchemaWorkflow"/>.</summary>
internal sealed class SchemaWorkflowService : ISchemaWorkflow, IDisposable
{
    private static readonly KeyValuePair<string, object?> SessionCacheTag = new("source", "session_cache");

    private readonly SchemaWorkflowOptions _options;
    private readonly IProductTypeResolver _resolver;
    private readonly ISessionCache _sessionCache;
    private readonly ISchemaStore _store;
    private readonly SchemaGeneratorChain _generators;
    private readonly ISchemaEnricher? _enricher;
    private readonly IReadOnlyDictionary<ExecutionStrategyKind, IExecutionStrategy> _strategies;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SchemaWorkflowDiagnostics _diagnostics;
    private readonly ConcurrencyLimiter _limiter;
    private readonly SingleFlight<(ProductTypeKey Key, bool Force), FlightOutcome> _flights = new();
    private readonly HashSet<string> _acceptedFingerprints;
    private const int FallbackKeyMemoLimit = 4096;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, ProductTypeKey> _fallbackKeys = new(StringComparer.Ordinal);

    public SchemaWorkflowService(
        IOptions<SchemaWorkflowOptions> options,
        IProductTypeResolver resolver,
        ISessionCache sessionCache,
        ISchemaStore store,
        SchemaGeneratorChain generators,
        IEnumerable<ISchemaEnricher> enrichers,
        IEnumerable<IExecutionStrategy> strategies,
        SchemaWorkflowDiagnostics diagnostics,
        TimeProvider? timeProvider = null,
        ILogger<SchemaWorkflowService>? logger = null)
    {
        _options = options.Value;
        _resolver = resolver;
        _sessionCache = sessionCache;
        _store = store;
        _generators = generators;
        _enricher = enrichers.LastOrDefault();
        var map = new Dictionary<ExecutionStrategyKind, IExecutionStrategy>
        {
            [ExecutionStrategyKind.Async] = AsyncExecutionStrategy.Instance,
            [ExecutionStrategyKind.Parallel] = ParallelExecutionStrategy.Instance,
            [ExecutionStrategyKind.Sequential] = SequentialExecutionStrategy.Instance,
        };
        foreach (var s in strategies)
        {
            map[s.Kind] = s;
        }

        _strategies = map;
        _diagnostics = diagnostics;
        _time = timeProvider ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _limiter = new ConcurrencyLimiter(_options.MaxConcurrency);
        _acceptedFingerprints = new HashSet<string>(
            _generators.Generators.Select(g => ComposeFingerprint(g.Fingerprint)),
            StringComparer.Ordinal);
    }

    /// <summary>Generations running right now, for tests and diagnostics.</summary>
    internal int GenerationsInUse => _limiter.InUse;

    public ValueTask<SchemaResult> GetOrGenerateAsync(string productType, SchemaRequestOptions? options = null, CancellationToken cancellationToken = default)
    {
        ProductTypeText.Validate(productType, _options.MaxProductTypeLength);
        options ??= SchemaRequestOptions.Default;
        if (options.SessionId is { } sessionId)
        {
            ValidateSessionId(sessionId);
        }

        var resolving = _resolver.ResolveAsync(productType, cancellationToken);

        // The hit path runs synchronously and allocates nothing: memoized resolution, then the session cache. The
        // request clock starts once a hit is ruled out, so a hit does not read the clock; durations then leave out
        // only the resolver's synchronous part (for the built-in resolvers a memo lookup, well under 1 µs).
        if (resolving.IsCompletedSuccessfully)
        {
            var resolution = resolving.Result;
            if (options.SessionId is { } sid && !options.ForceRegenerate &&
                (resolution.Key ?? FallbackKey(productType)) is var key &&
                _sessionCache.TryGet(sid, key, out var hit))
            {
                _diagnostics.Requests.Add(1, SessionCacheTag);
                SchemaWorkflowLog.SessionCacheHit(_logger, key.Value);
                return new ValueTask<SchemaResult>(hit);
            }

            // A generation of this type is running: join it on a lean path (see JoinAsync). Every caller after the
            // first in a stampede comes here.
            var noFlightSeen = false;
            if (!options.ForceRegenerate && !cancellationToken.IsCancellationRequested)
            {
                var joinKey = resolution.Key ?? FallbackKey(productType);
                if (_flights.TryJoinRunning((joinKey, false)) is { } running)
                {
                    return new ValueTask<SchemaResult>(JoinAsync(running, productType, joinKey, options, _time.GetTimestamp(), cancellationToken));
                }

                noFlightSeen = true;
            }

            return new ValueTask<SchemaResult>(GetSlowAsync(productType, new ValueTask<ProductTypeResolution>(resolution), options, _time.GetTimestamp(), cancellationToken, noFlightSeen, startInline: !cancellationToken.CanBeCanceled));
        }

        return new ValueTask<SchemaResult>(GetSlowAsync(productType, resolving, options, _time.GetTimestamp(), cancellationToken, startInline: !cancellationToken.CanBeCanceled));
    }

    public async Task<IReadOnlyList<SchemaResult>> GetOrGenerateManyAsync(IEnumerable<string> productTypes, SchemaRequestOptions? options = null, IProgress<BatchProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        var items = MaterializeBatch(productTypes);
        var results = new SchemaResult[items.Count];
        await RunBatchAsync(items, options ?? SchemaRequestOptions.Default, (index, result) => results[index] = result, progress, cancellationToken).ConfigureAwait(false);
        return results;
    }

    public async IAsyncEnumerable<SchemaResult> StreamAsync(IEnumerable<string> productTypes, SchemaRequestOptions? options = null, IProgress<BatchProgress>? progress = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var items = MaterializeBatch(productTypes);
        var channel = Channel.CreateUnbounded<SchemaResult>(new UnboundedChannelOptions { SingleReader = true });
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = ProduceAsync();

        await foreach (var result in channel.Reader.ReadAllAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return result;
        }

        await producer.ConfigureAwait(false);

        async Task ProduceAsync()
        {
            try
            {
                await RunBatchAsync(items, options ?? SchemaRequestOptions.Default, (_, result) => channel.Writer.TryWrite(result), progress, linked.Token).ConfigureAwait(false);
                channel.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                channel.Writer.TryComplete(ex);
            }
        }
    }

    public void ClearSession(string sessionId)
    {
        ValidateSessionId(sessionId);
        _sessionCache.Clear(sessionId);
    }

    public async ValueTask<bool> InvalidateAsync(string productType, CancellationToken cancellationToken = default)
    {
        ProductTypeText.Validate(productType, _options.MaxProductTypeLength);
        var resolution = await _resolver.ResolveAsync(productType, cancellationToken).ConfigureAwait(false);
        var key = resolution.Key ?? FallbackKey(productType);
        return await _store.DeleteAsync(key, cancellationToken).ConfigureAwait(false);
    }

    public void Dispose() => _limiter.Dispose();

    private List<string?> MaterializeBatch(IEnumerable<string> productTypes)
    {
        ArgumentNullException.ThrowIfNull(productTypes);

        // Sized up front when the count is known: a large batch's list is a large-object-heap array, and growing it
        // by doubling left as much again behind as garbage there (which counts toward the next gen-2 collection).
        var items = productTypes.TryGetNonEnumeratedCount(out var count)
            ? new List<string?>(Math.Min(count, _options.MaxBatchSize))
            : new List<string?>();
        foreach (var item in productTypes)
        {
            items.Add(item);
            if (items.Count > _options.MaxBatchSize)
            {
                throw new ArgumentException($"The batch has more than {_options.MaxBatchSize} product types. Split it, or raise SchemaWorkflowOptions.MaxBatchSize.", nameof(productTypes));
            }
        }

        return items;
    }

    private async Task RunBatchAsync(List<string?> items, SchemaRequestOptions options, Action<int, SchemaResult> onResult, IProgress<BatchProgress>? progress, CancellationToken cancellationToken)
    {
        if (options.SessionId is { } sessionId)
        {
            ValidateSessionId(sessionId);
        }

        var strategy = GetStrategy(options);
        var itemOptions = options.Strategy == strategy.Kind ? options : options with { Strategy = strategy.Kind };
        var concurrency = Math.Clamp(options.MaxConcurrency ?? _options.MaxConcurrency, 1, 1024);
        var total = items.Count;
        var completed = 0;

        // De-duplicate by key: aliases of one type run once and share the result. The items of one key form a chain
        // through `next` (index + 1, 0 ends it), so a batch of distinct types allocates no list per type.
        // Both sized for a batch of distinct types (the common case), so neither grows through a series of
        // large-object-heap arrays on a large batch.
        var byKey = new Dictionary<ProductTypeKey, int>(items.Count);
        var next = new int[items.Count];
        var work = new List<BatchWork>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var text = items[i];
            var problem = ProductTypeText.FindProblem(text, _options.MaxProductTypeLength);
            if (problem is not null)
            {
                Complete(i, Failed(text ?? string.Empty, null, SchemaErrorCode.InvalidInput, problem, strategy.Kind, 0));
                continue;
            }

            var resolution = await _resolver.ResolveAsync(text!, cancellationToken).ConfigureAwait(false);
            ProductTypeKey key;
            try
            {
                key = resolution.Key ?? FallbackKey(text!);
            }
            catch (ArgumentException ex)
            {
                Complete(i, Failed(text!, null, SchemaErrorCode.InvalidInput, ex.Message, strategy.Kind, 0));
                continue;
            }

            if (byKey.TryGetValue(key, out var w))
            {
                next[work[w].Last] = i + 1;
                work[w] = work[w] with { Last = i };
            }
            else
            {
                byKey[key] = work.Count;
                work.Add(new BatchWork(key, text!, resolution, i, i));
            }
        }

        await strategy.RunAsync(work, concurrency, async (item, ct) =>
        {
            SchemaResult result;
            var start = _time.GetTimestamp();
            try
            {
                result = await GetSlowAsync(item.Name, new ValueTask<ProductTypeResolution>(item.Resolution), itemOptions, start, ct).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception ex)
            {
                result = Failed(item.Name, item.Key, SchemaErrorCode.Unknown, $"The request failed unexpectedly: {ex.Message}", strategy.Kind, start);
            }

            for (var index = item.First; ;)
            {
                var name = items[index]!;
                Complete(index, string.Equals(name, result.RequestedName, StringComparison.Ordinal) ? result : result with { RequestedName = name });
                var following = next[index];
                if (following == 0)
                {
                    break;
                }

                index = following - 1;
            }
        }, cancellationToken).ConfigureAwait(false);

        void Complete(int index, SchemaResult result)
        {
            onResult(index, result);
            var done = Interlocked.Increment(ref completed);
            progress?.Report(new BatchProgress(done, total, result));
        }
    }

    /// <summary>
    /// A request the session cache did not serve and that did not join a running flight on the lean path: store read,
    /// then a flight of its own (or one that started meanwhile), then its result.
    /// </summary>
    /// <param name="productType">The text the caller asked for.</param>
    /// <param name="resolving">Its resolution, perhaps still running.</param>
    /// <param name="options">The request's options.</param>
    /// <param name="start">When the request clock started, as a timestamp of the time provider.</param>
    /// <param name="cancellationToken">Ends this caller's wait.</param>
    /// <param name="noFlightSeen">
    /// True when the caller has just looked for a running flight of this type and found none, so this path need not
    /// look again before reading the store (a flight that started since only means a store read that finds nothing).
    /// </param>
    /// <param name="startInline">
    /// True when a flight this request creates may start on the calling thread (see <see cref="GetOrGenerateAsync"/>):
    /// a single request whose token cannot be cancelled. Batch items never do, so that a strategy's workers start
    /// together whatever the generators do synchronously.
    /// </param>
    private async Task<SchemaResult> GetSlowAsync(string productType, ValueTask<ProductTypeResolution> resolving, SchemaRequestOptions options, long start, CancellationToken cancellationToken, bool noFlightSeen = false, bool startInline = false)
    {
        using var activity = SchemaWorkflowDiagnostics.ActivitySource.StartActivity("schemaworkflow.get_or_generate");
        var strategy = GetStrategy(options);
        var limit = RequestLimit(options);

        // No timer or linked token source per request: the request timeout bounds the store read (in that read's own
        // timer) and the wait for the generation (in the flight's wait group for the request's deadline), the two
        // things a request waits on. Callers that join a running generation together share that group's one timer.
        var stepStart = _time.GetTimestamp();
        var resolution = await resolving.ConfigureAwait(false);
        var resolvedKey = resolution.Key ?? FallbackKey(productType);
        var resolveStep = new StepTiming(SchemaStep.Resolve, _time.GetElapsedTime(stepStart));
        activity?.SetTag("schemaworkflow.product_type", resolvedKey.Value);

        StepTiming? cacheStep = null;
        if (options.SessionId is { } sid && !options.ForceRegenerate)
        {
            stepStart = _time.GetTimestamp();
            var hit = _sessionCache.TryGet(sid, resolvedKey, out var cached);
            cacheStep = new StepTiming(SchemaStep.SessionCache, _time.GetElapsedTime(stepStart));
            if (hit)
            {
                _diagnostics.Requests.Add(1, SessionCacheTag);
                SchemaWorkflowLog.SessionCacheHit(_logger, resolvedKey.Value);
                return cached!;
            }
        }

        // While a generation of this type is running, join it without reading the store: the store cannot have
        // the schema yet (the flight reads it first), and in a stampede every caller would otherwise make a read
        // that finds nothing, each with its own timeout timer (a round trip each against a remote store). A
        // flight that ends between this check and the join is harmless: the next flight finds the stored schema
        // on its own read.
        StepTiming? readStep = null;
        string? storeWarning = null;
        if (!options.ForceRegenerate && (noFlightSeen || !_flights.IsRunning((resolvedKey, false))))
        {
            stepStart = _time.GetTimestamp();
            var (stored, warning, timedOut) = await ReadStoreAsync(resolvedKey, Remaining(limit, start), cancellationToken).ConfigureAwait(false);
            if (timedOut)
            {
                return TimedOut(productType, resolvedKey, limit, options, strategy, start, activity);
            }

            readStep = new StepTiming(SchemaStep.StoreRead, _time.GetElapsedTime(stepStart));
            if (warning is not null)
            {
                if (FailWhenStoreUnavailable(options))
                {
                    return Finish(Failed(productType, resolvedKey, SchemaErrorCode.StoreUnavailable, warning, strategy.Kind, start), options, activity);
                }

                storeWarning = warning;
            }

            if (stored is not null)
            {
                SchemaWorkflowLog.StoreHit(_logger, resolvedKey.Value);
                var fromStore = new SchemaResult
                {
                    RequestedName = productType,
                    Key = resolvedKey,
                    Source = SchemaSource.Store,
                    Strategy = strategy.Kind,
                    Schema = stored,
                    Persisted = true,
                    Duration = _time.GetElapsedTime(start),
                    Steps = ComposeSteps(resolveStep, cacheStep, readStep, null, []),
                    Fields = stored.CountFields(),
                    Warnings = storeWarning is null ? [] : [storeWarning],
                };
                return Finish(fromStore, options, activity);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        stepStart = _time.GetTimestamp();
        var flightKey = (resolvedKey, options.ForceRegenerate);
        var flight = _flights.JoinOrCreate(flightKey, out var joined);
        Task<FlightOutcome> waiting;
        try
        {
            // Begin the wait (and its timer) before the work starts, so the timeout counts from before the work.
            waiting = flight.WaitUntil(Deadline(limit, start), _time);
            if (cancellationToken.CanBeCanceled)
            {
                waiting = waiting.WaitAsync(cancellationToken);
            }
        }
        finally
        {
            if (joined)
            {
                _diagnostics.SingleFlightJoins.Add(1);
                SchemaWorkflowLog.JoinedFlight(_logger, resolvedKey.Value);
            }
            else
            {
                _flights.Start(
                    flightKey,
                    flight,
                    new FlightWork(this, resolvedKey, productType, resolution, options, strategy),
                    static (w, flightToken) => w.Self.RunFlightAsync(w.Key, w.ProductType, w.Resolution, w.Options, w.Strategy, flightToken),
                    startInline);
            }
        }

        FlightOutcome outcome;
        try
        {
            outcome = await waiting.ConfigureAwait(false);
        }
        catch (TimeoutException ex) when (!ReferenceEquals(ex, flight.Completion.Exception?.InnerException))
        {
            // This caller's limit passed; the generation goes on for the other waiters, or is cancelled if none is left.
            flight.Leave();
            return TimedOut(productType, resolvedKey, limit, options, strategy, start, activity);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            flight.Leave();
            throw;
        }

        var steps = joined
            ? ComposeSteps(resolveStep, cacheStep, readStep, new StepTiming(SchemaStep.SingleFlightWait, _time.GetElapsedTime(stepStart)), [])
            : ComposeSteps(resolveStep, cacheStep, readStep, null, outcome.Steps);
        return Finish(FromFlight(productType, resolvedKey, strategy, outcome, joined, steps, storeWarning, _time.GetElapsedTime(start)), options, activity);
    }

    /// <summary>
    /// The lean path of a caller that found a generation of its type running when it arrived: the caller has already
    /// joined the flight (<see cref="SingleFlight{TKey,TResult}.TryJoinRunning"/>), its type was resolved and its
    /// session cache checked synchronously, and it has no store read to make (the running flight reads the store
    /// first). What GetSlowAsync does for such a caller, without the state that path carries for the others: in a
    /// stampede this is the path of every caller but one, so its per-caller cost is the stampede's cost.
    /// </summary>
    private async Task<SchemaResult> JoinAsync(SingleFlight<(ProductTypeKey Key, bool Force), FlightOutcome>.Flight flight, string productType, ProductTypeKey key, SchemaRequestOptions options, long start, CancellationToken cancellationToken)
    {
        using var activity = SchemaWorkflowDiagnostics.ActivitySource.StartActivity("schemaworkflow.get_or_generate");
        activity?.SetTag("schemaworkflow.product_type", key.Value);
        IExecutionStrategy strategy;
        TimeSpan limit;
        Task<FlightOutcome> waiting;
        try
        {
            strategy = GetStrategy(options);
            limit = RequestLimit(options);
            waiting = flight.WaitUntil(Deadline(limit, start), _time);
            if (cancellationToken.CanBeCanceled)
            {
                waiting = waiting.WaitAsync(cancellationToken);
            }
        }
        catch
        {
            flight.Leave();
            throw;
        }

        _diagnostics.SingleFlightJoins.Add(1);
        SchemaWorkflowLog.JoinedFlight(_logger, key.Value);
        FlightOutcome outcome;
        try
        {
            outcome = await waiting.ConfigureAwait(false);
        }
        catch (TimeoutException ex) when (!ReferenceEquals(ex, flight.Completion.Exception?.InnerException))
        {
            flight.Leave();
            return TimedOut(productType, key, limit, options, strategy, start, activity);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            flight.Leave();
            throw;
        }

        // The type was resolved (from the memo) and the session cache checked before the request clock started, which
        // was when this caller joined: the whole request is its wait.
        var waited = _time.GetElapsedTime(start);
        var steps = new CompactStepList(options.SessionId is null
            ? [(SchemaStep.Resolve, TimeSpan.Zero), (SchemaStep.SingleFlightWait, waited)]
            : [(SchemaStep.Resolve, TimeSpan.Zero), (SchemaStep.SessionCache, TimeSpan.Zero), (SchemaStep.SingleFlightWait, waited)]);
        return Finish(FromFlight(productType, key, strategy, outcome, joined: true, steps, storeWarning: null, waited), options, activity);
    }

    /// <summary>A waiter's result from what its flight produced.</summary>
    private static SchemaResult FromFlight(string productType, ProductTypeKey key, IExecutionStrategy strategy, FlightOutcome outcome, bool joined, CompactStepList steps, string? storeWarning, TimeSpan duration) => new()
    {
        RequestedName = productType,
        Key = key,
        Source = outcome.Schema is null ? SchemaSource.None : outcome.Source,
        Strategy = strategy.Kind,
        Schema = outcome.Schema,
        GeneratedBy = outcome.GeneratedBy,
        Persisted = outcome.Persisted,
        JoinedInFlight = joined,
        Duration = duration,
        Steps = steps,
        Fields = outcome.Fields,
        Enrichment = outcome.Enrichment,
        Warnings = storeWarning is null ? outcome.Warnings : [storeWarning, .. outcome.Warnings],
        Error = outcome.Error,
    };

    private SchemaResult TimedOut(string productType, ProductTypeKey key, TimeSpan limit, SchemaRequestOptions options, IExecutionStrategy strategy, long start, Activity? activity) =>
        Finish(Failed(productType, key, SchemaErrorCode.Timeout, $"The request did not complete within {limit.TotalSeconds:0.###} s and was cancelled. Raise the timeout, or try again when the generator is less busy.", strategy.Kind, start), options, activity);

    /// <summary>A request's deadline as a timestamp; <see cref="long.MaxValue"/> for an infinite limit.</summary>
    private long Deadline(TimeSpan limit, long start) =>
        limit == Timeout.InfiniteTimeSpan ? long.MaxValue : start + (long)(limit.TotalSeconds * _time.TimestampFrequency);

    /// <summary>The time left of a request's limit: zero once it has passed, infinite for an infinite limit.</summary>
    private TimeSpan Remaining(TimeSpan limit, long start)
    {
        if (limit == Timeout.InfiniteTimeSpan)
        {
            return limit;
        }

        var left = limit - _time.GetElapsedTime(start);
        return left > TimeSpan.Zero ? left : TimeSpan.Zero;
    }

    /// <summary>The request's time limit: its own, else the configured one, checked against what a timer accepts.</summary>
    private TimeSpan RequestLimit(SchemaRequestOptions options)
    {
        var limit = options.Timeout ?? _options.RequestTimeout;
        ValidateRequestTimeout(limit);
        return limit;
    }

    /// <summary>The range a timer accepts, checked up front as the request's timer used to check it.</summary>
    private static void ValidateRequestTimeout(TimeSpan limit)
    {
        var ms = (long)limit.TotalMilliseconds;
        if (ms < -1 || ms > uint.MaxValue - 1)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, "The request timeout must be positive and at most about 49 days, or Timeout.InfiniteTimeSpan.");
        }
    }

    /// <summary>
    /// A result's steps in order, as one compact list (values, not one object per step) that outlives the request
    /// cheaply: see <see cref="CompactStepList"/>.
    /// </summary>
    private static CompactStepList ComposeSteps(StepTiming resolve, StepTiming? cache, StepTiming? read, StepTiming? wait, IReadOnlyList<StepTiming> flight)
    {
        var steps = new (SchemaStep Step, TimeSpan Duration)[1 + (cache is null ? 0 : 1) + (read is null ? 0 : 1) + (wait is null ? 0 : 1) + flight.Count];
        var i = 0;
        steps[i++] = (resolve.Step, resolve.Duration);
        if (cache is not null)
        {
            steps[i++] = (cache.Step, cache.Duration);
        }

        if (read is not null)
        {
            steps[i++] = (read.Step, read.Duration);
        }

        if (wait is not null)
        {
            steps[i++] = (wait.Step, wait.Duration);
        }

        for (var j = 0; j < flight.Count; j++)
        {
            steps[i++] = (flight[j].Step, flight[j].Duration);
        }

        return new CompactStepList(steps);
    }

    /// <summary>One distinct type of a batch: its first and last item (the chain between them runs through `next`).</summary>
    private readonly record struct BatchWork(ProductTypeKey Key, string Name, ProductTypeResolution Resolution, int First, int Last);

    /// <summary>What a flight's work needs, passed by value so that joining a flight allocates no closure.</summary>
    private readonly record struct FlightWork(SchemaWorkflowService Self, ProductTypeKey Key, string ProductType, ProductTypeResolution Resolution, SchemaRequestOptions Options, IExecutionStrategy Strategy);

    private SchemaResult Finish(SchemaResult result, SchemaRequestOptions options, Activity? activity)
    {
        var sourceTag = new KeyValuePair<string, object?>("source", SchemaWorkflowDiagnostics.SourceTag(result.Source));
        _diagnostics.Requests.Add(1, sourceTag);
        _diagnostics.RequestDuration.Record(result.Duration.TotalSeconds, sourceTag);
        if (result.Error is { } error)
        {
            activity?.SetStatus(ActivityStatusCode.Error, error.Code.ToString());
            SchemaWorkflowLog.RequestFailed(_logger, result.Key?.Value ?? "(unresolved)", error.Code, error.Message);
            return result;
        }

        activity?.SetTag("schemaworkflow.source", SchemaWorkflowDiagnostics.SourceTag(result.Source));
        SchemaWorkflowLog.Completed(_logger, result.Key!.Value.Value, result.Source, result.Duration.TotalMilliseconds);
        if (options.SessionId is { } sid && result.Key is { } key)
        {
            // Built once here, so every later hit returns this same instance without allocating.
            _sessionCache.Set(sid, key, result with { Source = SchemaSource.SessionCache, Steps = [], Warnings = [], Enrichment = null, JoinedInFlight = false, Duration = TimeSpan.Zero });
        }

        return result;
    }

    private async Task<FlightOutcome> RunFlightAsync(ProductTypeKey key, string productType, ProductTypeResolution resolution, SchemaRequestOptions options, IExecutionStrategy strategy, CancellationToken flightToken)
    {
        var steps = new List<StepTiming>(6);
        var warnings = new List<string>();
        using var slot = await _limiter.EnterAsync(flightToken).ConfigureAwait(false);

        // Re-read the store inside the flight: a flight that finished just before this one may have stored the type.
        string? replaceETag = null;
        DateTimeOffset? createdAt = null;
        var storeUsable = true;
        var stepStart = _time.GetTimestamp();
        try
        {
            var read = await GetFromStoreAsync(key, flightToken).ConfigureAwait(false);
            if (read.Status == StoreReadStatus.Found && read.Envelope is { } envelope)
            {
                var stale = StaleReason(envelope);
                if (stale is null && !options.ForceRegenerate)
                {
                    return new FlightOutcome { Schema = envelope.Schema, Source = SchemaSource.Store, Persisted = true, Steps = steps };
                }

                replaceETag = read.ETag;
                createdAt = envelope.CreatedAt;
            }
            else if (read.Status is StoreReadStatus.Corrupt or StoreReadStatus.UnknownFormat)
            {
                replaceETag = read.ETag;
                warnings.Add($"The stored copy could not be used ({read.Problem}); it was replaced.");
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !flightToken.IsCancellationRequested)
        {
            storeUsable = false;
            _diagnostics.StoreFailures.Add(1, new KeyValuePair<string, object?>("operation", "read"));
            SchemaWorkflowLog.StoreUnavailable(_logger, ex, "reading", key.Value);
        }

        steps.Add(new StepTiming(SchemaStep.StoreRead, _time.GetElapsedTime(stepStart)));

        IAsyncDisposable? distributedLock = null;
        try
        {
            if (storeUsable && _store is ISchemaGenerationLock locker)
            {
                stepStart = _time.GetTimestamp();
                var (lockHandle, winner) = await AcquireDistributedLockAsync(locker, key, options, warnings, flightToken).ConfigureAwait(false);
                steps.Add(new StepTiming(SchemaStep.SingleFlightWait, _time.GetElapsedTime(stepStart)));
                if (winner is not null)
                {
                    return new FlightOutcome { Schema = winner.Schema, Source = SchemaSource.Store, Persisted = true, Steps = steps, Warnings = warnings };
                }

                distributedLock = lockHandle;
            }

            // Generate through the chain.
            SchemaWorkflowLog.Generating(_logger, key.Value);
            stepStart = _time.GetTimestamp();
            var request = new SchemaGenerationRequest
            {
                Key = key,
                RequestedName = productType,
                Hints = resolution.Hints,
                Strategy = strategy,
                MaxConcurrency = _options.EnrichmentConcurrency,
            };
            var (schema, generator, index, generationError) = await GenerateAsync(request, resolution, options, warnings, flightToken).ConfigureAwait(false);
            steps.Add(new StepTiming(SchemaStep.Generate, _time.GetElapsedTime(stepStart)));
            RecordStep(SchemaStep.Generate, steps[^1].Duration);
            if (schema is null)
            {
                return new FlightOutcome { Steps = steps, Warnings = warnings, Error = generationError };
            }

            var source = index == 0 ? SchemaSource.Generated : SchemaSource.Fallback;
            if (source == SchemaSource.Fallback)
            {
                _diagnostics.Fallbacks.Add(1);
            }

            // Enrich.
            EnrichmentReport? report = null;
            if (_enricher is not null)
            {
                stepStart = _time.GetTimestamp();
                (schema, report) = await EnrichAsync(schema, strategy, options, warnings, flightToken).ConfigureAwait(false);
                steps.Add(new StepTiming(SchemaStep.Enrich, _time.GetElapsedTime(stepStart)));
                RecordStep(SchemaStep.Enrich, steps[^1].Duration);
            }

            // Validate: nothing that fails the type gate is stored or returned.
            stepStart = _time.GetTimestamp();
            var problems = SchemaQualityGate.Validate(schema);
            steps.Add(new StepTiming(SchemaStep.Validate, _time.GetElapsedTime(stepStart)));
            if (problems.Count > 0)
            {
                var summary = string.Join(" ", problems.Take(5));
                SchemaWorkflowLog.SchemaRejected(_logger, key.Value, summary);
                _diagnostics.Generations.Add(1, new KeyValuePair<string, object?>("outcome", "invalid"));
                return new FlightOutcome
                {
                    Steps = steps,
                    Warnings = warnings,
                    Error = new SchemaError(SchemaErrorCode.InvalidSchema, $"The {generator!.Name} generator produced a schema that failed validation, so it was not stored: {summary}"),
                };
            }

            // Store.
            var persisted = false;
            if (storeUsable)
            {
                SchemaWorkflowLog.Storing(_logger, key.Value);
                stepStart = _time.GetTimestamp();
                var envelope = SchemaEnvelopeSerializer.CreateEnvelope(schema, ComposeFingerprint(generator!.Fingerprint), _time.GetUtcNow(), createdAt);
                try
                {
                    var condition = replaceETag is null ? WriteCondition.IfNotExists : WriteCondition.IfMatch(replaceETag);
                    var write = await WithStoreTimeoutAsync((Store: _store, Envelope: envelope, Condition: condition), static (s, ct) => s.Store.WriteAsync(s.Envelope, s.Condition, ct), flightToken).ConfigureAwait(false);
                    if (write.Status == StoreWriteStatus.Written)
                    {
                        persisted = true;
                    }
                    else
                    {
                        // Another writer won: serve its schema rather than overwrite it.
                        SchemaWorkflowLog.StoreConflict(_logger, key.Value);
                        var winner = await GetFromStoreAsync(key, flightToken).ConfigureAwait(false);
                        if (winner is { Status: StoreReadStatus.Found, Envelope: { } won })
                        {
                            steps.Add(new StepTiming(SchemaStep.StoreWrite, _time.GetElapsedTime(stepStart)));
                            return new FlightOutcome { Schema = won.Schema, Source = SchemaSource.Store, Persisted = true, Steps = steps, Warnings = warnings };
                        }

                        warnings.Add("Another writer changed the stored copy at the same time; this schema was returned but not stored.");
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException || !flightToken.IsCancellationRequested)
                {
                    _diagnostics.StoreFailures.Add(1, new KeyValuePair<string, object?>("operation", "write"));
                    SchemaWorkflowLog.StoreUnavailable(_logger, ex, "writing", key.Value);
                    if (FailWhenStoreUnavailable(options))
                    {
                        return new FlightOutcome { Steps = steps, Warnings = warnings, Error = new SchemaError(SchemaErrorCode.StoreUnavailable, StoreDownMessage(ex)) };
                    }

                    warnings.Add(StoreDownMessage(ex) + " The schema was returned but not persisted.");
                }

                steps.Add(new StepTiming(SchemaStep.StoreWrite, _time.GetElapsedTime(stepStart)));
                RecordStep(SchemaStep.StoreWrite, steps[^1].Duration);
            }
            else
            {
                if (FailWhenStoreUnavailable(options))
                {
                    return new FlightOutcome { Steps = steps, Warnings = warnings, Error = new SchemaError(SchemaErrorCode.StoreUnavailable, "The schema store is unavailable and options say to fail when it is.") };
                }

                warnings.Add("The schema store was unavailable; the schema was returned but not persisted.");
            }

            _diagnostics.Generations.Add(1, new KeyValuePair<string, object?>("outcome", "success"));
            return new FlightOutcome
            {
                Schema = schema,
                Source = source,
                GeneratedBy = generator!.Name,
                Persisted = persisted,
                Steps = steps,
                Enrichment = report,
                Warnings = warnings,
            };
        }
        finally
        {
            if (distributedLock is not null)
            {
                try
                {
                    await distributedLock.DisposeAsync().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    // The lease expires on its own; a failed release only delays other instances.
                    SchemaWorkflowLog.StoreUnavailable(_logger, ex, "releasing the generation lock of", key.Value);
                }
            }
        }
    }

    private async Task<(IAsyncDisposable? Lock, SchemaEnvelope? Winner)> AcquireDistributedLockAsync(ISchemaGenerationLock locker, ProductTypeKey key, SchemaRequestOptions options, List<string> warnings, CancellationToken token)
    {
        var waitStart = _time.GetTimestamp();
        var delay = TimeSpan.FromMilliseconds(50);
        var logged = false;
        while (true)
        {
            IAsyncDisposable? handle;
            try
            {
                handle = await locker.TryAcquireAsync(key, token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
            {
                SchemaWorkflowLog.StoreUnavailable(_logger, ex, "locking", key.Value);
                warnings.Add("The cross-instance generation lock could not be taken; generating without it.");
                return (null, null);
            }

            if (handle is not null)
            {
                if (options.ForceRegenerate)
                {
                    return (handle, null);
                }

                // The previous holder may have stored the schema just before releasing.
                var read = await GetFromStoreAsync(key, token).ConfigureAwait(false);
                if (read is { Status: StoreReadStatus.Found, Envelope: { } done } && StaleReason(done) is null)
                {
                    await handle.DisposeAsync().ConfigureAwait(false);
                    return (null, done);
                }

                return (handle, null);
            }

            if (!logged)
            {
                SchemaWorkflowLog.WaitingForDistributedLock(_logger, key.Value);
                logged = true;
            }

            if (_time.GetElapsedTime(waitStart) >= _options.DistributedLockWait)
            {
                warnings.Add($"Another instance held the generation lock for more than {_options.DistributedLockWait.TotalSeconds:0} s; generated here instead.");
                return (null, null);
            }

            await Task.Delay(delay, _time, token).ConfigureAwait(false);
            delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 1000));
            if (!options.ForceRegenerate)
            {
                var read = await GetFromStoreAsync(key, token).ConfigureAwait(false);
                if (read is { Status: StoreReadStatus.Found, Envelope: { } stored } && StaleReason(stored) is null)
                {
                    return (null, stored);
                }
            }
        }
    }

    private async Task<(ProductSchema? Schema, ISchemaGenerator? Generator, int Index, SchemaError? Error)> GenerateAsync(SchemaGenerationRequest request, ProductTypeResolution resolution, SchemaRequestOptions options, List<string> warnings, CancellationToken flightToken)
    {
        List<string>? suggestions = null; // the resolver's suggestions plus the generators', built only when a generator refuses
        var unsupported = 0;
        var timedOut = false;
        Exception? lastFailure = null;
        if (_generators.Generators.Count == 0)
        {
            return (null, null, -1, new SchemaError(SchemaErrorCode.GenerationFailed, "No schema generator is registered. Call UseCatalogGenerator() or UseGenerator<T>() on the AddSchemaWorkflow builder."));
        }

        for (var i = 0; i < _generators.Generators.Count; i++)
        {
            var generator = _generators.Generators[i];
            var limit = options.GenerationTimeout ?? _options.GenerationTimeout;
            using var timeout = StepTimeout(limit, flightToken, out var link);
            using var linkScope = link;
            try
            {
                var schema = await generator.GenerateAsync(request, timeout.Token).ConfigureAwait(false);
                if (schema is null || schema.Key != request.Key)
                {
                    lastFailure = new InvalidOperationException($"The {generator.Name} generator returned a schema for '{schema?.Key}' instead of '{request.Key}'.");
                    warnings.Add(lastFailure.Message);
                    continue;
                }

                if (i > 0)
                {
                    warnings.Add($"Served by the fallback generator '{generator.Name}'.");
                }

                return (schema, generator, i, null);
            }
            catch (ProductTypeNotSupportedException ex)
            {
                unsupported++;
                SchemaWorkflowLog.GeneratorUnsupported(_logger, generator.Name, request.Key.Value);
                _diagnostics.Generations.Add(1, new KeyValuePair<string, object?>("outcome", "unsupported"));
                suggestions ??= [.. resolution.Suggestions];
                foreach (var s in ex.Error.Suggestions)
                {
                    if (!suggestions.Contains(s, StringComparer.Ordinal))
                    {
                        suggestions.Add(s);
                    }
                }
            }
            catch (OperationCanceledException) when (!flightToken.IsCancellationRequested && timeout.IsCancellationRequested)
            {
                timedOut = true;
                _diagnostics.Generations.Add(1, new KeyValuePair<string, object?>("outcome", "timeout"));
                warnings.Add($"The {generator.Name} generator did not finish within {limit.TotalSeconds:0.###} s and was cancelled.");
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !flightToken.IsCancellationRequested)
            {
                lastFailure = ex;
                _diagnostics.Generations.Add(1, new KeyValuePair<string, object?>("outcome", "failure"));
                SchemaWorkflowLog.GeneratorFailed(_logger, ex, generator.Name, request.Key.Value);
                warnings.Add($"The {generator.Name} generator failed: {ex.Message}");
            }
        }

        if (unsupported == _generators.Generators.Count)
        {
            suggestions ??= [.. resolution.Suggestions];
            var message = suggestions.Count > 0
                ? $"'{request.RequestedName}' is not a known product type. Did you mean: {string.Join(", ", suggestions.Take(5))}?"
                : $"'{request.RequestedName}' is not a known product type, and no registered generator can serve it. Check the spelling, or register a generator for it.";
            return (null, null, -1, new SchemaError(SchemaErrorCode.UnknownProductType, message) { Suggestions = [.. suggestions.Take(5)] });
        }

        if (timedOut && lastFailure is null)
        {
            return (null, null, -1, new SchemaError(SchemaErrorCode.Timeout, $"Generation of '{request.RequestedName}' timed out in every generator that could serve it. Raise GenerationTimeout or try again later."));
        }

        return (null, null, -1, new SchemaError(SchemaErrorCode.GenerationFailed, $"Every generator that could serve '{request.RequestedName}' failed; the last said: {lastFailure?.Message}"));
    }

    private async Task<(ProductSchema Schema, EnrichmentReport? Report)> EnrichAsync(ProductSchema schema, IExecutionStrategy strategy, SchemaRequestOptions options, List<string> warnings, CancellationToken flightToken)
    {
        var enricher = _enricher!;
        SchemaWorkflowLog.Enriching(_logger, schema.Key.Value, enricher.Name);
        var limit = options.EnrichmentTimeout ?? _options.EnrichmentTimeout;
        using var timeout = StepTimeout(limit, flightToken, out var link);
        using var linkScope = link;
        var context = new EnrichmentContext
        {
            Strategy = strategy,
            MaxConcurrency = _options.EnrichmentConcurrency,
            GroupTimeout = _options.EnrichmentGroupTimeout,
            TimeProvider = _time,
        };
        try
        {
            var outcome = await enricher.EnrichAsync(schema, context, timeout.Token).ConfigureAwait(false);
            foreach (var failed in outcome.Report.FailedGroups)
            {
                _diagnostics.EnrichmentGroupFailures.Add(1);
                SchemaWorkflowLog.EnrichmentGroupFailed(_logger, failed.Group, schema.Key.Value, failed.Error!);
                warnings.Add($"Enrichment of group '{failed.Group}' failed ({failed.Error}); its fields were left as generated.");
            }

            var enriched = outcome.Schema with
            {
                Provenance = outcome.Schema.Provenance with { Enricher = enricher.Name, EnricherFingerprint = enricher.Fingerprint },
            };
            return (enriched, outcome.Report);
        }
        catch (OperationCanceledException) when (!flightToken.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            warnings.Add($"Enrichment did not finish within {limit.TotalSeconds:0.###} s; the schema was returned without it.");
            return (schema, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !flightToken.IsCancellationRequested)
        {
            SchemaWorkflowLog.EnrichmentFailed(_logger, ex, schema.Key.Value);
            warnings.Add($"Enrichment failed ({ex.Message}); the schema was returned without it.");
            return (schema, null);
        }
    }

    /// <summary>
    /// The request's own store read, bounded by the store timeout or by what is left of the request's limit, whichever
    /// is shorter: one timer for both. TimedOut is true when the request's limit passed.
    /// </summary>
    private async ValueTask<(ProductSchema? Schema, string? Warning, bool TimedOut)> ReadStoreAsync(ProductTypeKey key, TimeSpan requestRemaining, CancellationToken token)
    {
        var requestBound = requestRemaining != Timeout.InfiniteTimeSpan && requestRemaining <= _options.StoreTimeout;
        using var timeout = StepTimeout(requestBound ? requestRemaining : _options.StoreTimeout, token, out var link);
        using var linkScope = link;
        try
        {
            StoreReadResult read;
            try
            {
                read = await _store.GetAsync(key, timeout.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException ex) when (!token.IsCancellationRequested && timeout.IsCancellationRequested && !requestBound)
            {
                throw new SchemaStoreUnavailableException($"The schema store did not answer within {_options.StoreTimeout.TotalSeconds:0.###} s.", ex);
            }

            if (read.Status == StoreReadStatus.Found && read.Envelope is { } envelope)
            {
                var stale = StaleReason(envelope);
                if (stale is null)
                {
                    return (envelope.Schema, null, false);
                }

                SchemaWorkflowLog.StoredStale(_logger, key.Value, stale);
            }
            else if (read.Status is StoreReadStatus.Corrupt or StoreReadStatus.UnknownFormat)
            {
                SchemaWorkflowLog.StoreEntryRejected(_logger, key.Value, read.Problem ?? "unreadable");
            }

            return (null, null, false);
        }
        catch (OperationCanceledException) when (requestBound && !token.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            return (null, null, true);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !token.IsCancellationRequested)
        {
            _diagnostics.StoreFailures.Add(1, new KeyValuePair<string, object?>("operation", "read"));
            SchemaWorkflowLog.StoreUnavailable(_logger, ex, "reading", key.Value);
            return (null, StoreDownMessage(ex), false);
        }
    }

    /// <summary>A store read under the store timeout (the flight's reads: before generating, after a conflict, while waiting for a lock).</summary>
    private ValueTask<StoreReadResult> GetFromStoreAsync(ProductTypeKey key, CancellationToken token) =>
        WithStoreTimeoutAsync((Store: _store, Key: key), static (s, ct) => s.Store.GetAsync(s.Key, ct), token);

    /// <summary>One store operation under the store timeout; the state spares the caller a closure per call.</summary>
    private async ValueTask<T> WithStoreTimeoutAsync<TState, T>(TState state, Func<TState, CancellationToken, ValueTask<T>> operation, CancellationToken token)
    {
        using var timeout = StepTimeout(_options.StoreTimeout, token, out var link);
        using var linkScope = link;
        try
        {
            return await operation(state, timeout.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (!token.IsCancellationRequested && timeout.IsCancellationRequested)
        {
            throw new SchemaStoreUnavailableException($"The schema store did not answer within {_options.StoreTimeout.TotalSeconds:0.###} s.", ex);
        }
    }

    /// <summary>
    /// A token source for one step, cancelled when its limit passes or when <paramref name="token"/> is. Cheaper than
    /// a linked token source: the outer token cancels this one through a registration, with no second source and no
    /// registration list of its own. Dispose <paramref name="link"/> before the source.
    /// </summary>
    private CancellationTokenSource StepTimeout(TimeSpan limit, CancellationToken token, out CancellationTokenRegistration link)
    {
        var timeout = new CancellationTokenSource(limit, _time);
        link = token.UnsafeRegister(static s => ((CancellationTokenSource)s!).Cancel(), timeout);
        return timeout;
    }

    private string? StaleReason(SchemaEnvelope envelope)
    {
        if (_options.RegenerateOnFingerprintChange && _acceptedFingerprints.Count > 0 && !_acceptedFingerprints.Contains(envelope.GeneratorFingerprint))
        {
            return $"it was produced by '{envelope.GeneratorFingerprint}', not by a generator registered now";
        }

        if (_options.MaxStoredAge is { } maxAge && _time.GetUtcNow() - envelope.UpdatedAt > maxAge)
        {
            return $"it is older than {maxAge}";
        }

        return null;
    }

    private string ComposeFingerprint(string generatorFingerprint) =>
        _enricher is null ? generatorFingerprint : generatorFingerprint + "|" + _enricher.Fingerprint;

    private IExecutionStrategy GetStrategy(SchemaRequestOptions options) =>
        _strategies[options.Strategy ?? _options.Strategy];

    private bool FailWhenStoreUnavailable(SchemaRequestOptions options) =>
        options.FailWhenStoreUnavailable ?? _options.FailWhenStoreUnavailable;

    private void RecordStep(SchemaStep step, TimeSpan duration) =>
        _diagnostics.StepDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>("step", SchemaWorkflowDiagnostics.StepTag(step)));

    /// <summary>
    /// The key of text the resolver does not know (served by generators such as an LLM): the text folded to snake_case,
    /// memoized (bounded) so a repeated request for such a type still takes the allocation-free session-cache path.
    /// </summary>
    private ProductTypeKey FallbackKey(string text)
    {
        if (_fallbackKeys.TryGetValue(text, out var known))
        {
            return known;
        }

        var key = ProductTypeText.ToKey(text);
        if (_fallbackKeys.Count < FallbackKeyMemoLimit)
        {
            _fallbackKeys.TryAdd(text, key);
        }

        return key;
    }

    private void ValidateSessionId(string sessionId)
    {
        ArgumentNullException.ThrowIfNull(sessionId);
        // Vectorized: the control characters (char.IsControl) are exactly U+0000–U+001F and U+007F–U+009F. This runs on
        // every session-cache hit, where an enumerator and a delegate call per character were a large share of its cost.
        // Printable ASCII, the usual case, is recognised in one pass.
        var span = sessionId.AsSpan();
        if (span.Length == 0 || span.Length > _options.SessionCache.MaxSessionIdLength ||
            (span.ContainsAnyExceptInRange(' ', '~') &&
             (span.ContainsAnyInRange('\u0000', '\u001F') || span.ContainsAnyInRange('\u007F', '\u009F'))))
        {
            throw new ArgumentException($"The session id must be 1 to {_options.SessionCache.MaxSessionIdLength} characters without control characters.", nameof(sessionId));
        }
    }

    private static string StoreDownMessage(Exception ex) =>
        ex is SchemaStoreUnavailableException ? ex.Message : $"The schema store failed: {ex.Message}";

    private SchemaResult Failed(string name, ProductTypeKey? key, SchemaErrorCode code, string message, ExecutionStrategyKind strategy, long start) => new()
    {
        RequestedName = name,
        Key = key,
        Source = SchemaSource.None,
        Strategy = strategy,
        Duration = start == 0 ? TimeSpan.Zero : _time.GetElapsedTime(start),
        Error = new SchemaError(code, message),
    };
}
