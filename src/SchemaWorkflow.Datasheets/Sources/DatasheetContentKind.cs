namespace SchemaWorkflow.Datasheets;

/// <summary>What a fetched datasheet holds, decided from its bytes (not its name).</summary>
public enum DatasheetContentKind
{
    /// <summary>A PDF document (starts with the <c>%PDF-</c> header).</summary>
    Pdf,

    /// <summary>Plain UTF-8 text.</summary>
    Text,
}
