using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Datasheets;

/// <summary>
/// One specification read from a datasheet, mapped to a field of the product class (or kept as a candidate field) and
/// parsed to the field's type. Enum, text and yes/no values are in <see cref="Values"/>; numbers in
/// <see cref="Number"/> or <see cref="Range"/>, converted to the field's unit.
/// </summary>
public sealed record ExtractedSpecification
{
    /// <summary>The key as written on the datasheet.</summary>
    public required string Key { get; init; }

    /// <summary>The value as written on the datasheet.</summary>
    public required string Value { get; init; }

    /// <summary>The catalog field the key matched, or null for a candidate field.</summary>
    public string? FieldKey { get; init; }

    /// <summary>For a key no catalog field matched: the snake_case key of the candidate field it would become.</summary>
    public string? CandidateKey { get; init; }

    /// <summary>How well the key matched its field, 0 to 100 (100 for an exact synonym).</summary>
    public double MatchScore { get; init; }

    /// <summary>Enum, text or yes/no values; an enum value in the allowed value's own spelling.</summary>
    public IReadOnlyList<string> Values { get; init; } = [];

    /// <summary>Values of <see cref="Values"/> that are not among the catalog field's allowed values.</summary>
    public IReadOnlyList<string> NewValues { get; init; } = [];

    /// <summary>A number, in <see cref="Unit"/>.</summary>
    public double? Number { get; init; }

    /// <summary>A range (either end may be open), in <see cref="Unit"/>.</summary>
    public NumericRange? Range { get; init; }

    /// <summary>The unit of <see cref="Number"/> or <see cref="Range"/>.</summary>
    public string? Unit { get; init; }

    /// <summary>For a number: single value, ± tolerance, upper or lower bound.</summary>
    public QuantityForm? Form { get; init; }

    /// <summary>The parsed value as one short line, for example <c>0..400 bar</c> or <c>±0.075 % of span</c>.</summary>
    public required string Display { get; init; }

    /// <summary>Confidence from 0 to 1: the key match times the value parser's confidence.</summary>
    public double Confidence { get; init; }

    /// <summary>How the pair was found.</summary>
    public required ExtractionMethod Method { get; init; }

    /// <summary>The extractor that found it.</summary>
    public required string Extractor { get; init; }

    /// <summary>Vendor, document and page.</summary>
    public required SpecificationProvenance Provenance { get; init; }
}
