namespace SchemaWorkflow.Datasheets;

/// <summary>
/// A key and a value as a datasheet writes them, with the page they are on; what an <see cref="IDatasheetExtractor"/>
/// returns. Nothing here is trusted: the generator maps the key to a field and parses the value to the field's type
/// before anything reaches a schema.
/// </summary>
public sealed record SpecificationPair
{
    /// <summary>The key as written, for example <c>Supply voltage</c>.</summary>
    public required string Key { get; init; }

    /// <summary>The value as written, for example <c>10.5 ... 42 V DC</c>.</summary>
    public required string Value { get; init; }

    /// <summary>The page number, from 1.</summary>
    public required int Page { get; init; }

    /// <summary>How the pair was found.</summary>
    public ExtractionMethod Method { get; init; } = ExtractionMethod.Extractor;

    /// <summary>
    /// The field the extractor believes the pair belongs to (a key of <see cref="DatasheetExtractionContext.Fields"/>);
    /// used when the class has that field, otherwise the key is matched as usual.
    /// </summary>
    public string? FieldKey { get; init; }

    /// <summary>The line the pair was read from, for the report.</summary>
    public string? Line { get; init; }
}
