namespace SchemaWorkflow;

/// <summary>Who produced a schema and from what.</summary>
public sealed record SchemaProvenance
{
    /// <summary>The generator's name, for example <c>catalog</c>.</summary>
    public required string Generator { get; init; }

    /// <summary>The generator's fingerprint: its name, version and data version.</summary>
    public required string GeneratorFingerprint { get; init; }

    /// <summary>The enricher's name, when the schema was enriched.</summary>
    public string? Enricher { get; init; }

    /// <summary>The enricher's fingerprint, when the schema was enriched.</summary>
    public string? EnricherFingerprint { get; init; }

    /// <summary>When the schema was generated.</summary>
    public DateTimeOffset GeneratedAt { get; init; }

    /// <summary>Sources the generator used (documents, catalog classes), when it reports them.</summary>
    public IReadOnlyList<string> Sources { get; init; } = [];
}
