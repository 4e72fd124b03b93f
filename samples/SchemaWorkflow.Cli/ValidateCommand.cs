using System.CommandLine;
using System.Globalization;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using SchemaWorkflow.Export;
using SchemaWorkflow.Validation;

namespace SchemaWorkflow.Cli;

/// <summary>
/// <c>validate "Temperature Transmitter" --set output_signal="4-20mA HART" --set range="0-150 C" --text "IP66/67"</c>.
/// Exit codes: 0 valid, 1 invalid or missing fields (or no schema could be had), 2 bad input (arguments, unknown product type).
/// </summary>
internal static class ValidateCommand
{
    public static Command Create(Option<string> storeOption, TextWriter stdout, TextWriter stderr)
    {
        var typeArgument = new Argument<string>("product-type") { Description = "The product type, e.g. \"Temperature Transmitter\"." };
        var setOption = new Option<string[]>("--set") { Description = "A requirement as name=value, e.g. --set output_signal=\"4-20mA HART\". Repeat for more.", Arity = ArgumentArity.ZeroOrMore };
        var textOption = new Option<string?>("--text") { Description = "Free text, e.g. \"4-20mA HART, 0-150 °C, IP66/67, Ex d IIC T6 Gb\"." };
        var jsonOption = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var legacyOption = new Option<bool>("--legacy") { Description = "Print the legacy answer {provided_requirements, missing_fields, optional_fields, is_valid}." };
        var sessionOption = new Option<string?>("--session") { Description = "Session id whose cache serves repeated requests." };

        var command = new Command("validate", "Validate a buyer's requirements against the schema of a product type.")
        {
            typeArgument, setOption, textOption, jsonOption, legacyOption, sessionOption, storeOption,
        };
        command.SetAction((parse, ct) => RunAsync(
            parse.GetValue(typeArgument)!,
            parse.GetValue(setOption) ?? [],
            parse.GetValue(textOption),
            parse.GetValue(jsonOption),
            parse.GetValue(legacyOption),
            parse.GetValue(sessionOption),
            parse.GetValue(storeOption)!,
            stdout,
            stderr,
            ct));
        return command;
    }

    private static async Task<int> RunAsync(string productType, string[] sets, string? text, bool json, bool legacy, string? session, string store, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        if (ProductTypeText.FindProblem(productType) is { } problem)
        {
            await stderr.WriteLineAsync($"Bad product type \"{CliApp.Printable(productType)}\": {problem}").ConfigureAwait(false);
            return CliApp.BadInput;
        }

        if (json && legacy)
        {
            await stderr.WriteLineAsync("Use --json or --legacy, not both.").ConfigureAwait(false);
            return CliApp.BadInput;
        }

        var values = new List<KeyValuePair<string, string>>();
        foreach (var set in sets)
        {
            var equals = set.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                await stderr.WriteLineAsync($"--set \"{CliApp.Printable(set)}\" is not name=value; write for example --set output_signal=\"4-20mA HART\".").ConfigureAwait(false);
                return CliApp.BadInput;
            }

            values.Add(new KeyValuePair<string, string>(set[..equals].Trim(), set[(equals + 1)..].Trim()));
        }

        RequirementSet requirements;
        try
        {
            requirements = RequirementSet.From(values, text);
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync(FirstSentence(ex)).ConfigureAwait(false);
            return CliApp.BadInput;
        }

        await using var provider = CliApp.BuildServices(store, null, null, false, stderr);
        var workflow = provider.GetRequiredService<ISchemaWorkflow>();
        var options = new SchemaRequestOptions { SessionId = session };
        ValidationReport report;
        try
        {
            report = await workflow.ValidateRequirementsAsync(productType, requirements, options, ct).ConfigureAwait(false);
        }
        catch (SchemaWorkflowException ex)
        {
            await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return ex.Error.Code is SchemaErrorCode.UnknownProductType or SchemaErrorCode.InvalidInput ? CliApp.BadInput : CliApp.SomeFailed;
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync(FirstSentence(ex)).ConfigureAwait(false);
            return CliApp.BadInput;
        }

        if (json)
        {
            await stdout.WriteLineAsync(ValidationReportJson.Serialize(report)).ConfigureAwait(false);
        }
        else if (legacy)
        {
            var schema = (await workflow.GetOrGenerateAsync(productType, options, ct).ConfigureAwait(false)).EnsureSuccess();
            await stdout.WriteLineAsync(LegacyFormat.ToText(LegacyFormat.ToValidationAnswer(report, schema))).ConfigureAwait(false);
        }
        else
        {
            await stdout.WriteAsync(Describe(report)).ConfigureAwait(false);
        }

        return report.IsValid ? CliApp.Ok : CliApp.SomeFailed;
    }

    private static string Describe(ValidationReport report)
    {
        var sb = new StringBuilder();
        sb.AppendLine(CultureInfo.InvariantCulture, $"■ {report.DisplayName} ({report.ProductType.Value}) — schema {report.SchemaFingerprint}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"  {report.Summary}");
        if (report.Provided.Count > 0)
        {
            sb.AppendLine("  [Given]");
            foreach (var p in report.Provided)
            {
                var from = p.OriginalName is null ? $"\"{p.OriginalText}\"" : $"{p.OriginalName}=\"{p.OriginalText}\"";
                sb.AppendLine(CultureInfo.InvariantCulture, $"    ✓ {p.DisplayName,-32} {p.Value.Display,-28} from {from} ({p.MatchedBy})");
                foreach (var note in p.Notes)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"        ↳ {note}");
                }
            }
        }

        if (report.Missing.Count > 0)
        {
            sb.AppendLine("  [Missing]");
            foreach (var m in report.Missing)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    ✗ {m.Message}");
            }
        }

        if (report.Invalid.Count > 0)
        {
            sb.AppendLine("  [Invalid]");
            foreach (var i in report.Invalid)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    ✗ {i.Message}");
            }
        }

        if (report.Unrecognised.Count > 0)
        {
            sb.AppendLine("  [Not recognised]");
            foreach (var u in report.Unrecognised)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    ? {u.Message}");
            }
        }

        if (report.Conditional.Count > 0)
        {
            sb.AppendLine("  [Conditional fields]");
            foreach (var c in report.Conditional)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"    • {c.Message}");
            }
        }

        return sb.AppendLine().ToString();
    }

    // ArgumentException appends " (Parameter 'x')"; the sentence is what a user needs.
    internal static string FirstSentence(ArgumentException ex) =>
        ex.ParamName is null ? ex.Message : ex.Message.Replace($" (Parameter '{ex.ParamName}')", string.Empty, StringComparison.Ordinal);
}
