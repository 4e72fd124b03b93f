namespace SchemaWorkflow.Catalog;

/// <summary>
/// The data version of a loaded catalog: the built-in version plus the version of every host file, so a change in
/// any of them changes the generator fingerprint and stored schemas are regenerated.
/// </summary>
public sealed record CatalogVersion
{
    /// <summary>Creates a version.</summary>
    /// <param name="builtIn">The version of the embedded catalog, for example <c>2026.11.1</c>.</param>
    /// <param name="hostVersions">The versions of the host files, in load order.</param>
    public CatalogVersion(string builtIn, IReadOnlyList<string>? hostVersions = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(builtIn);
        BuiltIn = builtIn;
        HostVersions = hostVersions ?? [];
        Text = HostVersions.Count == 0 ? builtIn : builtIn + string.Concat(HostVersions.Select(static v => "+host." + v));
    }

    /// <summary>The version of the embedded catalog.</summary>
    public string BuiltIn { get; }

    /// <summary>The versions of the host files, in load order.</summary>
    public IReadOnlyList<string> HostVersions { get; }

    /// <summary>The whole version as text, for example <c>2026.11.1</c> or <c>2026.11.1+host.plant-7</c>.</summary>
    public string Text { get; }

    /// <inheritdoc />
    public override string ToString() => Text;

    /// <inheritdoc />
    public bool Equals(CatalogVersion? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);
}
