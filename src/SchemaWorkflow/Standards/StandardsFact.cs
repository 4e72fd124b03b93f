namespace SchemaWorkflow.Standards;

/// <summary>
/// One fact of the knowledge base: a statement of a standard with typed payload items, each of which becomes a
/// <see cref="FieldValue"/> on the field it was written for.
/// </summary>
public sealed record StandardsFact
{
    /// <summary>A unique, stable, lowercase dotted id, for example <c>iec60751.tolerance_classes</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The id of the standard in the knowledge base's standards list.</summary>
    public required string Standard { get; init; }

    /// <summary>The edition this fact quotes, when it differs from or refines the standard's.</summary>
    public string? Edition { get; init; }

    /// <summary>The clause or table, where known.</summary>
    public string? Clause { get; init; }

    /// <summary>The fact in one sentence.</summary>
    public required string Statement { get; init; }

    /// <summary>Class keys the fact applies to, or <c>*</c> for any class having one of <see cref="Fields"/>.</summary>
    public IReadOnlyList<string> Classes { get; init; } = [];

    /// <summary>Field keys the fact applies to.</summary>
    public IReadOnlyList<string> Fields { get; init; } = [];

    /// <summary>Extra terms for lexical retrieval.</summary>
    public IReadOnlyList<string> Keywords { get; init; } = [];

    /// <summary>Confidence from 0 to 1.</summary>
    public double Confidence { get; init; }

    /// <summary>How well the fact was checked.</summary>
    public FactVerification Verification { get; init; }

    /// <summary>The typed statements the fact makes.</summary>
    public IReadOnlyList<FactPayload> Payload { get; init; } = [];

    /// <summary>The data file that defined the fact.</summary>
    public required string File { get; init; }

    /// <summary>True when the fact lists <paramref name="classKey"/> or <c>*</c>.</summary>
    /// <param name="classKey">A product type key.</param>
    /// <returns>Whether the fact is written for the class.</returns>
    public bool AppliesTo(string classKey) => ListsClass(Classes, classKey);

    internal static bool ListsClass(IReadOnlyList<string> classes, string classKey)
    {
        foreach (var c in classes)
        {
            if (c == "*" || string.Equals(c, classKey, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }
}
