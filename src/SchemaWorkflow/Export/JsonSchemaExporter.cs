using System.Text.Json.Nodes;
using SchemaWorkflow.Validation;
using SchemaWorkflow.Validation.Internal;

namespace SchemaWorkflow.Export;

/// <summary>
/// Exports a <see cref="ProductSchema"/> as a JSON Schema (draft 2020-12) for a requirements document: one property per
/// field keyed by its field key, typed (string, number, boolean, or a {min, max} object for a range), enums for allowed
/// values (an open end of a range may be left out, as in "max. 85 °C"), <c>minimum</c>/<c>maximum</c> from physical limits and unconditional cited ranges, <c>required</c> = the
/// mandatory fields, and units, groups, requirement levels, conditions, synonyms and cited values as annotations
/// (<c>x-</c> keywords). Values in a document are in the field's unit.
/// </summary>
public static class JsonSchemaExporter
{
    /// <summary>The dialect of the exported schemas.</summary>
    public const string Dialect = "https://json-schema.org/draft/2020-12/schema";

    /// <summary>Builds the JSON Schema of a product schema.</summary>
    /// <param name="schema">The product schema.</param>
    /// <param name="options">Export options; null for <see cref="JsonSchemaExportOptions.Default"/>.</param>
    /// <returns>The JSON Schema as a mutable JSON object.</returns>
    public static JsonObject Export(ProductSchema schema, JsonSchemaExportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(schema);
        options ??= JsonSchemaExportOptions.Default;
        var index = new FieldIndex(schema);
        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in index.Fields)
        {
            properties[field.Key] = Property(field, index, options);
            if (field.Requirement == RequirementLevel.Mandatory)
            {
                required.Add((JsonNode)JsonValue.Create(field.Key));
            }
        }

        var root = new JsonObject
        {
            ["$schema"] = Dialect,
            ["$id"] = $"urn:schemaworkflow:requirements:{schema.Key.Value}:{schema.SchemaVersion}",
            ["title"] = $"{schema.DisplayName} requirements",
            ["description"] = schema.Description ?? $"The requirements a buyer states for {schema.DisplayName.ToLowerInvariant()}.",
            ["type"] = "object",
            ["properties"] = properties,
            ["required"] = required,
            ["additionalProperties"] = options.AllowAdditionalProperties,
            ["x-productType"] = schema.Key.Value,
            ["x-schemaVersion"] = schema.SchemaVersion,
            ["x-generator"] = schema.Provenance.GeneratorFingerprint,
        };
        if (schema.Provenance.EnricherFingerprint is { } enricher)
        {
            root["x-enricher"] = enricher;
        }

        var groups = new JsonArray();
        foreach (var group in schema.Groups)
        {
            groups.Add((JsonNode)new JsonObject
            {
                ["key"] = group.Key,
                ["title"] = group.DisplayName,
                ["fields"] = Strings(group.Fields.Select(static f => f.Key)),
            });
        }

        root["x-groups"] = groups;
        return root;
    }

    /// <summary>Builds the JSON Schema of a product schema as indented JSON text.</summary>
    /// <param name="schema">The product schema.</param>
    /// <param name="options">Export options.</param>
    /// <returns>The JSON text.</returns>
    public static string ExportText(ProductSchema schema, JsonSchemaExportOptions? options = null) => ExportJson.Write(Export(schema, options));

    private static JsonObject Property(SchemaField field, FieldIndex index, JsonSchemaExportOptions options)
    {
        var property = new JsonObject
        {
            ["title"] = field.DisplayName,
            ["description"] = field.Description,
        };

        var bounds = Bounds(field, index, options);
        switch (field.DataType)
        {
            case FieldDataType.Enum when field.AllowedValues.Count > 0:
                property["type"] = "string";
                property["enum"] = Strings(field.AllowedValues);
                break;
            case FieldDataType.Number:
                property["type"] = "number";
                AddBounds(property, bounds);
                break;
            case FieldDataType.Range:
                var end = new JsonObject { ["type"] = "number" };
                AddBounds(end, bounds);
                property["type"] = "object";
                property["properties"] = new JsonObject
                {
                    ["min"] = end,
                    ["max"] = end.DeepClone(),
                };
                property["minProperties"] = 1;
                property["additionalProperties"] = false;
                break;
            case FieldDataType.Boolean:
                property["type"] = "boolean";
                break;
            default:
                property["type"] = "string";
                property["minLength"] = 1;
                property["maxLength"] = ValueParser.MaxValueLength;
                break;
        }

        if (field.Unit is not null)
        {
            property["x-unit"] = field.Unit;
        }

        if (field.AcceptedUnits.Count > 0)
        {
            property["x-acceptedUnits"] = Strings(field.AcceptedUnits);
        }

        if (field.TypicalRange is { IsWellFormed: true } typical)
        {
            property["x-typicalRange"] = RangeNode(typical);
        }

        property["x-group"] = field.Group;
        property["x-requirement"] = field.Requirement switch
        {
            RequirementLevel.Mandatory => "mandatory",
            RequirementLevel.Conditional => "conditional",
            _ => "optional",
        };
        if (field.Condition is not null)
        {
            property["x-condition"] = field.Condition;
        }

        if (field.Synonyms.Count > 0)
        {
            property["x-synonyms"] = Strings(field.Synonyms);
        }

        if (field.PropertyId is not null)
        {
            property["x-propertyId"] = field.PropertyId;
        }

        if (field.Values.Count > 0)
        {
            var values = new JsonArray();
            foreach (var value in field.Values)
            {
                values.Add((JsonNode)ValueNode(value));
            }

            property["x-values"] = values;
        }

        return property;
    }

    // Physical limits and cited ranges that bind every value (their label names no other field's value), intersected.
    private static NumericRange? Bounds(SchemaField field, FieldIndex index, JsonSchemaExportOptions options)
    {
        if (field.DataType is not (FieldDataType.Number or FieldDataType.Range) || field.Unit is null)
        {
            return null;
        }

        double? min = null, max = null;
        void Narrow(NumericRange? range)
        {
            if (range is null)
            {
                return;
            }

            if (range.Min is { } lo && (min is null || lo > min))
            {
                min = lo;
            }

            if (range.Max is { } hi && (max is null || hi < max))
            {
                max = hi;
            }
        }

        Narrow(ValueParser.PhysicalBounds(field));
        if (options.TypicalRangeAsLimits && field.TypicalRange is { IsWellFormed: true } typical)
        {
            Narrow(ValueParser.ConvertRange(typical, field.Unit));
        }

        foreach (var fact in field.Values)
        {
            if (!StandardsChecker.IsUnconditional(fact, field, index))
            {
                continue;
            }

            if (fact.Kind == FieldValueKind.Range && fact.Range is { IsWellFormed: true } range)
            {
                Narrow(ValueParser.ConvertRange(range, field.Unit));
            }
            else if (fact.Kind == FieldValueKind.Limit && fact.Number is { } limit && StandardsChecker.LimitDirection(fact) is var direction and not 0)
            {
                var inUnit = limit;
                if (fact.Unit is null || string.Equals(fact.Unit, field.Unit, StringComparison.Ordinal) || ValueParser.TryConvert(limit, fact.Unit, field.Unit, out inUnit))
                {
                    Narrow(direction > 0 ? new NumericRange { Max = inUnit } : new NumericRange { Min = inUnit });
                }
            }
        }

        return min is null && max is null ? null : new NumericRange { Min = min, Max = max, Unit = field.Unit };
    }

    private static void AddBounds(JsonObject node, NumericRange? bounds)
    {
        if (bounds?.Min is { } min)
        {
            node["minimum"] = Round(min);
        }

        if (bounds?.Max is { } max)
        {
            node["maximum"] = Round(max);
        }
    }

    private static double Round(double value) => double.Parse(ParsedValue.FormatNumber(value), System.Globalization.CultureInfo.InvariantCulture);

    private static JsonObject RangeNode(NumericRange range)
    {
        var node = new JsonObject();
        if (range.Min is { } min)
        {
            node["min"] = min;
        }

        if (range.Max is { } max)
        {
            node["max"] = max;
        }

        if (range.Unit is not null)
        {
            node["unit"] = range.Unit;
        }

        return node;
    }

    private static JsonObject ValueNode(FieldValue value)
    {
        var node = new JsonObject
        {
            ["kind"] = value.Kind switch
            {
                FieldValueKind.AllowedValues => "allowedValues",
                FieldValueKind.Range => "range",
                FieldValueKind.Limit => "limit",
                FieldValueKind.RecommendedDefault => "recommendedDefault",
                _ => "formula",
            },
        };
        if (value.Label is not null)
        {
            node["label"] = value.Label;
        }

        if (value.AllowedValues.Count > 0)
        {
            node["allowedValues"] = Strings(value.AllowedValues);
        }

        if (value.Range is not null)
        {
            node["range"] = RangeNode(value.Range);
        }

        if (value.Number is { } number)
        {
            node["number"] = number;
        }

        if (value.Unit is not null)
        {
            node["unit"] = value.Unit;
        }

        if (value.Text is not null)
        {
            node["text"] = value.Text;
        }

        if (value.Formula is not null)
        {
            node["formula"] = value.Formula;
        }

        var citations = new JsonArray();
        foreach (var citation in value.Citations)
        {
            citations.Add((JsonNode)JsonValue.Create(citation.Clause is null ? citation.Source : citation.Source + " " + citation.Clause));
        }

        node["citations"] = citations;
        return node;
    }

    private static JsonArray Strings(IEnumerable<string> values)
    {
        var array = new JsonArray();
        foreach (var value in values)
        {
            array.Add((JsonNode)JsonValue.Create(value));
        }

        return array;
    }
}
