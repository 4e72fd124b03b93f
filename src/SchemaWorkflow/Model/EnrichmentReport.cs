namespace SchemaWorkflow;

/// <summary>What enrichment did to a schema.</summary>
public sealed record EnrichmentReport
{
    /// <summary>The enricher's name.</summary>
    public required string Enricher { get; init; }

    /// <summary>One entry per field group, in group order.</summary>
    public IReadOnlyList<GroupEnrichmentReport> Groups { get; init; } = [];

    /// <summary>Total time of enrichment.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Groups that failed or timed out.</summary>
    public IEnumerable<GroupEnrichmentReport> FailedGroups => Groups.Where(static g => g.Error is not null);
}

/// <summary>What enrichment did to one field group.</summary>
public sealed record GroupEnrichmentReport
{
    /// <summary>The group key.</summary>
    public required string Group { get; init; }

    /// <summary>Fields of the group that carry a cited value after enrichment.</summary>
    public int FieldsPopulated { get; init; }

    /// <summary>Knowledge-base facts or passages applied.</summary>
    public IReadOnlyList<string> FactsUsed { get; init; } = [];

    /// <summary>Values rejected by the type gate, each a sentence.</summary>
    public IReadOnlyList<string> Rejected { get; init; } = [];

    /// <summary>Time spent on the group.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Why the group failed or timed out; null when it completed. Its fields were left untouched.</summary>
    public string? Error { get; init; }
}
