using System.Globalization;
using System.Text;

namespace SchemaWorkflow.Cli;

/// <summary>Renders a result as plain text grouped like a spec sheet.</summary>
internal static class SchemaPrinter
{
    public static void Print(SchemaResult result, TextWriter output)
    {
        var sb = new StringBuilder();
        if (!result.Succeeded)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"✗ {result.RequestedName}: {result.Error?.Message}");
            if (result.Error?.Suggestions is { Count: > 0 } suggestions)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"  Suggestions: {string.Join(", ", suggestions)}");
            }

            output.Write(sb.ToString());
            output.WriteLine();
            return;
        }

        var schema = result.Schema!;
        var counts = result.Fields ?? schema.CountFields();
        sb.AppendLine(CultureInfo.InvariantCulture, $"■ {schema.DisplayName} ({schema.Key.Value}) — requested as \"{result.RequestedName}\"");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  source: {result.Source}{(result.GeneratedBy is null ? string.Empty : " by " + result.GeneratedBy)}, strategy: {result.Strategy}, {result.Duration.TotalMilliseconds:0.0} ms, persisted: {(result.Persisted ? "yes" : "no")}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  fields: {counts.Total} ({counts.Mandatory} mandatory, {counts.Populated} with cited values); generator: {schema.Provenance.GeneratorFingerprint}");
        foreach (var warning in result.Warnings)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  ! {warning}");
        }

        foreach (var group in schema.Groups)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"  [{group.DisplayName}]");
            foreach (var field in group.Fields)
            {
                var req = field.Requirement switch
                {
                    RequirementLevel.Mandatory => "M",
                    RequirementLevel.Conditional => "C",
                    _ => "O",
                };
                var type = field.DataType.ToString().ToLowerInvariant() + (field.Unit is null ? string.Empty : " " + field.Unit);
                var allowed = field.AllowedValues.Count > 0 ? Shorten(string.Join(" | ", field.AllowedValues), 60)
                    : field.TypicalRange is { } range ? range.ToString() : string.Empty;
                sb.AppendLine(CultureInfo.InvariantCulture, $"    {req} {field.Key,-34} {type,-16} {allowed}");
                foreach (var value in field.Values)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"        ↳ {Describe(value)}  [{string.Join("; ", value.Citations.Select(c => c.Clause is null ? c.Source : c.Source + " " + c.Clause))}]");
                }
            }
        }

        if (schema.Standards.Count > 0)
        {
            sb.AppendLine("  [Applicable standards]");
            foreach (var standard in schema.Standards)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    {standard.Standard}: {standard.Reason}");
            }
        }

        output.Write(sb.ToString());
        output.WriteLine();
    }

    private static string Describe(FieldValue value)
    {
        var label = value.Label is null ? string.Empty : value.Label + ": ";
        return label + value.Kind switch
        {
            FieldValueKind.AllowedValues => string.Join(", ", value.AllowedValues),
            FieldValueKind.Range => value.Range?.ToString() ?? string.Empty,
            FieldValueKind.Limit => string.Create(CultureInfo.InvariantCulture, $"{value.Number} {value.Unit}").Trim(),
            FieldValueKind.RecommendedDefault => value.Text ?? string.Create(CultureInfo.InvariantCulture, $"{value.Number} {value.Unit}").Trim(),
            FieldValueKind.Formula => value.Formula ?? string.Empty,
            _ => string.Empty,
        };
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
