namespace SchemaWorkflow.Datasheets;

/// <summary>A manufacturer whose datasheets are read, such as <c>Endress+Hauser</c>. Immutable.</summary>
public sealed record DatasheetVendor
{
    /// <summary>Creates a vendor.</summary>
    /// <param name="id">A stable snake_case id, for example <c>endress_hauser</c>.</param>
    /// <param name="name">The name as written in citations, for example <c>Endress+Hauser</c>.</param>
    /// <param name="aliases">Other names (brands, former names) a folder or URL list may use.</param>
    public DatasheetVendor(string id, string name, IReadOnlyList<string>? aliases = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(id);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Id = id;
        Name = name;
        Aliases = aliases ?? [];
    }

    /// <summary>The stable id, for example <c>endress_hauser</c>.</summary>
    public string Id { get; }

    /// <summary>The name as written in citations and reports.</summary>
    public string Name { get; }

    /// <summary>Other names the vendor goes by.</summary>
    public IReadOnlyList<string> Aliases { get; }

    /// <summary>
    /// True when <paramref name="name"/> names this vendor: its id, name or an alias, compared on letters and digits
    /// only, so <c>Endress+Hauser</c>, <c>endress_hauser</c> and <c>Endress Hauser</c> are one vendor.
    /// </summary>
    /// <param name="name">A folder name, a vendor name from a URL list, or an id.</param>
    /// <returns>Whether the name is this vendor's.</returns>
    public bool Matches(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return false;
        }

        var folded = Fold(name);
        if (folded.Length == 0)
        {
            return false;
        }

        if (string.Equals(folded, Fold(Id), StringComparison.Ordinal) || string.Equals(folded, Fold(Name), StringComparison.Ordinal))
        {
            return true;
        }

        foreach (var alias in Aliases)
        {
            if (string.Equals(folded, Fold(alias), StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Creates a vendor from a name alone, deriving its id (<c>Acme Controls</c> → <c>acme_controls</c>).</summary>
    /// <param name="name">The vendor name.</param>
    /// <returns>The vendor.</returns>
    public static DatasheetVendor FromName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        return new DatasheetVendor(ToId(name), name.Trim());
    }

    /// <summary>A snake_case id for a name: letters and digits kept, everything else one underscore.</summary>
    /// <param name="name">The name.</param>
    /// <returns>The id; <c>vendor</c> when the name has no letter or digit.</returns>
    public static string ToId(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var c in name.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark &&
                     builder.Length > 0 && builder[^1] != '_')
            {
                builder.Append('_');
            }
        }

        var id = builder.ToString().Trim('_');
        return id.Length == 0 ? "vendor" : id;
    }

    /// <inheritdoc />
    public bool Equals(DatasheetVendor? other) => other is not null && string.Equals(Id, other.Id, StringComparison.Ordinal);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Id);

    /// <inheritdoc />
    public override string ToString() => Name;

    internal static string Fold(string text)
    {
        var builder = new System.Text.StringBuilder(text.Length);
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (char.IsLetterOrDigit(c) && c < 0x250)
            {
                builder.Append(char.ToLowerInvariant(c));
            }
        }

        return builder.ToString();
    }
}
