namespace SchemaWorkflow.Validation;

/// <summary>The result of parsing one value for one field: the typed value, or why it was not accepted.</summary>
public sealed record ValueParseResult
{
    /// <summary>The parsed value; null when the text was not accepted.</summary>
    public ParsedValue? Value { get; init; }

    /// <summary>Why the text was not accepted; null on success.</summary>
    public InvalidReason? Error { get; init; }

    /// <summary>A sentence a buyer understands saying what was wrong and what to write instead; null on success.</summary>
    public string? Message { get; init; }

    /// <summary>Values that would be accepted, closest first (allowed values, or the candidates of an ambiguous text).</summary>
    public IReadOnlyList<string> Suggestions { get; init; } = [];

    /// <summary>What the parser assumed or changed on the way, each a sentence ("Converted from 100 psi.").</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>True when a value was parsed.</summary>
    public bool Success => Value is not null;

    /// <summary>How confident the parser is that the text is a value of this field, from 0 to 100; used to route free text.</summary>
    public double Confidence { get; init; }

    /// <summary>Words of the text the value did not use, for finding values of other fields in them.</summary>
    internal string Leftover { get; init; } = string.Empty;

    internal static ValueParseResult Ok(ParsedValue value, double confidence, params string[] notes) =>
        new() { Value = value, Confidence = confidence, Notes = notes.Where(static n => n.Length > 0).ToArray() };

    internal static ValueParseResult Fail(InvalidReason reason, string message, IReadOnlyList<string>? suggestions = null, double confidence = 0) =>
        new() { Error = reason, Message = message, Suggestions = suggestions ?? [], Confidence = confidence };
}
