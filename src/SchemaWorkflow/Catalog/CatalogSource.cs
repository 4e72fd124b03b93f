namespace SchemaWorkflow.Catalog;

/// <summary>The text of one catalog file and where it came from.</summary>
/// <param name="Name">The resource file name or host path, used in messages.</param>
/// <param name="Json">The file's JSON text.</param>
/// <param name="IsHostFile">True for a host file.</param>
internal sealed record CatalogSource(string Name, string Json, bool IsHostFile);
