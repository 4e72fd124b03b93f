namespace SchemaWorkflow;

/// <summary>Thrown by <see cref="SchemaResult.EnsureSuccess"/> and by seams that fail for a reason callers branch on.</summary>
public class SchemaWorkflowException : Exception
{
    /// <summary>Creates the exception from an error.</summary>
    /// <param name="error">What went wrong.</param>
    /// <param name="innerException">The cause, if any.</param>
    public SchemaWorkflowException(SchemaError error, Exception? innerException = null)
        : base(error.Message, innerException) => Error = error;

    /// <summary>What went wrong.</summary>
    public SchemaError Error { get; }
}

/// <summary>
/// Thrown by a generator that does not know a product type, so a fallback chain moves on to the next generator.
/// Carries the closest known types.
/// </summary>
public sealed class ProductTypeNotSupportedException : SchemaWorkflowException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="productType">The text or key that was not known.</param>
    /// <param name="generator">The generator that could not serve it.</param>
    /// <param name="suggestions">The closest known product types, best first.</param>
    public ProductTypeNotSupportedException(string productType, string generator, IReadOnlyList<string>? suggestions = null)
        : base(new SchemaError(
            SchemaErrorCode.UnknownProductType,
            suggestions is { Count: > 0 }
                ? $"'{productType}' is not a product type the {generator} generator knows. Did you mean: {string.Join(", ", suggestions)}?"
                : $"'{productType}' is not a product type the {generator} generator knows. Check the spelling or register a generator that serves it.")
        { Suggestions = suggestions ?? [] })
    {
        ProductType = productType;
        Generator = generator;
    }

    /// <summary>The text or key that was not known.</summary>
    public string ProductType { get; }

    /// <summary>The generator that could not serve it.</summary>
    public string Generator { get; }
}

/// <summary>Thrown by a store that cannot be reached; the workflow degrades (returns the schema not persisted) unless options say fail.</summary>
public sealed class SchemaStoreUnavailableException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="innerException">The cause.</param>
    public SchemaStoreUnavailableException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}
