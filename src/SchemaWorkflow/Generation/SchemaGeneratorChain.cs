namespace SchemaWorkflow.Generation;

/// <summary>
/// The ordered generators the workflow tries for a type: the first that serves it wins, and a result served by a
/// later one says <see cref="SchemaSource.Fallback"/>. Built by the DI builder from <c>UseGenerator</c> calls.
/// </summary>
public sealed class SchemaGeneratorChain
{
    /// <summary>Creates a chain.</summary>
    /// <param name="generators">The generators, first tried first.</param>
    public SchemaGeneratorChain(IEnumerable<ISchemaGenerator> generators)
    {
        ArgumentNullException.ThrowIfNull(generators);
        Generators = [.. generators];
        Fingerprint = string.Join(";", Generators.Select(static g => g.Fingerprint));
    }

    /// <summary>The generators in order.</summary>
    public IReadOnlyList<ISchemaGenerator> Generators { get; }

    /// <summary>The fingerprints of all generators, joined.</summary>
    public string Fingerprint { get; }
}
