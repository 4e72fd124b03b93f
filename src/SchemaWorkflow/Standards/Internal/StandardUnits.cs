using SchemaWorkflow.Catalog;

namespace SchemaWorkflow.Standards.Internal;

/// <summary>The catalog's unit symbols (<see cref="CatalogUnits.All"/>); knowledge-base payloads may use only these.</summary>
internal static class StandardUnits
{
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(CatalogUnits.All, StringComparer.Ordinal);
}
