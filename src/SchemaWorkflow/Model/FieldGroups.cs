namespace SchemaWorkflow;

/// <summary>
/// The field groups of a specification schema, in the order a vendor datasheet presents them. Generators may use
/// only these keys, so every schema groups its fields the same way.
/// </summary>
public static class FieldGroups
{
    /// <summary>Tag, service, drawing references and other item identification.</summary>
    public const string Identification = "identification";

    /// <summary>What the instrument measures or handles: medium, ranges, process conditions.</summary>
    public const string ProcessParameters = "process_parameters";

    /// <summary>Accuracy, stability, response and other performance characteristics.</summary>
    public const string Performance = "performance";

    /// <summary>Signals, communication, power supply and electrical data.</summary>
    public const string Electrical = "electrical";

    /// <summary>Materials, connections, housing and construction.</summary>
    public const string Mechanical = "mechanical";

    /// <summary>Ambient conditions and ingress protection.</summary>
    public const string Environmental = "environmental";

    /// <summary>Approvals, certificates, safety integrity and standards compliance.</summary>
    public const string Compliance = "compliance";

    /// <summary>All group keys in presentation order.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Identification, ProcessParameters, Performance, Electrical, Mechanical, Environmental, Compliance];

    /// <summary>True when <paramref name="group"/> is one of <see cref="All"/>.</summary>
    /// <param name="group">A group key.</param>
    /// <returns>True for a known group key.</returns>
    public static bool IsKnown(string? group) => group is not null && All.Contains(group, StringComparer.Ordinal);

    /// <summary>The position of a group in presentation order, or <see cref="int.MaxValue"/> for an unknown key.</summary>
    /// <param name="group">A group key.</param>
    /// <returns>The zero-based order.</returns>
    public static int OrderOf(string group)
    {
        for (var i = 0; i < All.Count; i++)
        {
            if (string.Equals(All[i], group, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return int.MaxValue;
    }

    /// <summary>A display name for a group key, for example "Process parameters".</summary>
    /// <param name="group">A group key.</param>
    /// <returns>The display name.</returns>
    public static string DisplayName(string group) => group switch
    {
        Identification => "Identification",
        ProcessParameters => "Process parameters",
        Performance => "Performance",
        Electrical => "Electrical",
        Mechanical => "Mechanical",
        Environmental => "Environmental",
        Compliance => "Compliance",
        _ => group,
    };
}
