using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using SchemaWorkflow.Export;

namespace SchemaWorkflow.Cli;

/// <summary>
/// <c>export "Pressure Gauge" --format json-schema|legacy|native</c>: prints the schema of a product type in one of the
/// export shapes. Exit codes: 0 printed, 1 no schema could be had, 2 bad input (arguments, unknown product type).
/// </summary>
internal static class ExportCommand
{
    public static Command Create(Option<string> storeOption, TextWriter stdout, TextWriter stderr)
    {
        var typeArgument = new Argument<string>("product-type") { Description = "The product type, e.g. \"Pressure Gauge\"." };
        var formatOption = new Option<string>("--format") { Description = "json-schema | legacy | native", DefaultValueFactory = _ => "json-schema" };
        var sessionOption = new Option<string?>("--session") { Description = "Session id whose cache serves repeated requests." };

        var command = new Command("export", "Print the schema of a product type as JSON Schema, in the legacy UI shape, or in the native model.")
        {
            typeArgument, formatOption, sessionOption, storeOption,
        };
        command.SetAction((parse, ct) => RunAsync(parse.GetValue(typeArgument)!, parse.GetValue(formatOption)!, parse.GetValue(sessionOption), parse.GetValue(storeOption)!, stdout, stderr, ct));
        return command;
    }

    private static async Task<int> RunAsync(string productType, string formatText, string? session, string store, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        SchemaExportFormat? format = formatText.Trim().ToLowerInvariant() switch
        {
            "json-schema" or "jsonschema" => SchemaExportFormat.JsonSchema,
            "legacy" => SchemaExportFormat.Legacy,
            "native" => SchemaExportFormat.Native,
            _ => null,
        };
        if (format is null)
        {
            await stderr.WriteLineAsync($"Unknown format '{CliApp.Printable(formatText)}'. Use json-schema, legacy or native.").ConfigureAwait(false);
            return CliApp.BadInput;
        }

        if (ProductTypeText.FindProblem(productType) is { } problem)
        {
            await stderr.WriteLineAsync($"Bad product type \"{CliApp.Printable(productType)}\": {problem}").ConfigureAwait(false);
            return CliApp.BadInput;
        }

        await using var provider = CliApp.BuildServices(store, null, null, false, stderr);
        var workflow = provider.GetRequiredService<ISchemaWorkflow>();
        var result = await workflow.GetOrGenerateAsync(productType, new SchemaRequestOptions { SessionId = session }, ct).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            await stderr.WriteLineAsync(result.Error?.Message ?? "No schema could be had.").ConfigureAwait(false);
            return result.Error?.Code is SchemaErrorCode.UnknownProductType or SchemaErrorCode.InvalidInput ? CliApp.BadInput : CliApp.SomeFailed;
        }

        await stdout.WriteLineAsync(SchemaExporter.Export(result.Schema!, format.Value)).ConfigureAwait(false);
        return CliApp.Ok;
    }
}
