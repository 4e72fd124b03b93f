namespace SchemaWorkflow.Standards;

/// <summary>The text of one knowledge-base file and the name used in validation messages.</summary>
/// <param name="Name">The file name or path, for messages.</param>
/// <param name="Json">The JSON text.</param>
public sealed record StandardsDataFile(string Name, string Json);
