namespace SchemaWorkflow.Datasheets;

/// <summary>How a specification was found on a datasheet.</summary>
public enum ExtractionMethod
{
    /// <summary>A <c>Key: value</c> line or cell.</summary>
    KeyValue,

    /// <summary>A key and a value joined by a dotted leader: <c>Key ........ value</c>.</summary>
    DottedLeader,

    /// <summary>A row of a two-column table: key and value in cells separated by a column gap.</summary>
    Table,

    /// <summary>Returned by a pluggable <see cref="IDatasheetExtractor"/> (for example a language model).</summary>
    Extractor,
}
