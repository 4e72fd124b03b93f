namespace SchemaWorkflow;

/// <summary>
/// The specification schema of one product type: grouped, typed fields, the standards that apply, and where it
/// came from. Immutable and safe to share across threads; enrichment returns a new instance.
/// </summary>
public sealed record ProductSchema
{
    /// <summary>The version of the schema model this instance follows.</summary>
    public const string CurrentSchemaVersion = "1.0";

    /// <summary>The canonical product type.</summary>
    public required ProductTypeKey Key { get; init; }

    /// <summary>Display name, for example "Temperature transmitter".</summary>
    public required string DisplayName { get; init; }

    /// <summary>A one-sentence description of the product type.</summary>
    public string? Description { get; init; }

    /// <summary>The version of the schema model, <see cref="CurrentSchemaVersion"/> when produced by this library.</summary>
    public string SchemaVersion { get; init; } = CurrentSchemaVersion;

    /// <summary>The field groups in presentation order.</summary>
    public IReadOnlyList<FieldGroup> Groups { get; init; } = [];

    /// <summary>Standards that apply to this product type, and why.</summary>
    public IReadOnlyList<ApplicableStandard> Standards { get; init; } = [];

    /// <summary>Who produced the schema.</summary>
    public required SchemaProvenance Provenance { get; init; }

    /// <summary>All fields of all groups, in order.</summary>
    public IEnumerable<SchemaField> AllFields => Groups.SelectMany(static g => g.Fields);

    /// <summary>Finds a field by key.</summary>
    /// <param name="key">A field key.</param>
    /// <returns>The field, or null.</returns>
    public SchemaField? FindField(string key)
    {
        foreach (var group in Groups)
        {
            foreach (var field in group.Fields)
            {
                if (string.Equals(field.Key, key, StringComparison.Ordinal))
                {
                    return field;
                }
            }
        }

        return null;
    }

    /// <summary>Counts fields: all, mandatory, and those carrying at least one cited value.</summary>
    /// <returns>The counts.</returns>
    public FieldCounts CountFields()
    {
        int total = 0, mandatory = 0, populated = 0;
        foreach (var group in Groups)
        {
            foreach (var field in group.Fields)
            {
                total++;
                if (field.Requirement == RequirementLevel.Mandatory)
                {
                    mandatory++;
                }

                if (field.Values.Count > 0)
                {
                    populated++;
                }
            }
        }

        return new FieldCounts(total, mandatory, populated);
    }
}

/// <summary>Field counts of a schema.</summary>
/// <param name="Total">All fields.</param>
/// <param name="Mandatory">Mandatory fields.</param>
/// <param name="Populated">Fields carrying at least one cited value or constraint.</param>
public sealed record FieldCounts(int Total, int Mandatory, int Populated);
