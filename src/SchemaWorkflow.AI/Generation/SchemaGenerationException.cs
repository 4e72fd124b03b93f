namespace SchemaWorkflow.AI;

/// <summary>
/// Thrown by <see cref="ChatClientSchemaGenerator"/> when it cannot produce a valid schema: the model call failed
/// (see <see cref="ModelCallException"/> as the inner exception), the content filter blocked it, or the answer failed
/// validation after the repair round-trip. Nothing is stored; a fallback generator, if any, serves instead.
/// </summary>
public sealed class SchemaGenerationException : SchemaWorkflowException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="generator">The generator's name.</param>
    /// <param name="kind">Why it failed.</param>
    /// <param name="message">What failed and what to do.</param>
    /// <param name="modelCalls">How many model calls the generation made (a repair round-trip is a second call).</param>
    /// <param name="problems">The validation problems of the last answer, for <see cref="ModelFailureKind.InvalidOutput"/>.</param>
    /// <param name="innerException">The cause.</param>
    public SchemaGenerationException(string generator, ModelFailureKind kind, string message, int modelCalls, IReadOnlyList<string>? problems = null, Exception? innerException = null)
        : base(new SchemaError(SchemaErrorCode.GenerationFailed, message), innerException)
    {
        Generator = generator;
        Kind = kind;
        ModelCalls = modelCalls;
        Problems = problems ?? [];
    }

    /// <summary>The generator's name.</summary>
    public string Generator { get; }

    /// <summary>Why generation failed.</summary>
    public ModelFailureKind Kind { get; }

    /// <summary>How many model calls were made.</summary>
    public int ModelCalls { get; }

    /// <summary>The validation problems of the last answer (they may quote model output; not part of the message unless sensitive logging is on).</summary>
    public IReadOnlyList<string> Problems { get; }
}
