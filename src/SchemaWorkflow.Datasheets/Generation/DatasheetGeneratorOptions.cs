namespace SchemaWorkflow.Datasheets;

/// <summary>
/// Options of the datasheet generator: where datasheets are (folders, URLs), how many vendors and documents to read,
/// how keys are matched, and how vendor agreement decides requirements. Validated at start when registered through
/// <c>UseDatasheetGenerator</c>.
/// </summary>
public sealed class DatasheetGeneratorOptions
{
    /// <summary>Folders laid out as <c>{folder}/{vendor}/*.pdf|*.txt</c> (and <c>{folder}/{vendor}/{product_type}/…</c>).</summary>
    public List<string> Folders { get; } = [];

    /// <summary>The HTTP source: URLs per vendor and product type, and download limits.</summary>
    public HttpDatasheetSourceOptions Http { get; } = new();

    /// <summary>The largest document read from a folder, in bytes (default 25 MiB). <see cref="HttpDatasheetSourceOptions.MaxDocumentBytes"/> limits downloads.</summary>
    public long MaxDocumentBytes { get; set; } = LocalFolderDatasheetSource.DefaultMaxDocumentBytes;

    /// <summary>The most pages read of one document (default 60).</summary>
    public int MaxPagesPerDocument { get; set; } = 60;

    /// <summary>The most vendors whose documents are read (default 8); the first ones with documents, in directory order.</summary>
    public int MaxVendors { get; set; } = 8;

    /// <summary>The most documents read per vendor (default 10); class-specific documents first.</summary>
    public int MaxDocumentsPerVendor { get; set; } = 10;

    /// <summary>
    /// The lowest score (0 to 100) at which a datasheet key matches a catalog field other than exactly (default 88):
    /// a key holding all words of a field phrase scores 90; fuzzy matches score by FuzzySharp ratio.
    /// </summary>
    public int FuzzyThreshold { get; set; } = 88;

    /// <summary>A field is mandatory when more than this share of the vendors read state it (default 0.5: most vendors).</summary>
    public double MandatoryVendorShare { get; set; } = 0.5;

    /// <summary>A key that matches no catalog field becomes a field when at least this many vendors state it (default 2).</summary>
    public int MinVendorsForCandidateField { get; set; } = 2;

    /// <summary>Also read vendors a source has documents for that the vendor directory does not list (default true).</summary>
    public bool DiscoverVendorsFromSources { get; set; } = true;

    /// <summary>Run the built-in <see cref="LayoutDatasheetExtractor"/> (default true); turn off to use only registered extractors.</summary>
    public bool UseLayoutExtractor { get; set; } = true;

    /// <summary>Changes to the built-in vendor lists, applied in order.</summary>
    public List<VendorListOverride> VendorOverrides { get; } = [];

    /// <summary>Extra key phrases per field key, for vendor wording the catalog does not know (phrase → field key).</summary>
    public Dictionary<string, string> FieldSynonyms { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Called with the report of every generation (success or not); exceptions it throws are ignored.</summary>
    public Action<DatasheetGenerationReport>? OnReport { get; set; }

    /// <summary>Adds a folder of vendor sub-folders.</summary>
    /// <param name="path">The folder.</param>
    /// <returns>These options, for chaining.</returns>
    public DatasheetGeneratorOptions AddFolder(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        Folders.Add(path);
        return this;
    }

    /// <summary>Adds a datasheet URL for a vendor and product type.</summary>
    /// <param name="vendor">The vendor's name or id.</param>
    /// <param name="productType">The canonical product type key.</param>
    /// <param name="url">An absolute http or https URL.</param>
    /// <returns>These options, for chaining.</returns>
    public DatasheetGeneratorOptions AddUrl(string vendor, string productType, string url)
    {
        Http.AddUrl(vendor, productType, url);
        return this;
    }

    /// <summary>Replaces the vendor list of a product type.</summary>
    /// <param name="productType">The canonical product type key.</param>
    /// <param name="vendors">Vendor names or ids.</param>
    /// <returns>These options, for chaining.</returns>
    public DatasheetGeneratorOptions SetVendors(string productType, params string[] vendors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productType);
        ArgumentNullException.ThrowIfNull(vendors);
        VendorOverrides.Add(new VendorListOverride(productType, vendors, Replace: true));
        return this;
    }

    /// <summary>Appends vendors to the list of a product type.</summary>
    /// <param name="productType">The canonical product type key.</param>
    /// <param name="vendors">Vendor names or ids.</param>
    /// <returns>These options, for chaining.</returns>
    public DatasheetGeneratorOptions AddVendors(string productType, params string[] vendors)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(productType);
        ArgumentNullException.ThrowIfNull(vendors);
        VendorOverrides.Add(new VendorListOverride(productType, vendors, Replace: false));
        return this;
    }

    /// <summary>Maps a vendor's key phrase to a catalog field, for example <c>"Loop power"</c> → <c>supply_voltage</c>.</summary>
    /// <param name="phrase">The phrase as vendors write it.</param>
    /// <param name="fieldKey">The catalog field key.</param>
    /// <returns>These options, for chaining.</returns>
    public DatasheetGeneratorOptions AddFieldSynonym(string phrase, string fieldKey)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(phrase);
        ArgumentException.ThrowIfNullOrWhiteSpace(fieldKey);
        FieldSynonyms[phrase] = fieldKey;
        return this;
    }

    /// <summary>Every problem with these options, each a sentence naming the setting; empty when they are valid.</summary>
    /// <returns>The problems.</returns>
    public IReadOnlyList<string> Validate()
    {
        var problems = new List<string>();
        foreach (var folder in Folders)
        {
            if (string.IsNullOrWhiteSpace(folder) || folder.IndexOfAny(Path.GetInvalidPathChars()) >= 0)
            {
                problems.Add($"Datasheets:Folders has '{folder}', which is not a usable path.");
            }
        }

        if (MaxDocumentBytes < 1)
        {
            problems.Add($"Datasheets:MaxDocumentBytes is {MaxDocumentBytes}; it must be at least 1.");
        }

        Range(problems, nameof(MaxPagesPerDocument), MaxPagesPerDocument, 1, 10_000);
        Range(problems, nameof(MaxVendors), MaxVendors, 1, 100);
        Range(problems, nameof(MaxDocumentsPerVendor), MaxDocumentsPerVendor, 1, 1_000);
        Range(problems, nameof(FuzzyThreshold), FuzzyThreshold, 50, 100);
        Range(problems, nameof(MinVendorsForCandidateField), MinVendorsForCandidateField, 1, 100);
        if (double.IsNaN(MandatoryVendorShare) || MandatoryVendorShare is < 0 or >= 1)
        {
            problems.Add($"Datasheets:MandatoryVendorShare is {MandatoryVendorShare}; it must be at least 0 and below 1 (0.5 means most vendors).");
        }

        foreach (var (phrase, field) in FieldSynonyms)
        {
            if (!Quality.SchemaQualityGate.IsSnakeCase(field))
            {
                problems.Add($"Datasheets:FieldSynonyms maps '{phrase}' to '{field}', which is not a snake_case field key.");
            }
        }

        foreach (var change in VendorOverrides)
        {
            if (!ProductTypeKey.TryParse(change.ProductType, out _))
            {
                problems.Add($"Datasheets:VendorOverrides names product type '{change.ProductType}', which is not a canonical key such as pressure_transmitter.");
            }
        }

        foreach (var url in Http.Urls)
        {
            if (!ProductTypeKey.TryParse(url.ProductType, out _))
            {
                problems.Add($"Datasheets:Http:Urls lists {url.Url} for product type '{url.ProductType}', which is not a canonical key such as pressure_transmitter.");
            }
        }

        problems.AddRange(Http.Validate().Select(static p => "Datasheets:" + p));
        return problems;
    }

    private static void Range(List<string> problems, string name, int value, int min, int max)
    {
        if (value < min || value > max)
        {
            problems.Add($"Datasheets:{name} is {value}; it must be between {min} and {max}.");
        }
    }
}
