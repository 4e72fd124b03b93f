namespace SchemaWorkflow.Catalog.Resolution;

/// <summary>An option qualifier found in product type text.</summary>
/// <param name="Start">Start offset in the original text.</param>
/// <param name="End">End offset (exclusive).</param>
/// <param name="Text">The qualifier as written.</param>
/// <param name="FieldCandidates">Field keys it may name a value of, best first; the first one the class has is used.</param>
/// <param name="Soft">True when the words may also belong to a class name ("head mount transmitter"); they stay in the text.</param>
/// <param name="KeepLength">For a tag number: how many leading characters (the letter code) stay in the text.</param>
internal sealed record QualifierMatch(int Start, int End, string Text, IReadOnlyList<string> FieldCandidates, bool Soft, int KeepLength = 0);
