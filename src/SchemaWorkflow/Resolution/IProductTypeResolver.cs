namespace SchemaWorkflow;

/// <summary>Turns what a user wrote ("Temperature Transmitters", "TT 4-20mA HART") into a canonical key.</summary>
public interface IProductTypeResolver
{
    /// <summary>Resolves product type text. Never throws for unknown text: it returns suggestions instead.</summary>
    /// <param name="text">Validated product type text.</param>
    /// <param name="cancellationToken">Cancels resolution.</param>
    /// <returns>The resolution.</returns>
    ValueTask<ProductTypeResolution> ResolveAsync(string text, CancellationToken cancellationToken = default);
}

/// <summary>The answer of a resolver.</summary>
public sealed record ProductTypeResolution
{
    /// <summary>The key, or null when the text named no known class.</summary>
    public ProductTypeKey? Key { get; init; }

    /// <summary>How sure the resolver is, 0..1.</summary>
    public double Confidence { get; init; }

    /// <summary>For unknown or ambiguous text: the closest known keys, best first.</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>Option qualifiers found in the text, such as an output signal or a nominal size.</summary>
    public IReadOnlyList<ResolutionHint> Hints { get; init; } = [];

    /// <summary>True when a key was found.</summary>
    public bool IsResolved => Key is not null;
}

/// <summary>A qualifier in the product type text that names a field value rather than a class.</summary>
/// <param name="Text">The qualifier as written, e.g. "4-20mA HART".</param>
/// <param name="FieldKey">The field it names a value for, when known, e.g. <c>output_signal</c>.</param>
public sealed record ResolutionHint(string Text, string? FieldKey);
