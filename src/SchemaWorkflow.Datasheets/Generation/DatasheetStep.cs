namespace SchemaWorkflow.Datasheets;

/// <summary>The steps of a datasheet generation, timed separately in <see cref="DatasheetGenerationReport.Steps"/>.</summary>
public enum DatasheetStep
{
    /// <summary>Finding the vendors of the class and listing their documents.</summary>
    Discover,

    /// <summary>Fetching the documents (reading files, downloading URLs).</summary>
    Download,

    /// <summary>Reading their text and extracting, mapping and parsing specifications.</summary>
    Extract,

    /// <summary>Building the schema from the specifications.</summary>
    Create,
}

/// <summary>The wall-clock time of one step.</summary>
/// <param name="Step">The step.</param>
/// <param name="Duration">Its duration.</param>
public sealed record DatasheetStepTiming(DatasheetStep Step, TimeSpan Duration);
