using System.Globalization;
using Spectre.Console;

namespace SchemaWorkflow.Cli;

/// <summary>Renders results on an interactive terminal: a table per schema, grouped like a spec sheet.</summary>
internal static class SpectreRenderer
{
    public static void Render(IAnsiConsole console, SchemaResult result)
    {
        if (!result.Succeeded)
        {
            console.MarkupLine($"[red]✗ {Markup.Escape(result.RequestedName)}[/]: {Markup.Escape(result.Error?.Message ?? "failed")}");
            if (result.Error?.Suggestions is { Count: > 0 } suggestions)
            {
                console.MarkupLine($"  Suggestions: [yellow]{Markup.Escape(string.Join(", ", suggestions))}[/]");
            }

            console.WriteLine();
            return;
        }

        var schema = result.Schema!;
        var counts = result.Fields ?? schema.CountFields();
        var table = new Table().Border(TableBorder.Rounded).Expand();
        table.Title = new TableTitle($"[bold]{Markup.Escape(schema.DisplayName)}[/] ({Markup.Escape(schema.Key.Value)}) — {result.Source}{(result.GeneratedBy is null ? string.Empty : " by " + Markup.Escape(result.GeneratedBy))}, {result.Duration.TotalMilliseconds.ToString("0.0", CultureInfo.InvariantCulture)} ms");
        table.Caption = new TableTitle($"{counts.Total} fields · {counts.Mandatory} mandatory · {counts.Populated} with cited values · {Markup.Escape(schema.Provenance.GeneratorFingerprint)}{(result.Persisted ? string.Empty : " · [red]not persisted[/]")}");
        table.AddColumn("Field");
        table.AddColumn("Type / unit");
        table.AddColumn("Allowed values / range");
        table.AddColumn("Req.");
        table.AddColumn("Cited value (standard)");
        foreach (var group in schema.Groups)
        {
            table.AddRow(new Markup($"[bold underline]{Markup.Escape(group.DisplayName)}[/]"), Text.Empty, Text.Empty, Text.Empty, Text.Empty);
            foreach (var field in group.Fields)
            {
                var allowed = field.AllowedValues.Count > 0 ? string.Join(", ", field.AllowedValues) : field.TypicalRange?.ToString() ?? string.Empty;
                var cited = string.Join("\n", field.Values.Take(3).Select(v => $"{Describe(v)} ({string.Join("; ", v.Citations.Select(c => c.Clause is null ? c.Source : c.Source + " " + c.Clause))})"));
                table.AddRow(
                    new Text(field.DisplayName),
                    new Text(field.DataType.ToString().ToLowerInvariant() + (field.Unit is null ? string.Empty : " " + field.Unit)),
                    new Text(Shorten(allowed, 80)),
                    new Markup(field.Requirement switch
                    {
                        RequirementLevel.Mandatory => "[red]M[/]",
                        RequirementLevel.Conditional => "[yellow]C[/]",
                        _ => "O",
                    }),
                    new Text(Shorten(cited, 160)));
            }
        }

        console.Write(table);
        foreach (var warning in result.Warnings)
        {
            console.MarkupLine($"[yellow]! {Markup.Escape(warning)}[/]");
        }

        console.WriteLine();
    }

    private static string Describe(FieldValue value) => value.Kind switch
    {
        FieldValueKind.AllowedValues => string.Join(", ", value.AllowedValues),
        FieldValueKind.Range => value.Range?.ToString() ?? string.Empty,
        FieldValueKind.Limit => string.Create(CultureInfo.InvariantCulture, $"{value.Label}: {value.Number} {value.Unit}").Trim(),
        FieldValueKind.RecommendedDefault => value.Text ?? string.Create(CultureInfo.InvariantCulture, $"{value.Number} {value.Unit}"),
        _ => value.Formula ?? string.Empty,
    };

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
