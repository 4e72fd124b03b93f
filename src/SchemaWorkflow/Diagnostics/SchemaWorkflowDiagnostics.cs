using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace SchemaWorkflow.Diagnostics;

/// <summary>
/// Names the workflow's <see cref="ActivitySource"/> and <see cref="Meter"/> (both "SchemaWorkflow") and owns its
/// instruments. Metric tags come from small closed sets; the product key goes on spans only.
/// </summary>
public sealed class SchemaWorkflowDiagnostics : IDisposable
{
    /// <summary>The name of the activity source and the meter.</summary>
    public const string Name = "SchemaWorkflow";

    /// <summary>The activity source of the workflow's spans.</summary>
    public static ActivitySource ActivitySource { get; } = new(Name, typeof(SchemaWorkflowDiagnostics).Assembly.GetName().Version?.ToString());

    private readonly Meter _meter;
    private readonly bool _ownsMeter;

    /// <summary>Creates the instruments on a meter from <paramref name="meterFactory"/>, or on an own meter.</summary>
    /// <param name="meterFactory">The host's meter factory, when there is one.</param>
    public SchemaWorkflowDiagnostics(IMeterFactory? meterFactory = null)
    {
        _ownsMeter = meterFactory is null;
        _meter = meterFactory?.Create(Name) ?? new Meter(Name);
        Requests = _meter.CreateCounter<long>("schemaworkflow.requests", "{request}", "Requests by source (session_cache, store, generated, fallback, none).");
        Generations = _meter.CreateCounter<long>("schemaworkflow.generations", "{generation}", "Generations by outcome (success, unsupported, failure, timeout).");
        StepDuration = _meter.CreateHistogram<double>("schemaworkflow.step.duration", "s", "Duration of lifecycle steps, tagged by step.");
        RequestDuration = _meter.CreateHistogram<double>("schemaworkflow.request.duration", "s", "Duration of whole requests, tagged by source.");
        SingleFlightJoins = _meter.CreateCounter<long>("schemaworkflow.singleflight.joins", "{caller}", "Callers that joined a generation already running.");
        Fallbacks = _meter.CreateCounter<long>("schemaworkflow.fallbacks", "{fallback}", "Requests served by a later generator of the chain.");
        StoreFailures = _meter.CreateCounter<long>("schemaworkflow.store.failures", "{failure}", "Store operations that failed (read, write).");
        EnrichmentGroupFailures = _meter.CreateCounter<long>("schemaworkflow.enrichment.group_failures", "{group}", "Enrichment groups that failed or timed out.");
    }

    /// <summary>Requests by source.</summary>
    public Counter<long> Requests { get; }

    /// <summary>Generations by outcome.</summary>
    public Counter<long> Generations { get; }

    /// <summary>Step durations in seconds, tagged by step.</summary>
    public Histogram<double> StepDuration { get; }

    /// <summary>Request durations in seconds, tagged by source.</summary>
    public Histogram<double> RequestDuration { get; }

    /// <summary>Callers that joined a running generation.</summary>
    public Counter<long> SingleFlightJoins { get; }

    /// <summary>Requests served by a fallback generator.</summary>
    public Counter<long> Fallbacks { get; }

    /// <summary>Failed store operations, tagged by operation.</summary>
    public Counter<long> StoreFailures { get; }

    /// <summary>Failed or timed-out enrichment groups.</summary>
    public Counter<long> EnrichmentGroupFailures { get; }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_ownsMeter)
        {
            _meter.Dispose();
        }
    }

    internal static string SourceTag(SchemaSource source) => source switch
    {
        SchemaSource.SessionCache => "session_cache",
        SchemaSource.Store => "store",
        SchemaSource.Generated => "generated",
        SchemaSource.Fallback => "fallback",
        _ => "none",
    };

    internal static string StepTag(SchemaStep step) => step switch
    {
        SchemaStep.Resolve => "resolve",
        SchemaStep.SessionCache => "session_cache",
        SchemaStep.StoreRead => "store_read",
        SchemaStep.SingleFlightWait => "single_flight_wait",
        SchemaStep.Generate => "generate",
        SchemaStep.Enrich => "enrich",
        SchemaStep.Validate => "validate",
        SchemaStep.StoreWrite => "store_write",
        _ => "other",
    };
}
