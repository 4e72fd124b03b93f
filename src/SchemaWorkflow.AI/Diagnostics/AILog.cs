using Microsoft.Extensions.Logging;

namespace SchemaWorkflow.AI.Diagnostics;

/// <summary>
/// Source-generated log events of SchemaWorkflow.AI, ids 5xxx. They carry endpoint names, kinds, counts and timings,
/// never prompt or answer text.
/// </summary>
internal static partial class AILog
{
    [LoggerMessage(5001, LogLevel.Information, "Model endpoint {Endpoint}: retry {Attempt} after {DelayMs:0} ms ({Reason}, status {Status})")]
    public static partial void Retrying(ILogger logger, string endpoint, int attempt, double delayMs, string reason, int? status);

    [LoggerMessage(5002, LogLevel.Warning, "Model endpoint {Endpoint}: circuit opened for {BreakSeconds:0.###} s after repeated transient failures")]
    public static partial void CircuitOpened(ILogger logger, string endpoint, double breakSeconds);

    [LoggerMessage(5003, LogLevel.Information, "Model endpoint {Endpoint}: circuit closed")]
    public static partial void CircuitClosed(ILogger logger, string endpoint);

    [LoggerMessage(5004, LogLevel.Information, "Model endpoint {Endpoint}: adaptive concurrency limit is now {Limit}")]
    public static partial void LimitChanged(ILogger logger, string endpoint, int limit);

    [LoggerMessage(5005, LogLevel.Warning, "Model endpoint {Endpoint}: call failed ({Kind}, status {Status}) after {Attempts} attempt(s)")]
    public static partial void CallFailed(ILogger logger, string endpoint, ModelFailureKind kind, int? status, int attempts);

    [LoggerMessage(5101, LogLevel.Information, "Generator {Generator}: the answer for {ProductType} failed validation with {Problems} problem(s); asking for a repair")]
    public static partial void Repairing(ILogger logger, string generator, string productType, int problems);

    [LoggerMessage(5102, LogLevel.Warning, "Generator {Generator}: the repaired answer for {ProductType} still failed validation with {Problems} problem(s)")]
    public static partial void RepairFailed(ILogger logger, string generator, string productType, int problems);

    [LoggerMessage(5103, LogLevel.Debug, "Generator {Generator}: generated {ProductType} with {Fields} field(s) in {Calls} model call(s)")]
    public static partial void Generated(ILogger logger, string generator, string productType, int fields, int calls);

    [LoggerMessage(5201, LogLevel.Debug, "Enricher {Enricher}: group {Group} of {ProductType}: {Accepted} value(s) accepted, {Rejected} rejected, {Passages} passage(s)")]
    public static partial void GroupEnriched(ILogger logger, string enricher, string group, string productType, int accepted, int rejected, int passages);

    [LoggerMessage(5202, LogLevel.Warning, "Enricher {Enricher}: group {Group} of {ProductType} failed ({Kind})")]
    public static partial void GroupFailed(ILogger logger, Exception exception, string enricher, string group, string productType, string kind);
}
