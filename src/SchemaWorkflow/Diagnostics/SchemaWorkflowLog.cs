using Microsoft.Extensions.Logging;

namespace SchemaWorkflow.Diagnostics;

/// <summary>
/// Source-generated log events with stable ids: 1xxx lifecycle, 2xxx store, 3xxx generation, 4xxx enrichment.
/// Hits log at Debug so a busy host stays quiet.
/// </summary>
internal static partial class SchemaWorkflowLog
{
    [LoggerMessage(1001, LogLevel.Debug, "Session cache hit for {ProductType}")]
    public static partial void SessionCacheHit(ILogger logger, string productType);

    [LoggerMessage(1002, LogLevel.Debug, "Store hit for {ProductType}")]
    public static partial void StoreHit(ILogger logger, string productType);

    [LoggerMessage(1003, LogLevel.Information, "Generating {ProductType}")]
    public static partial void Generating(ILogger logger, string productType);

    [LoggerMessage(1004, LogLevel.Debug, "Enriching {ProductType} with {Enricher}")]
    public static partial void Enriching(ILogger logger, string productType, string enricher);

    [LoggerMessage(1005, LogLevel.Debug, "Storing {ProductType}")]
    public static partial void Storing(ILogger logger, string productType);

    [LoggerMessage(1006, LogLevel.Information, "Completed {ProductType} from {Source} in {ElapsedMs:0.0} ms")]
    public static partial void Completed(ILogger logger, string productType, SchemaSource source, double elapsedMs);

    [LoggerMessage(1007, LogLevel.Debug, "Joined the generation of {ProductType} already in flight")]
    public static partial void JoinedFlight(ILogger logger, string productType);

    [LoggerMessage(1008, LogLevel.Warning, "Request for {ProductType} failed: {Code} {Message}")]
    public static partial void RequestFailed(ILogger logger, string productType, SchemaErrorCode code, string message);

    [LoggerMessage(1009, LogLevel.Information, "Stored copy of {ProductType} is stale ({Reason}); regenerating")]
    public static partial void StoredStale(ILogger logger, string productType, string reason);

    [LoggerMessage(1010, LogLevel.Debug, "Waiting for another instance generating {ProductType}")]
    public static partial void WaitingForDistributedLock(ILogger logger, string productType);

    [LoggerMessage(2001, LogLevel.Warning, "Stored entry for {ProductType} is unreadable ({Problem}); moved to {MovedTo} and treated as a miss")]
    public static partial void StoreEntryUnreadable(ILogger logger, string productType, string problem, string movedTo);

    [LoggerMessage(2002, LogLevel.Warning, "Store unavailable while {Operation} {ProductType}; continuing without it")]
    public static partial void StoreUnavailable(ILogger logger, Exception exception, string operation, string productType);

    [LoggerMessage(2003, LogLevel.Information, "Another writer stored {ProductType} first; serving its schema")]
    public static partial void StoreConflict(ILogger logger, string productType);

    [LoggerMessage(2004, LogLevel.Warning, "Stored entry for {ProductType} cannot be used ({Problem}); it will be replaced")]
    public static partial void StoreEntryRejected(ILogger logger, string productType, string problem);

    [LoggerMessage(3001, LogLevel.Information, "Generator {Generator} cannot serve {ProductType}; trying the next one")]
    public static partial void GeneratorUnsupported(ILogger logger, string generator, string productType);

    [LoggerMessage(3002, LogLevel.Warning, "Generator {Generator} failed for {ProductType}; trying the next one")]
    public static partial void GeneratorFailed(ILogger logger, Exception exception, string generator, string productType);

    [LoggerMessage(3003, LogLevel.Warning, "Generated schema for {ProductType} was rejected: {Problems}")]
    public static partial void SchemaRejected(ILogger logger, string productType, string problems);

    [LoggerMessage(4001, LogLevel.Warning, "Enrichment of {ProductType} failed; the un-enriched schema is used")]
    public static partial void EnrichmentFailed(ILogger logger, Exception exception, string productType);

    [LoggerMessage(4002, LogLevel.Warning, "Enrichment group {Group} of {ProductType} failed: {Reason}")]
    public static partial void EnrichmentGroupFailed(ILogger logger, string group, string productType, string reason);
}
