using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using SchemaWorkflow.Quality;

namespace SchemaWorkflow.Standards.Internal;

/// <summary>Parses and validates knowledge-base files, collecting every problem before failing.</summary>
internal static partial class KnowledgeBaseLoader
{
    public const int MaxStatementLength = 400;

    private static readonly SchemaField TextProbe = new()
    {
        Key = "probe", DisplayName = "Probe", Description = "Checks a payload against the type gate.", Group = FieldGroups.Compliance, DataType = FieldDataType.Text,
    };

    private static readonly SchemaField NumberProbe = TextProbe with { DataType = FieldDataType.Range };

    public static (string Version, List<StandardDefinition> Standards, List<StandardsFact> Facts) Load(IReadOnlyList<StandardsDataFile> files, int embeddedCount)
    {
        var problems = new List<string>();
        var parsed = new List<(StandardsDataFile File, KnowledgeBaseFileDto Dto, bool Embedded)>();
        for (var i = 0; i < files.Count; i++)
        {
            var file = files[i];
            try
            {
                var dto = JsonSerializer.Deserialize(file.Json, StandardsJsonContext.Default.KnowledgeBaseFileDto);
                if (dto is null)
                {
                    problems.Add($"{file.Name}: the file is empty or 'null'; it must be a JSON object.");
                    continue;
                }

                parsed.Add((file, dto, i < embeddedCount));
            }
            catch (JsonException ex)
            {
                var where = ex.LineNumber is { } line ? $" at line {line + 1}, position {ex.BytePositionInLine + 1}" : string.Empty;
                problems.Add($"{file.Name}: not a valid knowledge-base file{where}: {ex.Message}");
            }
        }

        if (problems.Count > 0)
        {
            throw new StandardsValidationException(problems);
        }

        var bases = parsed.Where(static p => p.Dto.Version is not null).ToList();
        string version = string.Empty;
        if (bases.Count != 1)
        {
            problems.Add(bases.Count == 0
                ? "No file declares \"version\"; exactly one file (standards.core.json) must, and the others \"extends\" it."
                : $"Files {string.Join(", ", bases.Select(static b => b.File.Name))} all declare \"version\"; only one may, the others use \"extends\".");
        }
        else
        {
            version = bases[0].Dto.Version!;
            if (!VersionPattern().IsMatch(version))
            {
                problems.Add($"{bases[0].File.Name}: version '{version}' is not dotted numbers such as 2026.11.1.");
            }
        }

        foreach (var (file, dto, embedded) in parsed)
        {
            if (dto.Version is not null && dto.Extends is not null)
            {
                problems.Add($"{file.Name}: declares both \"version\" and \"extends\"; use one.");
            }
            else if (dto.Version is null && string.IsNullOrWhiteSpace(dto.Extends))
            {
                problems.Add($"{file.Name}: declares neither \"version\" nor \"extends\"; an added file says which version it \"extends\".");
            }
            else if (embedded && dto.Extends is not null && bases.Count == 1 && !string.Equals(dto.Extends, version, StringComparison.Ordinal))
            {
                problems.Add($"{file.Name}: extends '{dto.Extends}' but the knowledge base is version '{version}'.");
            }
        }

        // Base first, then the rest in the order given, so ids and ordering are deterministic.
        parsed.Sort((x, y) => (x.Dto.Version is null ? 1 : 0).CompareTo(y.Dto.Version is null ? 1 : 0));

        var standards = new List<StandardDefinition>();
        var standardIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, dto, _) in parsed)
        {
            for (var i = 0; i < (dto.Standards?.Count ?? 0); i++)
            {
                var s = dto.Standards![i];
                var where = $"{file.Name}: standard '{s.Id ?? $"#{i + 1}"}'";
                if (string.IsNullOrWhiteSpace(s.Id))
                {
                    problems.Add($"{file.Name}: standard #{i + 1} has no id.");
                    continue;
                }

                if (!standardIds.TryAdd(s.Id, file.Name))
                {
                    problems.Add($"{where} is already defined in {standardIds[s.Id]}.");
                    continue;
                }

                if (string.IsNullOrWhiteSpace(s.Title))
                {
                    problems.Add($"{where} has no title.");
                }

                if (string.IsNullOrWhiteSpace(s.Reason))
                {
                    problems.Add($"{where} has no reason (one sentence on why it applies).");
                }

                CheckClasses(s.Classes, where, problems);
                standards.Add(new StandardDefinition
                {
                    Id = s.Id,
                    Edition = s.Edition,
                    Title = s.Title ?? string.Empty,
                    Reason = s.Reason ?? string.Empty,
                    Classes = s.Classes?.ToArray() ?? [],
                    File = file.Name,
                });
            }
        }

        var facts = new List<StandardsFact>();
        var factIds = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (file, dto, _) in parsed)
        {
            for (var i = 0; i < (dto.Facts?.Count ?? 0); i++)
            {
                var fact = ValidateFact(file.Name, i, dto.Facts![i], standardIds, factIds, problems);
                if (fact is not null)
                {
                    facts.Add(fact);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new StandardsValidationException(problems);
        }

        return (version, standards, facts);
    }

    private static StandardsFact? ValidateFact(string fileName, int index, FactDto f, Dictionary<string, string> standardIds, Dictionary<string, string> factIds, List<string> problems)
    {
        if (string.IsNullOrWhiteSpace(f.Id))
        {
            problems.Add($"{fileName}: fact #{index + 1} has no id.");
            return null;
        }

        var where = $"{fileName}: fact '{f.Id}'";
        var before = problems.Count;
        if (!FactIdPattern().IsMatch(f.Id))
        {
            problems.Add($"{where}: the id is not lowercase dotted (e.g. iec60751.tolerance_classes).");
        }

        if (!factIds.TryAdd(f.Id, fileName))
        {
            problems.Add($"{where}: the id is already used in {factIds[f.Id]}; fact ids are unique across files.");
        }

        if (string.IsNullOrWhiteSpace(f.Standard))
        {
            problems.Add($"{where}: names no standard.");
        }
        else if (!standardIds.ContainsKey(f.Standard))
        {
            problems.Add($"{where}: standard '{f.Standard}' is not in any file's standards list.");
        }

        if (string.IsNullOrWhiteSpace(f.Statement))
        {
            problems.Add($"{where}: has no statement.");
        }
        else if (f.Statement.Length > MaxStatementLength)
        {
            problems.Add($"{where}: the statement has {f.Statement.Length} characters; keep it to one sentence of at most {MaxStatementLength}.");
        }

        CheckClasses(f.Classes, where, problems);
        var fields = f.Fields ?? [];
        foreach (var field in fields)
        {
            if (!SchemaQualityGate.IsSnakeCase(field))
            {
                problems.Add($"{where}: field key '{field}' is not snake_case.");
            }
        }

        foreach (var keyword in f.Keywords ?? [])
        {
            if (string.IsNullOrWhiteSpace(keyword))
            {
                problems.Add($"{where}: has an empty keyword.");
            }
        }

        var verification = ParseVerification(f.Verification);
        if (verification is null)
        {
            problems.Add($"{where}: verification '{f.Verification}' is not one of V, V2, WE, unverified.");
        }

        if (f.Confidence is not { } confidence || !double.IsFinite(confidence) || confidence is < 0 or > 1)
        {
            problems.Add($"{where}: confidence {Show(f.Confidence)} is not a number between 0 and 1.");
            confidence = 0;
        }
        else if (verification is { } v && !ConfidenceFits(v, confidence))
        {
            problems.Add($"{where}: confidence {Show(confidence)} does not fit verification '{f.Verification}' (V 0.9–1.0, V2 0.75–0.85, WE 0.6–0.7, unverified ≤ 0.4).");
        }

        var payload = new List<FactPayload>();
        for (var p = 0; p < (f.Payload?.Count ?? 0); p++)
        {
            var item = ValidatePayload($"{where} payload #{p + 1}", f.Payload![p], fields, verification, problems);
            if (item is not null)
            {
                payload.Add(item);
            }
        }

        if (fields.Count == 0 && (f.Keywords?.Count ?? 0) == 0)
        {
            problems.Add($"{where}: has neither fields nor keywords, so nothing can ever find it.");
        }

        return problems.Count > before
            ? null
            : new StandardsFact
            {
                Id = f.Id,
                Standard = f.Standard!,
                Edition = f.Edition,
                Clause = f.Clause,
                Statement = f.Statement!,
                Classes = f.Classes!.ToArray(),
                Fields = fields.ToArray(),
                Keywords = f.Keywords?.ToArray() ?? [],
                Confidence = confidence,
                Verification = verification!.Value,
                Payload = payload,
                File = fileName,
            };
    }

    private static FactPayload? ValidatePayload(string where, PayloadDto p, List<string> fields, FactVerification? verification, List<string> problems)
    {
        var before = problems.Count;
        FieldValueKind? kind = p.Kind switch
        {
            "allowedValues" => FieldValueKind.AllowedValues,
            "range" => FieldValueKind.Range,
            "limit" => FieldValueKind.Limit,
            "default" => FieldValueKind.RecommendedDefault,
            "formula" => FieldValueKind.Formula,
            _ => null,
        };
        if (kind is null)
        {
            problems.Add($"{where}: kind '{p.Kind}' is not one of allowedValues, range, limit, default, formula.");
            return null;
        }

        if (string.IsNullOrWhiteSpace(p.Field) || !fields.Contains(p.Field, StringComparer.Ordinal))
        {
            problems.Add($"{where}: field '{p.Field}' is not one of the fact's fields [{string.Join(", ", fields)}].");
        }

        if (verification == FactVerification.Unverified && kind is FieldValueKind.AllowedValues or FieldValueKind.Range or FieldValueKind.Limit)
        {
            problems.Add($"{where}: an unverified fact may not state a hard constraint ({p.Kind}); use a default or formula, or verify it.");
        }

        if (p.Unit is not null && !StandardUnits.All.Contains(p.Unit))
        {
            problems.Add($"{where}: unit '{p.Unit}' is not in the catalog unit list ({string.Join(", ", StandardUnits.All)}).");
        }

        if (p.Label is not null && SchemaQualityGate.LooksLikeJunk(p.Label))
        {
            problems.Add($"{where}: label '{p.Label}' is not a short label.");
        }

        CheckFinite(where, "min", p.Min, problems);
        CheckFinite(where, "max", p.Max, problems);
        CheckFinite(where, "number", p.Number, problems);

        var foreign = kind switch
        {
            FieldValueKind.AllowedValues => Slots(p, values: false),
            FieldValueKind.Range => Slots(p, min: false, max: false, unit: false),
            FieldValueKind.Limit => Slots(p, number: false, unit: false),
            FieldValueKind.RecommendedDefault => Slots(p, number: false, unit: false, text: false),
            _ => Slots(p, formula: false),
        };
        if (foreign.Count > 0)
        {
            problems.Add($"{where}: a {p.Kind} item may not set {string.Join(", ", foreign)}.");
        }

        switch (kind)
        {
            case FieldValueKind.AllowedValues when p.Values is null || p.Values.Count == 0:
                problems.Add($"{where}: lists no values.");
                break;
            case FieldValueKind.AllowedValues:
                foreach (var v in p.Values.Where(SchemaQualityGate.LooksLikeJunk))
                {
                    problems.Add($"{where}: '{v}' is not a short code or term.");
                }

                if (p.Values.Distinct(StringComparer.OrdinalIgnoreCase).Count() != p.Values.Count)
                {
                    problems.Add($"{where}: lists a value twice.");
                }

                break;
            case FieldValueKind.Range when p.Min is null && p.Max is null:
                problems.Add($"{where}: a range needs min, max or both.");
                break;
            case FieldValueKind.Range when p.Min > p.Max:
                problems.Add($"{where}: min {Show(p.Min)} is above max {Show(p.Max)}.");
                break;
            case FieldValueKind.Limit when p.Number is null:
                problems.Add($"{where}: a limit needs a number.");
                break;
            case FieldValueKind.RecommendedDefault when (p.Text is null) == (p.Number is null):
                problems.Add($"{where}: a default needs exactly one of text or number.");
                break;
            case FieldValueKind.RecommendedDefault when p.Text is not null && SchemaQualityGate.LooksLikeJunk(p.Text):
                problems.Add($"{where}: default '{p.Text}' is not a short code or term.");
                break;
            case FieldValueKind.Formula when string.IsNullOrWhiteSpace(p.Formula):
                problems.Add($"{where}: a formula item has no formula.");
                break;
        }

        if (problems.Count > before)
        {
            return null;
        }

        var item = new FactPayload
        {
            Kind = kind.Value,
            Field = p.Field!,
            Values = p.Values?.ToArray() ?? [],
            Min = p.Min,
            Max = p.Max,
            Number = p.Number,
            Unit = p.Unit,
            Text = p.Text,
            Formula = p.Formula,
            Label = p.Label,
        };

        // Whatever passes here must also pass the schema type gate on a field of a fitting type.
        var probe = kind == FieldValueKind.Range ? NumberProbe : TextProbe;
        var gate = SchemaQualityGate.ValidateValue(probe, ToProbeValue(item));
        if (gate is not null)
        {
            problems.Add($"{where}: would fail the type gate: {gate.Replace("'probe'", "the field", StringComparison.Ordinal)}");
            return null;
        }

        return item;
    }

    private static FieldValue ToProbeValue(FactPayload p) => new()
    {
        Kind = p.Kind,
        AllowedValues = p.Values,
        Range = p.Kind == FieldValueKind.Range ? new NumericRange { Min = p.Min, Max = p.Max, Unit = p.Unit } : null,
        Number = p.Number,
        Unit = p.Kind == FieldValueKind.Range ? null : p.Unit,
        Text = p.Text,
        Formula = p.Formula,
        Label = p.Label,
        Citations = [new Citation { Source = "probe" }],
    };

    private static List<string> Slots(PayloadDto p, bool values = true, bool min = true, bool max = true, bool number = true, bool unit = true, bool text = true, bool formula = true)
    {
        var set = new List<string>();
        if (values && p.Values is not null)
        {
            set.Add("values");
        }

        if (min && p.Min is not null)
        {
            set.Add("min");
        }

        if (max && p.Max is not null)
        {
            set.Add("max");
        }

        if (number && p.Number is not null)
        {
            set.Add("number");
        }

        if (unit && p.Unit is not null)
        {
            set.Add("unit");
        }

        if (text && p.Text is not null)
        {
            set.Add("text");
        }

        if (formula && p.Formula is not null)
        {
            set.Add("formula");
        }

        return set;
    }

    private static void CheckClasses(List<string>? classes, string where, List<string> problems)
    {
        if (classes is null || classes.Count == 0)
        {
            problems.Add($"{where}: lists no classes; use class keys or [\"*\"].");
            return;
        }

        foreach (var c in classes)
        {
            if (c != "*" && !SchemaQualityGate.IsSnakeCase(c))
            {
                problems.Add($"{where}: class '{c}' is not a snake_case class key or \"*\".");
            }
        }

        if (classes.Contains("*") && classes.Count > 1)
        {
            problems.Add($"{where}: lists \"*\" together with class keys; use one or the other.");
        }
    }

    private static void CheckFinite(string where, string name, double? value, List<string> problems)
    {
        if (value is { } v && !double.IsFinite(v))
        {
            problems.Add($"{where}: {name} is not a finite number.");
        }
    }

    private static FactVerification? ParseVerification(string? value) => value switch
    {
        "V" => FactVerification.Verified,
        "V2" => FactVerification.VerifiedSecondary,
        "WE" => FactVerification.WellEstablished,
        "unverified" => FactVerification.Unverified,
        _ => null,
    };

    private static bool ConfidenceFits(FactVerification verification, double confidence) => verification switch
    {
        FactVerification.Verified => confidence is >= 0.9 and <= 1.0,
        FactVerification.VerifiedSecondary => confidence is >= 0.75 and <= 0.85,
        FactVerification.WellEstablished => confidence is >= 0.6 and <= 0.7,
        _ => confidence <= 0.4,
    };

    private static string Show(double? value) => value?.ToString("G", CultureInfo.InvariantCulture) ?? "(missing)";

    [GeneratedRegex(@"^[a-z0-9][a-z0-9_]*(\.[a-z0-9_]+)+$", RegexOptions.CultureInvariant)]
    private static partial Regex FactIdPattern();

    [GeneratedRegex(@"^\d+(\.\d+){1,3}$", RegexOptions.CultureInvariant)]
    private static partial Regex VersionPattern();
}
