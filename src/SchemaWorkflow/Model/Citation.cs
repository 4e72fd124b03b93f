namespace SchemaWorkflow;

/// <summary>Where a value comes from: a standard and clause, a knowledge-base fact, or a vendor document.</summary>
public sealed record Citation
{
    /// <summary>The source, for example <c>IEC 60751:2022</c>, <c>NAMUR NE 43</c> or a vendor document name.</summary>
    public required string Source { get; init; }

    /// <summary>The clause, table or page, when known.</summary>
    public string? Clause { get; init; }

    /// <summary>The id of the fact or passage cited, when the value came from a knowledge base.</summary>
    public string? FactId { get; init; }

    /// <summary>A short note, such as what the clause says about this field.</summary>
    public string? Note { get; init; }
}
