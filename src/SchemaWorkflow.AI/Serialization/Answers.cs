namespace SchemaWorkflow.AI.Serialization;

// The shapes the model answers in (snake_case on the wire). Every property is nullable so a malformed answer
// becomes a list of validation problems for the repair round-trip, not a serializer exception.

/// <summary>The model's answer to a schema generation prompt.</summary>
internal sealed class SchemaAnswer
{
    public bool? IsProcessInstrument { get; set; }

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    public List<GroupAnswer?>? Groups { get; set; }

    public List<StandardAnswer?>? Standards { get; set; }
}

/// <summary>One field group of a schema answer.</summary>
internal sealed class GroupAnswer
{
    public string? Key { get; set; }

    public List<FieldAnswer?>? Fields { get; set; }
}

/// <summary>One field of a schema answer.</summary>
internal sealed class FieldAnswer
{
    public string? Key { get; set; }

    public string? DisplayName { get; set; }

    public string? Description { get; set; }

    public string? DataType { get; set; }

    public string? Unit { get; set; }

    public List<string?>? AcceptedUnits { get; set; }

    public List<string?>? AllowedValues { get; set; }

    public double? TypicalMin { get; set; }

    public double? TypicalMax { get; set; }

    public string? Requirement { get; set; }

    public string? Condition { get; set; }

    public List<string?>? Synonyms { get; set; }
}

/// <summary>One applicable standard of a schema answer.</summary>
internal sealed class StandardAnswer
{
    public string? Standard { get; set; }

    public string? Title { get; set; }

    public string? Reason { get; set; }

    public List<string?>? Fields { get; set; }
}

/// <summary>The model's answer to an enrichment prompt.</summary>
internal sealed class EnrichmentAnswer
{
    public List<ValueAnswer?>? Values { get; set; }
}

/// <summary>One cited value of an enrichment answer.</summary>
internal sealed class ValueAnswer
{
    public string? Field { get; set; }

    public string? Kind { get; set; }

    public List<string?>? AllowedValues { get; set; }

    public double? Min { get; set; }

    public double? Max { get; set; }

    public double? Number { get; set; }

    public string? Unit { get; set; }

    public string? Text { get; set; }

    public string? Formula { get; set; }

    public string? Label { get; set; }

    public List<string?>? PassageIds { get; set; }

    public double? Confidence { get; set; }
}
