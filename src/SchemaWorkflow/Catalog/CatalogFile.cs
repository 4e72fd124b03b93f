namespace SchemaWorkflow.Catalog;

/// <summary>A catalog data file that was loaded.</summary>
/// <param name="Name">The embedded resource file name or the host file path.</param>
/// <param name="Version">The file's data version: its <c>version</c>, the version it extends, or a content hash for a host file without one.</param>
/// <param name="IsHostFile">True for a file added with <see cref="CatalogOptions.AddFile"/>.</param>
/// <param name="ClassCount">How many classes the file defines.</param>
public sealed record CatalogFile(string Name, string Version, bool IsHostFile, int ClassCount);
