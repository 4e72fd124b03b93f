using System.Globalization;
using System.Text.Json;
using SchemaWorkflow.AI.Prompts;
using SchemaWorkflow.AI.Serialization;
using SchemaWorkflow.Quality;

namespace SchemaWorkflow.AI.Enrichment;

/// <summary>
/// Turns an enrichment answer into cited values. A value is dropped when its field is not in the group, when it cites
/// no passage or any passage that was not retrieved, when its unit is not the field's, or when it fails
/// <see cref="SchemaQualityGate.ValidateValue"/>. Each drop is reported as a sentence.
/// </summary>
internal static class EnrichmentAnswerReader
{
    public sealed record Result(FieldGroup Group, IReadOnlyList<string> FactsUsed, IReadOnlyList<string> Rejected, int Accepted);

    public static Result Apply(string? text, FieldGroup group, IReadOnlyList<StandardsPassage> passages, RetrievalEnricherOptions options)
    {
        // A JsonException escapes: the enricher reports the group as failed without quoting the answer.
        var answer = string.IsNullOrWhiteSpace(text) ? null : JsonSerializer.Deserialize(text, AIJsonContext.Default.EnrichmentAnswer);

        var byId = new Dictionary<string, StandardsPassage>(StringComparer.Ordinal);
        foreach (var p in passages)
        {
            byId.TryAdd(p.Id, p);
        }

        var fields = group.Fields.ToDictionary(static f => f.Key, static f => (Field: f, Values: new List<FieldValue>(f.Values)), StringComparer.Ordinal);
        var rejected = new List<string>();
        var facts = new List<string>();
        var accepted = 0;
        foreach (var value in answer?.Values ?? [])
        {
            if (value is null)
            {
                continue;
            }

            var fieldKey = value.Field ?? string.Empty;
            if (!fields.TryGetValue(fieldKey, out var entry))
            {
                rejected.Add($"A value named field '{Short(fieldKey)}', which is not in group '{group.Key}'.");
                continue;
            }

            var ids = (value.PassageIds ?? []).Where(static id => !string.IsNullOrWhiteSpace(id)).Select(static id => id!).Distinct(StringComparer.Ordinal).ToList();
            if (ids.Count == 0)
            {
                rejected.Add($"A value of '{fieldKey}' cited no passage.");
                continue;
            }

            var unknown = ids.FirstOrDefault(id => !byId.ContainsKey(id));
            if (unknown is not null)
            {
                rejected.Add($"A value of '{fieldKey}' cited passage '{Short(unknown)}', which was not retrieved.");
                continue;
            }

            var (fieldValue, problem) = ToFieldValue(value, entry.Field, ids.Select(id => byId[id]).ToList());
            problem ??= SchemaQualityGate.ValidateValue(entry.Field, fieldValue!);
            if (problem is not null)
            {
                rejected.Add(problem);
                continue;
            }

            if (fieldValue!.Confidence < options.MinConfidence)
            {
                rejected.Add($"A value of '{fieldKey}' had confidence {fieldValue.Confidence.ToString("0.##", CultureInfo.InvariantCulture)}, below {options.MinConfidence.ToString("0.##", CultureInfo.InvariantCulture)}.");
                continue;
            }

            if (entry.Values.Any(v => SameStatement(v, fieldValue)))
            {
                continue;
            }

            if (entry.Values.Count >= options.MaxValuesPerField)
            {
                rejected.Add($"'{fieldKey}' already has {options.MaxValuesPerField} values; a further one was dropped.");
                continue;
            }

            entry.Values.Add(fieldValue);
            accepted++;
            foreach (var id in ids.Where(id => !facts.Contains(id, StringComparer.Ordinal)))
            {
                facts.Add(id);
            }
        }

        var enriched = group with { Fields = group.Fields.Select(f => f with { Values = fields[f.Key].Values }).ToList() };
        return new Result(enriched, facts, rejected, accepted);
    }

    private static (FieldValue? Value, string? Problem) ToFieldValue(ValueAnswer answer, SchemaField field, List<StandardsPassage> cited)
    {
        var kind = answer.Kind?.Trim().ToLowerInvariant() switch
        {
            "allowed_values" => FieldValueKind.AllowedValues,
            "range" => FieldValueKind.Range,
            "limit" => FieldValueKind.Limit,
            "recommended_default" => FieldValueKind.RecommendedDefault,
            "formula" => FieldValueKind.Formula,
            _ => (FieldValueKind?)null,
        };
        if (kind is null)
        {
            return (null, $"A value of '{field.Key}' has an unknown kind.");
        }

        var unit = string.IsNullOrWhiteSpace(answer.Unit) ? null : answer.Unit.Trim();
        if (unit is not null && kind is FieldValueKind.Range or FieldValueKind.Limit or FieldValueKind.RecommendedDefault)
        {
            if (!OutputChecks.IsUnitSymbol(unit))
            {
                return (null, $"A value of '{field.Key}' has a unit that is not a unit symbol.");
            }

            if (field.Unit is not null && !UnitMatches(field, unit))
            {
                return (null, $"A value of '{field.Key}' is in '{unit}', which is not the field's unit '{field.Unit}'.");
            }
        }
        else
        {
            unit = null;
        }

        var label = string.IsNullOrWhiteSpace(answer.Label) ? null : answer.Label.Trim();
        if (label is not null && SchemaQualityGate.LooksLikeJunk(label))
        {
            return (null, $"A value of '{field.Key}' has a label that is not a short label.");
        }

        var citations = cited.Select(static p => new Citation { Source = p.Source, Clause = p.Clause, FactId = p.Id }).ToList();
        var confidence = answer.Confidence is { } c ? Math.Round(c, 2) : 0.5;
        var value = kind.Value switch
        {
            FieldValueKind.AllowedValues => new FieldValue
            {
                Kind = FieldValueKind.AllowedValues,
                AllowedValues = (answer.AllowedValues ?? []).Where(static v => v is not null).Select(static v => v!).ToList(),
            },
            FieldValueKind.Range => new FieldValue { Kind = FieldValueKind.Range, Range = new NumericRange { Min = answer.Min, Max = answer.Max, Unit = unit } },
            FieldValueKind.Limit => new FieldValue { Kind = FieldValueKind.Limit, Number = answer.Number, Unit = unit },
            FieldValueKind.RecommendedDefault => answer.Text is not null
                ? new FieldValue { Kind = FieldValueKind.RecommendedDefault, Text = answer.Text }
                : new FieldValue { Kind = FieldValueKind.RecommendedDefault, Number = answer.Number, Unit = unit },
            _ => new FieldValue { Kind = FieldValueKind.Formula, Formula = answer.Formula },
        };
        return (value with { Label = label, Citations = citations, Confidence = confidence }, null);
    }

    private static bool UnitMatches(SchemaField field, string unit) =>
        string.Equals(field.Unit, unit, StringComparison.Ordinal) || field.AcceptedUnits.Contains(unit, StringComparer.Ordinal);

    private static bool SameStatement(FieldValue a, FieldValue b) =>
        a.Kind == b.Kind && a.Number == b.Number && a.Unit == b.Unit && a.Text == b.Text && a.Formula == b.Formula &&
        a.Range == b.Range && a.AllowedValues.SequenceEqual(b.AllowedValues, StringComparer.OrdinalIgnoreCase);

    private static string Short(string text) => text.Length > 40 ? string.Concat(text.AsSpan(0, 40), "…") : text;
}
