namespace SchemaWorkflow.Validation;

/// <summary>
/// What a buyer's requirements say against one schema: what was given (parsed), what mandatory fields are missing,
/// what is invalid and why, what could not be recognised, and which conditional fields now apply. Immutable;
/// every message is a sentence a buyer understands.
/// </summary>
public sealed record ValidationReport
{
    /// <summary>The product type validated against.</summary>
    public required ProductTypeKey ProductType { get; init; }

    /// <summary>The product type's display name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>Which schema was used: generator and enricher fingerprints, so a report can be traced to its schema.</summary>
    public required string SchemaFingerprint { get; init; }

    /// <summary>True when the schema had been enriched (its standards facts took part in the checks).</summary>
    public bool SchemaEnriched { get; init; }

    /// <summary>The fields given, in schema order.</summary>
    public IReadOnlyList<ProvidedRequirement> Provided { get; init; } = [];

    /// <summary>The mandatory fields (and conditional fields whose condition applies) not given, in schema order.</summary>
    public IReadOnlyList<MissingRequirement> Missing { get; init; } = [];

    /// <summary>Values not accepted, in schema order.</summary>
    public IReadOnlyList<InvalidRequirement> Invalid { get; init; } = [];

    /// <summary>Inputs that match no field, in input order.</summary>
    public IReadOnlyList<UnrecognisedRequirement> Unrecognised { get; init; } = [];

    /// <summary>Every conditional field of the schema and whether its condition applies.</summary>
    public IReadOnlyList<ConditionalRequirement> Conditional { get; init; } = [];

    /// <summary>The number of mandatory fields of the schema.</summary>
    public int MandatoryCount { get; init; }

    /// <summary>
    /// True when nothing mandatory is missing and every value given is acceptable. Unrecognised inputs are reported but
    /// do not make the requirements invalid.
    /// </summary>
    public bool IsValid => Missing.Count == 0 && Invalid.Count == 0;

    /// <summary>One sentence: valid or not, and the counts.</summary>
    public required string Summary { get; init; }
}
