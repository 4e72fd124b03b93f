using FuzzySharp;
using SchemaWorkflow.Catalog;
using SchemaWorkflow.Quality;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Datasheets.Internal;

/// <summary>
/// Builds the schema from the catalog class (when there is one) and the specifications of every used document: a
/// field most vendors state becomes mandatory, others optional; stated values become allowed values or ranges, per
/// document and as a union across vendors, each value citing its vendor, document and page; keys stated by enough
/// vendors that match no catalog field become fields. Every value passes <see cref="SchemaQualityGate"/>.
/// </summary>
internal sealed class SchemaComposer
{
    private const int MaxNoteLength = 120;

    private readonly DatasheetGeneratorOptions _options;
    private readonly List<string> _warnings = [];

    public SchemaComposer(DatasheetGeneratorOptions options) => _options = options;

    public IReadOnlyList<string> Warnings => _warnings;

    public List<string> FieldsWithValues { get; } = [];

    public List<string> AddedFields { get; } = [];

    public ProductSchema Compose(
        ProductTypeKey key,
        ProductSchema? catalogSchema,
        IReadOnlyList<ExtractedSpecification> specifications,
        int vendorCount,
        SchemaProvenance provenance)
    {
        var byField = specifications.Where(static s => s.FieldKey is not null).ToLookup(static s => s.FieldKey!, StringComparer.Ordinal);
        var groups = new Dictionary<string, List<SchemaField>>(StringComparer.Ordinal);
        foreach (var group in catalogSchema?.Groups ?? [])
        {
            var fields = new List<SchemaField>(group.Fields.Count);
            foreach (var field in group.Fields)
            {
                fields.Add(Update(field, [.. byField[field.Key]], vendorCount));
            }

            groups[group.Key] = fields;
        }

        var taken = groups.Values.SelectMany(static f => f).Select(static f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var candidate in Candidates(specifications.Where(static s => s.CandidateKey is not null).ToList(), vendorCount, taken))
        {
            if (!groups.TryGetValue(candidate.Group, out var list))
            {
                groups[candidate.Group] = list = [];
            }

            list.Add(candidate);
            taken.Add(candidate.Key);
            AddedFields.Add(candidate.Key);
        }

        var displayName = catalogSchema?.DisplayName ?? DisplayNameOf(key);
        return new ProductSchema
        {
            Key = key,
            DisplayName = displayName,
            Description = catalogSchema?.Description ?? $"{displayName}, as specified on vendor datasheets.",
            Groups =
            [
                .. FieldGroups.All.Where(groups.ContainsKey).Where(g => groups[g].Count > 0)
                    .Select(g => new FieldGroup { Key = g, DisplayName = FieldGroups.DisplayName(g), Fields = groups[g] }),
            ],
            Standards = catalogSchema?.Standards ?? [],
            Provenance = provenance,
        };
    }

    private SchemaField Update(SchemaField field, List<ExtractedSpecification> specs, int vendorCount)
    {
        var support = specs.Select(static s => s.Provenance.Vendor.Id).Distinct(StringComparer.Ordinal).Count();
        var updated = field with { Requirement = Requirement(field.Requirement, support, vendorCount, field.Condition is not null) };
        if (specs.Count == 0)
        {
            return updated;
        }

        if (field.DataType == FieldDataType.Enum)
        {
            var added = specs.SelectMany(static s => s.NewValues)
                .Where(v => !field.AllowedValues.Contains(v, StringComparer.OrdinalIgnoreCase) && !SchemaQualityGate.LooksLikeJunk(v))
                .Distinct(StringComparer.OrdinalIgnoreCase);
            updated = updated with { AllowedValues = [.. field.AllowedValues, .. added] };
        }

        if (field.TypicalRange is { IsWellFormed: true } typical && field.Unit is not null)
        {
            updated = updated with { TypicalRange = Widen(typical, field.Unit, specs) };
        }

        var values = Gate(updated, BuildValues(updated, specs, support, vendorCount));
        if (values.Count > 0)
        {
            FieldsWithValues.Add(field.Key);
        }

        return updated with { Values = [.. field.Values, .. values] };
    }

    private RequirementLevel Requirement(RequirementLevel catalog, int support, int vendorCount, bool hasCondition) =>
        catalog == RequirementLevel.Conditional && hasCondition ? RequirementLevel.Conditional
        : support > 0 && support > vendorCount * _options.MandatoryVendorShare ? RequirementLevel.Mandatory
        : RequirementLevel.Optional;

    private static NumericRange Widen(NumericRange typical, string unit, List<ExtractedSpecification> specs)
    {
        var bounds = Convert(typical, unit);
        if (bounds is null)
        {
            return typical;
        }

        double? min = bounds.Min, max = bounds.Max;
        foreach (var (lo, hi) in Spans(specs.Where(s => string.Equals(s.Unit, unit, StringComparison.Ordinal))))
        {
            min = min is null ? null : Math.Min(min.Value, lo ?? min.Value);
            max = max is null ? null : Math.Max(max.Value, hi ?? max.Value);
        }

        return new NumericRange { Min = min, Max = max, Unit = unit };
    }

    private static NumericRange? Convert(NumericRange range, string unit)
    {
        if (range.Unit is null || string.Equals(range.Unit, unit, StringComparison.Ordinal))
        {
            return range with { Unit = unit };
        }

        double? min = null, max = null;
        if (range.Min is { } a)
        {
            if (!ValueParser.TryConvert(a, range.Unit, unit, out var x))
            {
                return null;
            }

            min = x;
        }

        if (range.Max is { } b)
        {
            if (!ValueParser.TryConvert(b, range.Unit, unit, out var y))
            {
                return null;
            }

            max = y;
        }

        return new NumericRange { Min = min, Max = max, Unit = unit };
    }

    private static IEnumerable<(double? Min, double? Max)> Spans(IEnumerable<ExtractedSpecification> specs)
    {
        foreach (var s in specs)
        {
            if (s.Range is { } r)
            {
                yield return (r.Min, r.Max);
            }
            else if (s.Number is { } n)
            {
                yield return (n, n);
            }
        }
    }

    private static List<FieldValue> BuildValues(SchemaField field, List<ExtractedSpecification> specs, int support, int vendorCount)
    {
        var values = new List<FieldValue>();
        var isList = field.DataType is FieldDataType.Enum or FieldDataType.Text or FieldDataType.Boolean;
        var documents = specs.GroupBy(static s => s.Provenance.Source, StringComparer.Ordinal).ToList();
        foreach (var document in documents)
        {
            var docSpecs = document.ToList();
            var vendor = docSpecs[0].Provenance.Vendor.Name;
            if (isList)
            {
                var list = docSpecs.SelectMany(static s => s.Values).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
                if (list.Count > 0)
                {
                    values.Add(ListValue(list, Shorten($"{vendor}: {string.Join(", ", list)}"), docSpecs));
                }

                continue;
            }

            foreach (var byUnit in docSpecs.Where(static s => s.Number is not null || s.Range is not null).GroupBy(static s => s.Unit, StringComparer.Ordinal))
            {
                var unitSpecs = byUnit.ToList();
                if (unitSpecs is [{ Number: { } n, Range: null } single])
                {
                    values.Add(new FieldValue
                    {
                        Kind = FieldValueKind.Limit,
                        Number = n,
                        Unit = single.Unit,
                        Label = Shorten($"{vendor}: {single.Display}"),
                        Citations = Citations(unitSpecs),
                        Confidence = Confidence(unitSpecs),
                    });
                }
                else if (Envelope(unitSpecs, byUnit.Key) is { } range)
                {
                    values.Add(new FieldValue
                    {
                        Kind = FieldValueKind.Range,
                        Range = range,
                        Label = Shorten($"{vendor}: {string.Join(", ", unitSpecs.Select(static s => s.Display).Distinct(StringComparer.Ordinal))}"),
                        Citations = Citations(unitSpecs),
                        Confidence = Confidence(unitSpecs),
                    });
                }
            }
        }

        if (documents.Count < 2)
        {
            return values;
        }

        var label = $"offered by {support} of {vendorCount} vendors";
        if (isList)
        {
            var union = specs.SelectMany(static s => s.Values).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
            if (union.Count > 0)
            {
                values.Add(ListValue(union, label, specs));
            }
        }
        else
        {
            foreach (var byUnit in specs.Where(static s => s.Number is not null || s.Range is not null).GroupBy(static s => s.Unit, StringComparer.Ordinal))
            {
                var unitSpecs = byUnit.ToList();
                if (unitSpecs.Select(static s => s.Provenance.Source).Distinct(StringComparer.Ordinal).Count() >= 2 && Envelope(unitSpecs, byUnit.Key) is { } range)
                {
                    var stating = unitSpecs.Select(static s => s.Provenance.Vendor.Id).Distinct(StringComparer.Ordinal).Count();
                    values.Add(new FieldValue
                    {
                        Kind = FieldValueKind.Range,
                        Range = range,
                        Label = $"offered by {stating} of {vendorCount} vendors",
                        Citations = Citations(unitSpecs),
                        Confidence = Confidence(unitSpecs),
                    });
                }
            }
        }

        return values;
    }

    private static FieldValue ListValue(List<string> list, string label, List<ExtractedSpecification> specs) => new()
    {
        Kind = FieldValueKind.AllowedValues,
        AllowedValues = list,
        Label = label,
        Citations = Citations(specs),
        Confidence = Confidence(specs),
    };

    private static NumericRange? Envelope(List<ExtractedSpecification> specs, string? unit)
    {
        double? min = null, max = null;
        foreach (var (lo, hi) in Spans(specs))
        {
            if (lo is { } l)
            {
                min = min is null ? l : Math.Min(min.Value, l);
            }

            if (hi is { } h)
            {
                max = max is null ? h : Math.Max(max.Value, h);
            }
        }

        var range = new NumericRange { Min = min, Max = max, Unit = unit };
        return range.IsWellFormed ? range : null;
    }

    private static List<Citation> Citations(IEnumerable<ExtractedSpecification> specs) =>
    [
        .. specs.GroupBy(static s => (s.Provenance.Source, s.Provenance.Page))
            .Select(static g => new Citation { Source = g.Key.Source, Clause = $"p. {g.Key.Page}", Note = Shorten($"{g.First().Key}: {g.First().Value}", MaxNoteLength) }),
    ];

    private static double Confidence(IEnumerable<ExtractedSpecification> specs) => Math.Round(Math.Clamp(specs.Min(static s => s.Confidence), 0, 1), 2);

    private List<FieldValue> Gate(SchemaField field, List<FieldValue> values)
    {
        var passed = new List<FieldValue>(values.Count);
        foreach (var value in values)
        {
            var problem = SchemaQualityGate.ValidateValue(field, value);
            if (problem is null)
            {
                passed.Add(value);
            }
            else
            {
                _warnings.Add($"Dropped a datasheet value of '{field.Key}': {problem}");
            }
        }

        return passed;
    }

    private IEnumerable<SchemaField> Candidates(List<ExtractedSpecification> specs, int vendorCount, HashSet<string> taken)
    {
        var clusters = new List<(string Key, List<ExtractedSpecification> Specs)>();
        foreach (var spec in specs)
        {
            var index = clusters.FindIndex(c => string.Equals(c.Key, spec.CandidateKey, StringComparison.Ordinal));
            if (index < 0)
            {
                var words = spec.CandidateKey!.Replace('_', ' ');
                index = clusters.FindIndex(c => Fuzz.TokenSortRatio(c.Key.Replace('_', ' '), words) >= _options.FuzzyThreshold);
            }

            if (index < 0)
            {
                clusters.Add((spec.CandidateKey!, [spec]));
            }
            else
            {
                clusters[index].Specs.Add(spec);
            }
        }

        var kept = clusters
            .Select(static c => (c.Key, c.Specs, Support: c.Specs.Select(static s => s.Provenance.Vendor.Id).Distinct(StringComparer.Ordinal).Count()))
            .Where(c => c.Support >= _options.MinVendorsForCandidateField)
            .OrderByDescending(static c => c.Support)
            .ToList();
        foreach (var (_, clusterSpecs, support) in kept)
        {
            var field = Candidate(clusterSpecs, support, vendorCount, taken);
            if (field is null)
            {
                continue;
            }

            var problems = SchemaQualityGate.ValidateField(field).ToList();
            if (problems.Count > 0)
            {
                _warnings.Add($"Did not add field '{field.Key}': {string.Join(" ", problems)}");
                continue;
            }

            yield return field;
        }
    }

    private SchemaField? Candidate(List<ExtractedSpecification> specs, int support, int vendorCount, HashSet<string> taken)
    {
        var key = specs.GroupBy(static s => s.CandidateKey!, StringComparer.Ordinal).OrderByDescending(static g => g.Count()).First().Key;
        if (taken.Contains(key))
        {
            key += "_datasheet";
            if (taken.Contains(key))
            {
                return null;
            }
        }

        var names = specs.Select(static s => CleanName(s.Key)).Where(static n => n.Length > 0).ToList();
        var display = names.GroupBy(static n => n, StringComparer.OrdinalIgnoreCase).OrderByDescending(static g => g.Count()).Select(static g => g.First()).FirstOrDefault() ?? key.Replace('_', ' ');
        display = char.ToUpperInvariant(display[0]) + display[1..];
        var synonyms = names.Select(static n => n.ToLowerInvariant()).Distinct(StringComparer.Ordinal)
            .Where(n => !string.Equals(n, display, StringComparison.OrdinalIgnoreCase)).ToList();

        var numeric = Numeric(specs);
        var dataType = numeric is null ? FieldDataType.Enum : numeric.Value.Specs.Any(static s => s.Range is not null) ? FieldDataType.Range : FieldDataType.Number;
        var usedSpecs = numeric?.Specs ?? [.. specs.Select(static s => s.Values.Count > 0 ? s : s with { Values = [s.Value], NewValues = [s.Value] })];
        var unit = numeric?.Unit;
        var field = new SchemaField
        {
            Key = key,
            DisplayName = display,
            Description = $"{display}, as stated on vendor datasheets ({support} of {vendorCount} vendors state it).",
            Group = GroupOf(key, unit),
            DataType = dataType,
            Unit = unit,
            AcceptedUnits = unit is null ? [] : [.. specs.Select(static s => s.Unit).OfType<string>().Distinct(StringComparer.Ordinal).Where(u => !string.Equals(u, unit, StringComparison.Ordinal))],
            AllowedValues = numeric is null ? [.. usedSpecs.SelectMany(static s => s.Values).Distinct(StringComparer.OrdinalIgnoreCase)] : [],
            Requirement = Requirement(RequirementLevel.Optional, support, vendorCount, false),
            Synonyms = synonyms,
        };
        var values = Gate(field, BuildValues(field, usedSpecs, support, vendorCount));
        return field with { Values = values };
    }

    /// <summary>
    /// The specifications as numbers in one unit, or null when some are not numbers or cannot share a unit. The unit is
    /// the most common catalog unit every value converts to (so grams and kilograms become kilograms, never the
    /// acceleration g), else the most common unit that works.
    /// </summary>
    private static (List<ExtractedSpecification> Specs, string Unit)? Numeric(List<ExtractedSpecification> specs)
    {
        if (specs.Any(static s => s.Unit is null || (s.Number is null && s.Range is null)))
        {
            return null;
        }

        var candidates = specs.Select(static s => s.Unit!)
            .GroupBy(static u => u, StringComparer.Ordinal)
            .OrderByDescending(static g => CatalogUnits.IsKnown(g.Key))
            .ThenByDescending(static g => g.Count())
            .Select(static g => g.Key);
        foreach (var unit in candidates)
        {
            if (ConvertAll(specs, unit) is { } converted)
            {
                return (converted, unit);
            }
        }

        return null;
    }

    private static List<ExtractedSpecification>? ConvertAll(List<ExtractedSpecification> specs, string unit)
    {
        var converted = new List<ExtractedSpecification>(specs.Count);
        foreach (var s in specs)
        {
            if (string.Equals(s.Unit, unit, StringComparison.Ordinal))
            {
                converted.Add(s);
                continue;
            }

            var difference = s.Form == QuantityForm.Tolerance;
            if (s.Number is { } n)
            {
                if (!ValueParser.TryConvert(n, s.Unit!, unit, out var x, difference))
                {
                    return null;
                }

                converted.Add(s with { Number = SpecificationMapper.Round(x), Unit = unit });
                continue;
            }

            var r = s.Range!;
            double? min = null, max = null;
            if (r.Min is { } lo)
            {
                if (!ValueParser.TryConvert(lo, s.Unit!, unit, out var a))
                {
                    return null;
                }

                min = a;
            }

            if (r.Max is { } hi)
            {
                if (!ValueParser.TryConvert(hi, s.Unit!, unit, out var b))
                {
                    return null;
                }

                max = b;
            }

            converted.Add(s with { Range = SpecificationMapper.Round(new NumericRange { Min = min, Max = max, Unit = unit }), Unit = unit });
        }

        return converted;
    }

    private static string GroupOf(string key, string? unit)
    {
        var words = key.Split('_');
        bool Any(params string[] terms) => words.Any(w => terms.Contains(w, StringComparer.Ordinal));
        if (Any("approval", "approvals", "certificate", "certification", "certified", "sil", "atex", "iecex", "hazardous", "standard", "standards", "compliance", "conformity", "directive", "marking", "ce", "ul", "csa", "nace"))
        {
            return FieldGroups.Compliance;
        }

        if (Any("ambient", "humidity", "vibration", "shock", "ingress", "ip", "storage", "climate", "climatic", "altitude", "environment", "environmental"))
        {
            return FieldGroups.Environmental;
        }

        if (Any("voltage", "current", "signal", "output", "power", "supply", "load", "cable", "terminal", "terminals", "wiring", "communication", "protocol", "hart", "fieldbus", "isolation", "insulation", "resistance", "electrical"))
        {
            return FieldGroups.Electrical;
        }

        if (Any("accuracy", "stability", "response", "resolution", "repeatability", "hysteresis", "linearity", "drift", "error", "uncertainty", "effect", "damping", "turndown", "rangeability", "warm", "startup"))
        {
            return FieldGroups.Performance;
        }

        if (Any("weight", "mass", "material", "materials", "housing", "connection", "thread", "flange", "dimension", "dimensions", "length", "height", "width", "diameter", "mounting", "seal", "gasket", "color", "enclosure", "display", "finish", "coating"))
        {
            return FieldGroups.Mechanical;
        }

        if (Any("process", "medium", "fluid", "pressure", "temperature", "flow", "level", "range", "density", "viscosity"))
        {
            return FieldGroups.ProcessParameters;
        }

        return unit is not null && ValueParser.DimensionOf(unit) is UnitDimension.Mass or UnitDimension.Length
            ? FieldGroups.Mechanical
            : unit is not null ? FieldGroups.ProcessParameters : FieldGroups.Mechanical;
    }

    private static string CleanName(string key)
    {
        var cleaned = System.Text.RegularExpressions.Regex.Replace(key, @"[\(\[][^\)\]]*[\)\]]", " ");
        return string.Join(' ', cleaned.Split(' ', StringSplitOptions.RemoveEmptyEntries)).Trim(' ', ':', ',');
    }

    private static string DisplayNameOf(ProductTypeKey key)
    {
        var text = key.Value.Replace('_', ' ');
        return text.Length == 0 ? "Product" : char.ToUpperInvariant(text[0]) + text[1..];
    }

    private static string Shorten(string text, int max = SchemaQualityGate.MaxValueTextLength) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");
}
