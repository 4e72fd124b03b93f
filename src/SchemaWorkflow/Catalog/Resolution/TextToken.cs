namespace SchemaWorkflow.Catalog.Resolution;

/// <summary>A normalized word with the span of the original text it came from.</summary>
/// <param name="Text">The normalized word.</param>
/// <param name="Start">Start offset in the original text.</param>
/// <param name="End">End offset (exclusive) in the original text.</param>
internal readonly record struct TextToken(string Text, int Start, int End);
