using System.Text;
using System.Text.Json.Nodes;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Export;

/// <summary>
/// The shapes the replaced UI consumed, for hosts migrating from it: the grouped requirements form
/// <c>{"mandatory_requirements": {"&lt;Group&gt;": {"&lt;camelCaseField&gt;": ""}}, "optional_requirements": {…}}</c> and
/// the validation answer <c>{provided_requirements, missing_fields, optional_fields, is_valid}</c>.
/// </summary>
public static class LegacyFormat
{
    /// <summary>
    /// The grouped requirements form: mandatory fields under <c>mandatory_requirements</c>, optional and conditional
    /// fields under <c>optional_requirements</c> (the old shape had no conditional level), each group keyed by its display
    /// name, each field by its camelCase key with an empty string to fill. Empty groups are left out.
    /// </summary>
    /// <param name="schema">The product schema.</param>
    /// <returns>The JSON object.</returns>
    public static JsonObject ToRequirements(ProductSchema schema)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var mandatory = new JsonObject();
        var optional = new JsonObject();
        foreach (var group in schema.Groups)
        {
            var m = new JsonObject();
            var o = new JsonObject();
            foreach (var field in group.Fields)
            {
                (field.Requirement == RequirementLevel.Mandatory ? m : o)[CamelCase(field.Key)] = string.Empty;
            }

            if (m.Count > 0)
            {
                mandatory[group.DisplayName] = m;
            }

            if (o.Count > 0)
            {
                optional[group.DisplayName] = o;
            }
        }

        return new JsonObject
        {
            ["mandatory_requirements"] = mandatory,
            ["optional_requirements"] = optional,
        };
    }

    /// <summary>
    /// The legacy validation answer: <c>provided_requirements</c> (camelCase field → the value as parsed, e.g.
    /// "0..150 °C"), <c>missing_fields</c> (mandatory fields, and conditional fields whose condition applies, that were
    /// not validly given — an invalid value counts as missing here, as the old answer had no place for it),
    /// <c>optional_fields</c> (optional and conditional fields not given) and <c>is_valid</c>.
    /// </summary>
    /// <param name="report">The validation report.</param>
    /// <param name="schema">The schema the report was made against.</param>
    /// <returns>The JSON object.</returns>
    public static JsonObject ToValidationAnswer(ValidationReport report, ProductSchema schema)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(schema);
        var provided = new JsonObject();
        foreach (var p in report.Provided)
        {
            provided[CamelCase(p.Field)] = p.Value.Display;
        }

        var given = report.Provided.Select(static p => p.Field).ToHashSet(StringComparer.Ordinal);
        var missing = report.Missing.Select(static m => m.Field).ToHashSet(StringComparer.Ordinal);
        var applies = report.Conditional.Where(static c => c.Status == ConditionStatus.Applies).Select(static c => c.Field).ToHashSet(StringComparer.Ordinal);
        foreach (var invalid in report.Invalid)
        {
            var field = schema.FindField(invalid.Field);
            if (field is not null && (field.Requirement == RequirementLevel.Mandatory || applies.Contains(field.Key)))
            {
                missing.Add(field.Key);
            }
        }

        var missingFields = new JsonArray();
        var optionalFields = new JsonArray();
        foreach (var field in schema.AllFields)
        {
            if (missing.Contains(field.Key))
            {
                missingFields.Add((JsonNode)JsonValue.Create(CamelCase(field.Key)));
            }
            else if (field.Requirement != RequirementLevel.Mandatory && !given.Contains(field.Key))
            {
                optionalFields.Add((JsonNode)JsonValue.Create(CamelCase(field.Key)));
            }
        }

        return new JsonObject
        {
            ["provided_requirements"] = provided,
            ["missing_fields"] = missingFields,
            ["optional_fields"] = optionalFields,
            ["is_valid"] = report.IsValid,
        };
    }

    /// <summary>Writes a legacy object as indented JSON text.</summary>
    /// <param name="node">The object from <see cref="ToRequirements"/> or <see cref="ToValidationAnswer"/>.</param>
    /// <returns>The JSON text.</returns>
    public static string ToText(JsonObject node)
    {
        ArgumentNullException.ThrowIfNull(node);
        return ExportJson.Write(node);
    }

    /// <summary>A snake_case key in camelCase: <c>output_signal</c> → <c>outputSignal</c>.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The camelCase name.</returns>
    public static string CamelCase(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var sb = new StringBuilder(key.Length);
        var upper = false;
        foreach (var c in key)
        {
            if (c == '_')
            {
                upper = sb.Length > 0;
                continue;
            }

            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return sb.ToString();
    }
}
