using Microsoft.Extensions.Logging;

namespace SchemaWorkflow.Datasheets.Diagnostics;

/// <summary>Source-generated log events of the datasheet generator, ids 6xxx.</summary>
internal static partial class DatasheetLog
{
    [LoggerMessage(6001, LogLevel.Debug, "Reading datasheets of {VendorCount} vendors for {ProductType}")]
    public static partial void Discovering(ILogger logger, string productType, int vendorCount);

    [LoggerMessage(6002, LogLevel.Warning, "Datasheet vendor {Vendor} failed for {ProductType}: {Error}")]
    public static partial void VendorFailed(ILogger logger, string vendor, string productType, string error);

    [LoggerMessage(6003, LogLevel.Debug, "Datasheet {Document} not used ({Status}): {Error}")]
    public static partial void DocumentNotUsed(ILogger logger, string document, DocumentStatus status, string? error);

    [LoggerMessage(6004, LogLevel.Information, "Datasheet schema for {ProductType} from {VendorCount} vendors and {DocumentCount} documents: {FieldCount} fields with values, {AddedCount} added, in {ElapsedMs:0.0} ms")]
    public static partial void Generated(ILogger logger, string productType, int vendorCount, int documentCount, int fieldCount, int addedCount, double elapsedMs);

    [LoggerMessage(6005, LogLevel.Information, "No datasheet schema for {ProductType}: {Reason}")]
    public static partial void NotGenerated(ILogger logger, string productType, string reason);

    [LoggerMessage(6006, LogLevel.Warning, "The datasheet report callback failed")]
    public static partial void ReportCallbackFailed(ILogger logger, Exception exception);
}
