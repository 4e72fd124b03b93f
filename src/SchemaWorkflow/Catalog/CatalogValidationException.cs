namespace SchemaWorkflow.Catalog;

/// <summary>
/// Thrown when a catalog file cannot be loaded: unreadable JSON, a missing or unknown property, a duplicate key,
/// an unknown group, unit or block. Every problem names its file, class, block and field.
/// </summary>
public sealed class CatalogValidationException : Exception
{
    /// <summary>Creates the exception from the problems found.</summary>
    /// <param name="problems">Every problem found; at least one.</param>
    public CatalogValidationException(IReadOnlyList<CatalogProblem> problems)
        : base(Compose(problems)) => Problems = problems;

    /// <summary>Every problem found, in file order.</summary>
    public IReadOnlyList<CatalogProblem> Problems { get; }

    private static string Compose(IReadOnlyList<CatalogProblem> problems)
    {
        ArgumentNullException.ThrowIfNull(problems);
        const int Shown = 25;
        var lines = problems.Take(Shown).Select(static p => "  - " + p);
        var more = problems.Count > Shown ? $"{Environment.NewLine}  … and {problems.Count - Shown} more." : string.Empty;
        return $"The instrument catalog has {problems.Count} problem(s); fix the file(s) named below:{Environment.NewLine}{string.Join(Environment.NewLine, lines)}{more}";
    }
}
