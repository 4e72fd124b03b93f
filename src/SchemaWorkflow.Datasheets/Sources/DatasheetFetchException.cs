namespace SchemaWorkflow.Datasheets;

/// <summary>Thrown by <see cref="IDatasheetSource.FetchAsync"/> when a document cannot be used; the generator reports it and goes on.</summary>
public sealed class DatasheetFetchException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="status">Why the document cannot be used.</param>
    /// <param name="message">A sentence naming the document and the cause.</param>
    /// <param name="innerException">The cause, if any.</param>
    public DatasheetFetchException(DocumentStatus status, string message, Exception? innerException = null)
        : base(message, innerException) => Status = status;

    /// <summary>Why the document cannot be used.</summary>
    public DocumentStatus Status { get; }
}
