using System.Text.Json;
using SchemaWorkflow.AI.Prompts;
using SchemaWorkflow.AI.Serialization;
using SchemaWorkflow.Quality;

namespace SchemaWorkflow.AI.Generation;

/// <summary>
/// Turns the model's schema answer into a <see cref="ProductSchema"/> and lists every problem: JSON, shape, types,
/// units, groups, duplicate keys and prose in value slots (through <see cref="SchemaQualityGate"/> plus checks of
/// its own). Skeleton fields are trusted: they replace the model's version of the same key and are restored when missing.
/// </summary>
internal static class SchemaAnswerReader
{
    public sealed record Result(ProductSchema? Schema, IReadOnlyList<string> Problems, bool NotAnInstrument);

    public static Result Read(string? text, ProductTypeKey key, ProductSchema? skeleton, SchemaProvenance provenance, int maxFields)
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new Result(null, ["The answer was empty; answer with the JSON object."], false);
        }

        SchemaAnswer? answer;
        try
        {
            answer = JsonSerializer.Deserialize(StripFences(text), AIJsonContext.Default.SchemaAnswer);
        }
        catch (JsonException ex)
        {
            return new Result(null, [$"The answer is not valid JSON for the response schema (at {ex.Path ?? "$"}, line {ex.LineNumber + 1}): answer with the JSON object only."], false);
        }

        if (answer is null)
        {
            return new Result(null, ["The answer was JSON null; answer with the JSON object."], false);
        }

        if (answer.IsProcessInstrument == false)
        {
            return new Result(null, [], true);
        }

        if (string.IsNullOrWhiteSpace(answer.DisplayName) || SchemaQualityGate.LooksLikeJunk(answer.DisplayName))
        {
            problems.Add("display_name must be a short name of the product type.");
        }

        if (answer.Description is not null && OutputChecks.IsBadProse(answer.Description))
        {
            problems.Add("description must be one plain sentence of at most 300 characters.");
        }

        var groups = new List<FieldGroup>();
        var fieldCount = 0;
        foreach (var group in answer.Groups ?? [])
        {
            if (group?.Key is not { } groupKey)
            {
                problems.Add("A group has no key.");
                continue;
            }

            var fields = new List<SchemaField>();
            foreach (var field in group.Fields ?? [])
            {
                fieldCount++;
                if (field is not null && ReadField(field, groupKey, problems) is { } read)
                {
                    fields.Add(read);
                }
            }

            groups.Add(new FieldGroup { Key = groupKey, DisplayName = FieldGroups.DisplayName(groupKey), Fields = fields });
        }

        if (fieldCount > maxFields)
        {
            problems.Add($"The schema has {fieldCount} fields; keep it to at most {maxFields}.");
        }

        if (skeleton is not null)
        {
            groups = MergeSkeleton(groups, skeleton);
        }

        groups.Sort(static (a, b) => FieldGroups.OrderOf(a.Key).CompareTo(FieldGroups.OrderOf(b.Key)));
        var schema = new ProductSchema
        {
            Key = key,
            DisplayName = answer.DisplayName?.Trim() ?? string.Empty,
            Description = string.IsNullOrWhiteSpace(answer.Description) ? null : answer.Description.Trim(),
            Groups = groups,
            Standards = [],
            Provenance = provenance,
        };
        schema = schema with { Standards = ReadStandards(answer.Standards, schema, problems) };
        problems.AddRange(SchemaQualityGate.Validate(schema));
        return new Result(problems.Count == 0 ? schema : null, problems.Distinct(StringComparer.Ordinal).ToList(), false);
    }

    private static SchemaField? ReadField(FieldAnswer field, string group, List<string> problems)
    {
        var key = field.Key ?? string.Empty;
        var name = string.IsNullOrEmpty(key) ? "(no key)" : key;
        var before = problems.Count;
        var dataType = field.DataType?.Trim().ToLowerInvariant() switch
        {
            "text" => FieldDataType.Text,
            "number" => FieldDataType.Number,
            "range" => FieldDataType.Range,
            "enum" => FieldDataType.Enum,
            "boolean" => FieldDataType.Boolean,
            _ => (FieldDataType?)null,
        };
        if (dataType is null)
        {
            problems.Add($"Field '{name}' has data_type '{field.DataType}'; use text, number, range, enum or boolean.");
        }

        var requirement = field.Requirement?.Trim().ToLowerInvariant() switch
        {
            "mandatory" => RequirementLevel.Mandatory,
            "optional" => RequirementLevel.Optional,
            "conditional" => RequirementLevel.Conditional,
            null => RequirementLevel.Optional,
            _ => (RequirementLevel?)null,
        };
        if (requirement is null)
        {
            problems.Add($"Field '{name}' has requirement '{field.Requirement}'; use mandatory, optional or conditional.");
        }

        if (string.IsNullOrWhiteSpace(field.DisplayName) || SchemaQualityGate.LooksLikeJunk(field.DisplayName))
        {
            problems.Add($"Field '{name}' needs a short display name.");
        }

        if (OutputChecks.IsBadProse(field.Description))
        {
            problems.Add($"Field '{name}' needs a description of one plain sentence (at most 300 characters, no links, markup or instructions).");
        }

        var unit = string.IsNullOrWhiteSpace(field.Unit) ? null : field.Unit;
        if (unit is not null && !OutputChecks.IsUnitSymbol(unit))
        {
            problems.Add($"Field '{name}' has unit '{Short(unit)}', which is not a unit symbol.");
        }

        var accepted = Clean(field.AcceptedUnits);
        foreach (var u in accepted.Where(static u => !OutputChecks.IsUnitSymbol(u)))
        {
            problems.Add($"Field '{name}' accepts unit '{Short(u)}', which is not a unit symbol.");
        }

        var allowed = Clean(field.AllowedValues);
        if (allowed.Count > 60)
        {
            problems.Add($"Field '{name}' lists {allowed.Count} allowed values; keep it to 60.");
        }

        if (dataType is FieldDataType.Number or FieldDataType.Range or FieldDataType.Boolean && allowed.Count > 0)
        {
            problems.Add($"Field '{name}' is a {field.DataType} field and cannot list allowed values; make it an enum or drop them.");
        }

        if (dataType == FieldDataType.Boolean && unit is not null)
        {
            problems.Add($"Field '{name}' is a boolean field and cannot have a unit.");
        }

        var synonyms = Clean(field.Synonyms);
        foreach (var s in synonyms.Where(static s => SchemaQualityGate.LooksLikeJunk(s)))
        {
            problems.Add($"Field '{name}' has a synonym that is not a term: '{Short(s)}'.");
        }

        var condition = string.IsNullOrWhiteSpace(field.Condition) ? null : field.Condition.Trim();
        if (condition is not null && OutputChecks.IsBadProse(condition, 150))
        {
            problems.Add($"Field '{name}' has a condition that is not a short statement.");
        }

        NumericRange? typical = null;
        if (field.TypicalMin is not null || field.TypicalMax is not null)
        {
            typical = new NumericRange { Min = field.TypicalMin, Max = field.TypicalMax, Unit = unit };
        }

        if (problems.Count > before || dataType is null || requirement is null)
        {
            return null;
        }

        return new SchemaField
        {
            Key = key,
            DisplayName = field.DisplayName!.Trim(),
            Description = field.Description!.Trim(),
            Group = group,
            DataType = dataType.Value,
            Unit = unit,
            AcceptedUnits = accepted,
            AllowedValues = allowed,
            TypicalRange = typical,
            Requirement = requirement.Value,
            Condition = requirement == RequirementLevel.Conditional ? condition : null,
            Synonyms = synonyms.Take(10).ToList(),
        };
    }

    private static List<ApplicableStandard> ReadStandards(List<StandardAnswer?>? standards, ProductSchema schema, List<string> problems)
    {
        var result = new List<ApplicableStandard>();
        var keys = schema.AllFields.Select(static f => f.Key).ToHashSet(StringComparer.Ordinal);
        foreach (var standard in standards ?? [])
        {
            if (standard is null)
            {
                continue;
            }

            if (string.IsNullOrWhiteSpace(standard.Standard) || standard.Standard.Length > 40 || SchemaQualityGate.LooksLikeJunk(standard.Standard))
            {
                problems.Add($"A standard id '{Short(standard.Standard ?? string.Empty)}' is not an identifier such as IEC 60529.");
                continue;
            }

            if (standard.Title is not null && OutputChecks.IsBadProse(standard.Title, 200))
            {
                problems.Add($"The title of {standard.Standard} is not a plain title.");
                continue;
            }

            if (OutputChecks.IsBadProse(standard.Reason))
            {
                problems.Add($"The reason for {standard.Standard} must be one plain sentence.");
                continue;
            }

            var fields = Clean(standard.Fields);
            foreach (var unknown in fields.Where(f => !keys.Contains(f)))
            {
                problems.Add($"Standard {standard.Standard} names field '{Short(unknown)}', which is not in the schema.");
            }

            result.Add(new ApplicableStandard
            {
                Standard = standard.Standard.Trim(),
                Title = string.IsNullOrWhiteSpace(standard.Title) ? null : standard.Title.Trim(),
                Reason = standard.Reason!.Trim(),
                Fields = fields.Where(keys.Contains).ToList(),
            });
        }

        return result;
    }

    private static List<FieldGroup> MergeSkeleton(List<FieldGroup> groups, ProductSchema skeleton)
    {
        var skeletonKeys = skeleton.AllFields.Select(static f => f.Key).ToHashSet(StringComparer.Ordinal);
        var merged = new List<FieldGroup>();
        foreach (var skeletonGroup in skeleton.Groups)
        {
            var additions = groups.Where(g => g.Key == skeletonGroup.Key).SelectMany(static g => g.Fields).Where(f => !skeletonKeys.Contains(f.Key));
            merged.Add(skeletonGroup with { Fields = [.. skeletonGroup.Fields, .. additions] });
        }

        foreach (var group in groups.Where(g => skeleton.Groups.All(s => s.Key != g.Key)))
        {
            merged.Add(group with { Fields = group.Fields.Where(f => !skeletonKeys.Contains(f.Key)).ToList() });
        }

        return merged;
    }

    private static List<string> Clean(List<string?>? values) =>
        values is null ? [] : values.Where(static v => !string.IsNullOrWhiteSpace(v)).Select(static v => v!).ToList();

    private static string StripFences(string text)
    {
        var t = text.Trim();
        if (t.StartsWith("```", StringComparison.Ordinal))
        {
            var firstNewLine = t.IndexOf('\n', StringComparison.Ordinal);
            var lastFence = t.LastIndexOf("```", StringComparison.Ordinal);
            if (firstNewLine > 0 && lastFence > firstNewLine)
            {
                return t[(firstNewLine + 1)..lastFence];
            }
        }

        return t;
    }

    private static string Short(string text) => text.Length > 40 ? string.Concat(text.AsSpan(0, 40), "…") : text;
}
