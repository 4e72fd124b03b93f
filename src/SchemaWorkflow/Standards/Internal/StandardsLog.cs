using Microsoft.Extensions.Logging;

namespace SchemaWorkflow.Standards.Internal;

/// <summary>Source-generated log events of the standards enricher (41xx, inside the enrichment range 4xxx).</summary>
internal static partial class StandardsLog
{
    [LoggerMessage(4101, LogLevel.Warning, "Standards value for {Field} of {ProductType} from fact {FactId} was rejected by the type gate: {Problem}")]
    public static partial void ValueRejected(ILogger logger, string field, string productType, string factId, string problem);

    [LoggerMessage(4102, LogLevel.Warning, "Standards enrichment of group {Group} of {ProductType} failed; its fields were left untouched")]
    public static partial void GroupFailed(ILogger logger, Exception exception, string group, string productType);

    [LoggerMessage(4103, LogLevel.Warning, "Standards enrichment of group {Group} of {ProductType} timed out after {TimeoutMs:0} ms; its fields were left untouched")]
    public static partial void GroupTimedOut(ILogger logger, string group, string productType, double timeoutMs);

    [LoggerMessage(4104, LogLevel.Debug, "Standards enrichment of {ProductType}: {Fields} fields populated from {Facts} facts in {ElapsedMs:0.000} ms")]
    public static partial void Enriched(ILogger logger, string productType, int fields, int facts, double elapsedMs);
}
