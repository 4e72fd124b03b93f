using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using SchemaWorkflow.Catalog.Json;
using SchemaWorkflow.Quality;

namespace SchemaWorkflow.Catalog;

/// <summary>Reads, checks and merges catalog files. Collects every problem before throwing, so one run shows them all.</summary>
internal static class CatalogLoader
{
    internal const string ResourcePrefix = "SchemaWorkflow.Catalog.Data.";
    internal const string SchemaResourceName = ResourcePrefix + "catalog.schema.json";
    internal const string CoreFileName = "catalog.core.json";

    private static readonly string[] DataTypes = ["enum", "number", "range", "text", "boolean"];
    private static readonly string[] Requirements = ["mandatory", "optional", "conditional"];

    /// <summary>The embedded catalog files, core first, then the others by name.</summary>
    /// <returns>The sources.</returns>
    public static IReadOnlyList<CatalogSource> EmbeddedSources()
    {
        var assembly = typeof(CatalogLoader).Assembly;
        var names = assembly.GetManifestResourceNames()
            .Where(static n => n.StartsWith(ResourcePrefix, StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal) && n != SchemaResourceName)
            .OrderBy(static n => n == ResourcePrefix + CoreFileName ? 0 : 1)
            .ThenBy(static n => n, StringComparer.Ordinal)
            .ToList();
        return names.Select(n => new CatalogSource(n[ResourcePrefix.Length..], ReadResource(assembly, n), IsHostFile: false)).ToList();
    }

    /// <summary>The JSON Schema of the catalog format, as embedded.</summary>
    /// <returns>The schema text.</returns>
    public static string ReadSchemaText() => ReadResource(typeof(CatalogLoader).Assembly, SchemaResourceName);

    /// <summary>Reads host files from disk; a file that cannot be read becomes a problem.</summary>
    /// <param name="paths">The paths.</param>
    /// <param name="problems">Receives read failures.</param>
    /// <returns>The sources that could be read.</returns>
    public static List<CatalogSource> ReadHostFiles(IEnumerable<string> paths, List<CatalogProblem> problems)
    {
        var sources = new List<CatalogSource>();
        foreach (var path in paths)
        {
            try
            {
                sources.Add(new CatalogSource(path, File.ReadAllText(path), IsHostFile: true));
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                var reason = ex is FileNotFoundException or DirectoryNotFoundException ? "the file does not exist" : ex.Message;
                problems.Add(new CatalogProblem(path, null, null, null, $"the host catalog file cannot be read ({reason}). Check the path given to CatalogOptions.AddFile."));
            }
        }

        return sources;
    }

    /// <summary>Loads, checks and merges the sources.</summary>
    /// <param name="sources">Embedded sources first (core first), then host files in order.</param>
    /// <param name="problems">Problems found before loading (unreadable host files).</param>
    /// <returns>The merged catalog content.</returns>
    /// <exception cref="CatalogValidationException">Any problem was found.</exception>
    public static LoadedCatalog Load(IReadOnlyList<CatalogSource> sources, List<CatalogProblem>? problems = null)
    {
        problems ??= [];
        var parsed = new List<(CatalogSource Source, CatalogDocument Doc)>();
        foreach (var source in sources)
        {
            var doc = Parse(source, problems);
            if (doc is not null)
            {
                parsed.Add((source, doc));
            }
        }

        var coreVersion = FindCoreVersion(parsed, problems);
        var files = new List<CatalogFile>();
        var hostVersions = new List<string>();
        foreach (var (source, doc) in parsed)
        {
            var version = FileVersion(source, doc, coreVersion, problems);
            if (source.IsHostFile)
            {
                hostVersions.Add(version);
            }

            files.Add(new CatalogFile(source.Name, version, source.IsHostFile, doc.Classes?.Count ?? 0));
        }

        var blocks = new Dictionary<string, CatalogBlock>(StringComparer.Ordinal);
        foreach (var (source, doc) in parsed)
        {
            foreach (var (id, block) in doc.Blocks ?? [])
            {
                var fields = ReadFields(block?.Fields, source.Name, null, id, problems, blockId: id);
                if (!IsSnake(id))
                {
                    problems.Add(new CatalogProblem(source.Name, null, id, null, "the block id is not snake_case."));
                }

                if (blocks.TryGetValue(id, out var existing))
                {
                    problems.Add(new CatalogProblem(source.Name, null, id, null, $"the block is already defined in {existing.SourceFile}; block ids must be unique across catalog files (give yours another id)."));
                    continue;
                }

                blocks[id] = new CatalogBlock { Id = id, Description = block?.Description, Fields = fields, SourceFile = source.Name };
            }
        }

        var classes = new Dictionary<string, InstrumentClass>(StringComparer.Ordinal);
        var order = new List<string>();
        var index = 0;
        foreach (var (source, doc) in parsed)
        {
            var version = files[index++].Version;
            var seenInFile = new HashSet<string>(StringComparer.Ordinal);
            foreach (var cls in doc.Classes ?? [])
            {
                if (cls is null)
                {
                    problems.Add(new CatalogProblem(source.Name, null, null, null, "a class entry is null."));
                    continue;
                }

                var composed = ComposeClass(cls, source, version, blocks, problems);
                if (composed is null)
                {
                    continue;
                }

                var key = composed.Key.Value;
                if (!seenInFile.Add(key))
                {
                    problems.Add(new CatalogProblem(source.Name, key, null, null, "the class key appears twice in this file."));
                    continue;
                }

                if (classes.TryGetValue(key, out var existing))
                {
                    if (!source.IsHostFile)
                    {
                        problems.Add(new CatalogProblem(source.Name, key, null, null, $"the class key is already defined in {existing.SourceFile}; class keys must be unique across the built-in files."));
                        continue;
                    }

                    classes[key] = composed;
                }
                else
                {
                    classes[key] = composed;
                    order.Add(key);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new CatalogValidationException(problems);
        }

        return new LoadedCatalog(
            new CatalogVersion(coreVersion ?? "0", hostVersions),
            order.Select(k => classes[k]).ToList(),
            blocks,
            files);
    }

    private static CatalogDocument? Parse(CatalogSource source, List<CatalogProblem> problems)
    {
        try
        {
            var doc = JsonSerializer.Deserialize(source.Json, CatalogJsonContext.Default.CatalogDocument);
            if (doc is null)
            {
                problems.Add(new CatalogProblem(source.Name, null, null, null, "the file holds JSON null; it must be an object with \"classes\" (and \"version\" or \"extends\")."));
            }

            return doc;
        }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $" at line {line + 1}" + (ex.Path is { Length: > 0 } p ? $" ({p})" : string.Empty) : string.Empty;
            var what = ex.Message.Contains("could not be mapped", StringComparison.Ordinal)
                ? "a property is not part of the catalog format (check its spelling against docs/catalog.md)"
                : "the JSON is malformed or a value has the wrong type";
            problems.Add(new CatalogProblem(source.Name, null, null, null, $"{what}{where}: {FirstSentence(ex.Message)}"));
            return null;
        }
    }

    private static string? FindCoreVersion(List<(CatalogSource Source, CatalogDocument Doc)> parsed, List<CatalogProblem> problems)
    {
        string? core = null;
        foreach (var (source, doc) in parsed.Where(static p => !p.Source.IsHostFile))
        {
            if (doc.Version is null)
            {
                continue;
            }

            if (core is not null)
            {
                problems.Add(new CatalogProblem(source.Name, null, null, null, "a second built-in file carries \"version\"; only catalog.core.json does, the others say \"extends\"."));
                continue;
            }

            core = doc.Version;
        }

        if (core is null && parsed.Any(static p => !p.Source.IsHostFile))
        {
            problems.Add(new CatalogProblem(CoreFileName, null, null, null, "no built-in file carries \"version\"."));
        }

        return core;
    }

    private static string FileVersion(CatalogSource source, CatalogDocument doc, string? coreVersion, List<CatalogProblem> problems)
    {
        if (doc.Version is not null && doc.Extends is not null)
        {
            problems.Add(new CatalogProblem(source.Name, null, null, null, "the file has both \"version\" and \"extends\"; give one."));
        }

        if (doc.Version is { } v && !IsVersionText(v))
        {
            problems.Add(new CatalogProblem(source.Name, null, null, null, $"version '{v}' may hold only letters, digits, '.', '-' and '_' (1 to 40 characters)."));
        }

        if (!source.IsHostFile)
        {
            if (doc.Version is null && doc.Extends is null)
            {
                problems.Add(new CatalogProblem(source.Name, null, null, null, "the file has neither \"version\" nor \"extends\"."));
            }
            else if (doc.Extends is { } ext && coreVersion is not null && !string.Equals(ext, coreVersion, StringComparison.Ordinal))
            {
                problems.Add(new CatalogProblem(source.Name, null, null, null, $"the file extends '{ext}' but catalog.core.json is version '{coreVersion}'; set \"extends\" to '{coreVersion}'."));
            }

            return doc.Version ?? doc.Extends ?? "0";
        }

        if (doc.Version is null && doc.Extends is null)
        {
            problems.Add(new CatalogProblem(source.Name, null, null, null, "the host file has neither \"version\" nor \"extends\"; add \"version\": \"1\" (it becomes part of the generator fingerprint)."));
        }

        // A host file without its own version is identified by its content, so editing it still changes the fingerprint.
        return doc.Version ?? ("sha-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(source.Json)))[..12]);
    }

    private static InstrumentClass? ComposeClass(CatalogClassDocument cls, CatalogSource source, string version, Dictionary<string, CatalogBlock> blocks, List<CatalogProblem> problems)
    {
        var file = source.Name;
        var count = problems.Count;
        var keyText = cls.Key;
        if (string.IsNullOrWhiteSpace(keyText))
        {
            problems.Add(new CatalogProblem(file, cls.DisplayName ?? "(no key)", null, null, "the class has no \"key\"."));
            return null;
        }

        if (!ProductTypeKey.TryParse(keyText, out var key))
        {
            problems.Add(new CatalogProblem(file, keyText, null, null, $"the class key is not a canonical key (lowercase snake_case, at most {ProductTypeKey.MaxLength} characters)."));
            return null;
        }

        Require(cls.DisplayName, "displayName");
        Require(cls.Description, "description");
        if (cls.Family is null || !InstrumentCatalog.Families.Contains(cls.Family, StringComparer.Ordinal))
        {
            problems.Add(new CatalogProblem(file, keyText, null, null, $"family '{cls.Family}' is not one of {string.Join(", ", InstrumentCatalog.Families)}."));
        }

        var measurands = cls.Measurands ?? [];
        if (measurands.Count == 0)
        {
            problems.Add(new CatalogProblem(file, keyText, null, null, "the class lists no measurands; use [\"none\"] when its fields are about no measured quantity."));
        }

        foreach (var m in measurands.Where(static m => !InstrumentCatalog.Measurands.Contains(m, StringComparer.Ordinal)))
        {
            problems.Add(new CatalogProblem(file, keyText, null, null, $"measurand '{m}' is not one of {string.Join(", ", InstrumentCatalog.Measurands)}."));
        }

        foreach (var code in cls.IsaCodes ?? [])
        {
            if (code is null || code.Length is < 1 or > 6 || !code.All(static c => c is >= 'A' and <= 'Z'))
            {
                problems.Add(new CatalogProblem(file, keyText, null, null, $"ISA code '{code}' must be 1 to 6 capital letters, e.g. \"TT\"."));
            }
        }

        foreach (var synonym in cls.Synonyms ?? [])
        {
            if (string.IsNullOrWhiteSpace(synonym) || !string.Equals(synonym, synonym.ToLowerInvariant(), StringComparison.Ordinal) || synonym.Trim().Length != synonym.Length)
            {
                problems.Add(new CatalogProblem(file, keyText, null, null, $"synonym '{synonym}' must be non-empty lowercase text without surrounding spaces."));
            }
        }

        // Merge: block fields in block order, then removals, then the class's own fields (a same-key field replaces the block's in place).
        var merged = new List<CatalogField>();
        var origin = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var blockId in cls.Blocks ?? [])
        {
            if (blockId is null || !blocks.TryGetValue(blockId, out var block))
            {
                problems.Add(new CatalogProblem(file, keyText, blockId, null, $"the class uses block '{blockId}', which no catalog file defines. Known blocks: {string.Join(", ", blocks.Keys.Order(StringComparer.Ordinal))}."));
                continue;
            }

            foreach (var field in block.Fields)
            {
                if (origin.TryGetValue(field.Key, out var other))
                {
                    problems.Add(new CatalogProblem(file, keyText, blockId, field.Key, $"the field also comes from block '{other}'; a field key must be unique within a class."));
                    continue;
                }

                origin[field.Key] = blockId;
                merged.Add(field);
            }
        }

        foreach (var remove in cls.RemoveFields ?? [])
        {
            var at = merged.FindIndex(f => string.Equals(f.Key, remove, StringComparison.Ordinal));
            if (at < 0)
            {
                problems.Add(new CatalogProblem(file, keyText, null, remove, "removeFields names a field that none of the class's blocks has."));
                continue;
            }

            merged.RemoveAt(at);
        }

        var own = ReadFields(cls.Fields, file, keyText, null, problems, blockId: null);
        var ownKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var field in own)
        {
            if (!ownKeys.Add(field.Key))
            {
                problems.Add(new CatalogProblem(file, keyText, null, field.Key, "the field appears twice in the class's fields."));
                continue;
            }

            if ((cls.RemoveFields ?? []).Contains(field.Key, StringComparer.Ordinal))
            {
                problems.Add(new CatalogProblem(file, keyText, null, field.Key, "the field is both removed and defined by the class; to replace a block field, define it without removing it."));
                continue;
            }

            var at = merged.FindIndex(f => string.Equals(f.Key, field.Key, StringComparison.Ordinal));
            if (at >= 0)
            {
                merged[at] = field;
            }
            else
            {
                merged.Add(field);
            }
        }

        foreach (var field in merged)
        {
            if (field.Measurand is { } m && !measurands.Contains(m, StringComparer.Ordinal))
            {
                problems.Add(new CatalogProblem(file, keyText, field.Block, field.Key, $"the field is about {m}, but the class measures only {string.Join(", ", measurands)}; remove the field or fix its measurand."));
            }
        }

        if (merged.Count == 0)
        {
            problems.Add(new CatalogProblem(file, keyText, null, null, "the class has no fields."));
        }
        else if (!merged.Any(static f => f.Requirement == RequirementLevel.Mandatory))
        {
            problems.Add(new CatalogProblem(file, keyText, null, null, "the class has no mandatory field; mark what every buyer must state as \"mandatory\"."));
        }

        if (problems.Count > count)
        {
            return null;
        }

        var ordered = merged
            .Select(static (f, i) => (Field: f, Position: i))
            .OrderBy(static x => FieldGroups.OrderOf(x.Field.Group))
            .ThenBy(static x => x.Field.Order ?? int.MaxValue)
            .ThenBy(static x => x.Position)
            .Select(static x => x.Field)
            .ToList();

        return new InstrumentClass
        {
            Key = key,
            DisplayName = cls.DisplayName!,
            Description = cls.Description!,
            Family = cls.Family!,
            Measurands = measurands,
            IsaCodes = cls.IsaCodes ?? [],
            Synonyms = cls.Synonyms ?? [],
            Blocks = cls.Blocks ?? [],
            Fields = ordered,
            SourceFile = file,
            SourceVersion = version,
            FromHostFile = source.IsHostFile,
        };

        void Require(string? value, string name)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add(new CatalogProblem(file, keyText, null, null, $"the class has no \"{name}\"."));
            }
        }
    }

    private static List<CatalogField> ReadFields(List<CatalogFieldDocument>? docs, string file, string? cls, string? block, List<CatalogProblem> problems, string? blockId)
    {
        var fields = new List<CatalogField>();
        if (docs is null)
        {
            if (block is not null)
            {
                problems.Add(new CatalogProblem(file, cls, block, null, "the block has no \"fields\"."));
            }

            return fields;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            if (doc is null)
            {
                problems.Add(new CatalogProblem(file, cls, block, null, "a field entry is null."));
                continue;
            }

            var field = ReadField(doc, file, cls, block, problems, blockId);
            if (field is null)
            {
                continue;
            }

            if (block is not null && !seen.Add(field.Key))
            {
                problems.Add(new CatalogProblem(file, cls, block, field.Key, "the field appears twice in the block."));
                continue;
            }

            fields.Add(field);
        }

        return fields;
    }

    private static CatalogField? ReadField(CatalogFieldDocument doc, string file, string? cls, string? block, List<CatalogProblem> problems, string? blockId)
    {
        var count = problems.Count;
        var key = doc.Key;
        if (string.IsNullOrWhiteSpace(key))
        {
            problems.Add(new CatalogProblem(file, cls, block, doc.DisplayName ?? "(no key)", "the field has no \"key\"."));
            return null;
        }

        void Problem(string message) => problems.Add(new CatalogProblem(file, cls, block, key, message));

        if (!SchemaQualityGate.IsSnakeCase(key))
        {
            Problem("the field key is not snake_case (lowercase letters, digits, single underscores).");
        }

        if (string.IsNullOrWhiteSpace(doc.DisplayName))
        {
            Problem("the field has no \"displayName\".");
        }

        if (string.IsNullOrWhiteSpace(doc.Description))
        {
            Problem("the field has no \"description\"; write one sentence a buyer understands.");
        }

        if (!FieldGroups.IsKnown(doc.Group))
        {
            Problem($"group '{doc.Group}' is not one of {string.Join(", ", FieldGroups.All)}.");
        }

        if (doc.DataType is null || !DataTypes.Contains(doc.DataType, StringComparer.Ordinal))
        {
            Problem($"dataType '{doc.DataType}' is not one of {string.Join(", ", DataTypes)}.");
        }

        if (doc.Requirement is null || !Requirements.Contains(doc.Requirement, StringComparer.Ordinal))
        {
            Problem($"requirement '{doc.Requirement}' is not one of {string.Join(", ", Requirements)}.");
        }

        var allowed = doc.AllowedValues ?? [];
        if (doc.DataType == "enum" && allowed.Count == 0)
        {
            Problem("the field is an enum but lists no allowedValues.");
        }

        if (doc.DataType is not null && doc.DataType != "enum" && allowed.Count > 0)
        {
            Problem($"allowedValues are only for enum fields; this field is {doc.DataType}.");
        }

        var distinct = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var value in allowed)
        {
            if (SchemaQualityGate.LooksLikeJunk(value))
            {
                Problem($"allowed value '{value}' is not a short code or term (empty, too long, prose or a placeholder).");
            }
            else if (!distinct.Add(value))
            {
                Problem($"allowed value '{value}' is listed twice.");
            }
        }

        if (doc.Requirement == "conditional" && string.IsNullOrWhiteSpace(doc.Condition))
        {
            Problem("the field is conditional but has no \"condition\" saying when it is required.");
        }

        CheckUnit(doc.Unit, "unit");
        foreach (var unit in doc.AcceptedUnits ?? [])
        {
            CheckUnit(unit, "acceptedUnits entry");
        }

        NumericRange? range = null;
        if (doc.TypicalRange is { } r)
        {
            if (doc.DataType is not ("number" or "range"))
            {
                Problem("typicalRange is only for number and range fields.");
            }

            range = new NumericRange { Min = r.Min, Max = r.Max, Unit = r.Unit ?? doc.Unit };
            if (!range.IsWellFormed)
            {
                Problem("typicalRange needs a finite min or max, and min must not exceed max.");
            }

            CheckUnit(r.Unit, "typicalRange unit");
        }

        if (doc.Measurand is { } measurand && (!InstrumentCatalog.Measurands.Contains(measurand, StringComparer.Ordinal) || measurand == "none"))
        {
            Problem($"measurand '{measurand}' is not one of {string.Join(", ", InstrumentCatalog.Measurands.Where(static m => m != "none"))}.");
        }

        if (doc.Order is < 0)
        {
            Problem("order must not be negative.");
        }

        if (doc.PropertyId is { } irdi && !irdi.StartsWith("0112/2///", StringComparison.Ordinal))
        {
            Problem($"propertyId '{irdi}' is not an IEC CDD IRDI (it starts with 0112/2///).");
        }

        foreach (var synonym in doc.Synonyms ?? [])
        {
            if (string.IsNullOrWhiteSpace(synonym))
            {
                Problem("a synonym is empty.");
            }
        }

        if (problems.Count > count)
        {
            return null;
        }

        return new CatalogField
        {
            Key = key,
            DisplayName = doc.DisplayName!,
            Description = doc.Description!,
            Group = doc.Group!,
            DataType = doc.DataType switch
            {
                "enum" => FieldDataType.Enum,
                "number" => FieldDataType.Number,
                "range" => FieldDataType.Range,
                "boolean" => FieldDataType.Boolean,
                _ => FieldDataType.Text,
            },
            Unit = doc.Unit,
            AcceptedUnits = doc.AcceptedUnits ?? [],
            AllowedValues = allowed,
            TypicalRange = range,
            Requirement = doc.Requirement switch
            {
                "mandatory" => RequirementLevel.Mandatory,
                "conditional" => RequirementLevel.Conditional,
                _ => RequirementLevel.Optional,
            },
            Condition = doc.Condition,
            Synonyms = doc.Synonyms ?? [],
            Measurand = doc.Measurand,
            PropertyId = doc.PropertyId,
            Order = doc.Order,
            Block = blockId,
        };

        void CheckUnit(string? unit, string what)
        {
            if (unit is null || CatalogUnits.IsKnown(unit))
            {
                return;
            }

            var hint = CatalogUnits.Suggest(unit) is { } s ? $" Did you mean '{s}'?" : string.Empty;
            Problem($"{what} '{unit}' is not in the unit list ({string.Join(", ", CatalogUnits.All)}).{hint}");
        }
    }

    private static bool IsSnake(string id) => SchemaQualityGate.IsSnakeCase(id);

    private static bool IsVersionText(string v) =>
        v.Length is >= 1 and <= 40 && v.All(static c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    private static string FirstSentence(string message)
    {
        var cut = message.IndexOf(". ", StringComparison.Ordinal);
        return cut > 0 ? message[..(cut + 1)] : message;
    }

    private static string ReadResource(Assembly assembly, string name)
    {
        using var stream = assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded catalog resource '{name}' is missing from {assembly.GetName().Name}.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        return reader.ReadToEnd();
    }
}

/// <summary>The result of loading: version, classes in load order, blocks and files.</summary>
internal sealed record LoadedCatalog(CatalogVersion Version, IReadOnlyList<InstrumentClass> Classes, IReadOnlyDictionary<string, CatalogBlock> Blocks, IReadOnlyList<CatalogFile> Files);
