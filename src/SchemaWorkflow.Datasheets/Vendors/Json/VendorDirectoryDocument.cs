namespace SchemaWorkflow.Datasheets.Vendors.Json;

internal sealed class VendorDirectoryDocument
{
    public string? Version { get; set; }

    public string? Description { get; set; }

    public List<VendorDocument> Vendors { get; set; } = [];

    public Dictionary<string, List<string>> Classes { get; set; } = [];
}

internal sealed class VendorDocument
{
    public string? Id { get; set; }

    public string? Name { get; set; }

    public List<string> Aliases { get; set; } = [];
}
