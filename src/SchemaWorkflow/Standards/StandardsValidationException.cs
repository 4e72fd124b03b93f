namespace SchemaWorkflow.Standards;

/// <summary>
/// Thrown when a standards data file cannot be loaded: it is not valid JSON, or a fact breaks a rule of the format.
/// The message names the file, the fact and what is wrong; <see cref="Problems"/> lists every problem found.
/// </summary>
public sealed class StandardsValidationException : Exception
{
    /// <summary>Creates the exception with every problem found.</summary>
    /// <param name="problems">One sentence per problem, each naming the file and fact.</param>
    /// <param name="innerException">The cause, such as a JSON reader error.</param>
    public StandardsValidationException(IReadOnlyList<string> problems, Exception? innerException = null)
        : base(Compose(problems), innerException) => Problems = problems;

    /// <summary>Every problem found, one sentence each.</summary>
    public IReadOnlyList<string> Problems { get; }

    private static string Compose(IReadOnlyList<string> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        const int Shown = 20;
        var head = problems.Count == 1
            ? "The standards knowledge base is invalid: " + problems[0]
            : $"The standards knowledge base is invalid ({problems.Count} problems):" + Environment.NewLine + "  - " +
              string.Join(Environment.NewLine + "  - ", problems.Take(Shown));
        return problems.Count > Shown ? head + Environment.NewLine + $"  … and {problems.Count - Shown} more." : head;
    }
}
