using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SchemaWorkflow.DependencyInjection;

namespace SchemaWorkflow.Cli;

/// <summary>The command line: <c>generate</c>, <c>list</c>, <c>clear</c>. Exit codes: 0 ok, 1 some items failed, 2 bad input.</summary>
public static class CliApp
{
    public const int Ok = 0;
    public const int SomeFailed = 1;
    public const int BadInput = 2;

    public static async Task<int> RunAsync(string[] args, TextWriter stdout, TextWriter stderr)
    {
        var storeOption = new Option<string>("--store") { Description = "Folder of the file-system schema store.", DefaultValueFactory = _ => "schemas" };
        var jsonOption = new Option<bool>("--json") { Description = "Print the results as a JSON array (camelCase, schema included)." };
        var verboseOption = new Option<bool>("--verbose") { Description = "Log lifecycle steps to stderr." };
        var noColorOption = new Option<bool>("--no-color") { Description = "Plain text output without colours or live progress (also when stdout is redirected)." };

        var typesArgument = new Argument<string[]>("product-types") { Description = "Product types, e.g. \"Temperature Transmitter\" \"Pressure Gauge\".", Arity = ArgumentArity.OneOrMore };
        var sessionOption = new Option<string?>("--session") { Description = "Session id whose cache serves repeated requests." };
        var forceOption = new Option<bool>("--force") { Description = "Skip caches, regenerate and replace the stored copy." };
        var strategyOption = new Option<string?>("--strategy") { Description = "async | parallel | sequential" };
        var concurrencyOption = new Option<int?>("--max-concurrency") { Description = "Global limit on generations at once (1-1024)." };

        var generate = new Command("generate", "Get or generate the schemas of one or more product types.")
        {
            typesArgument, sessionOption, forceOption, strategyOption, concurrencyOption, storeOption, jsonOption, verboseOption, noColorOption,
        };
        generate.SetAction((parse, ct) => GenerateAsync(
            new GenerateArgs(
                parse.GetValue(typesArgument) ?? [],
                parse.GetValue(sessionOption),
                parse.GetValue(forceOption),
                parse.GetValue(strategyOption),
                parse.GetValue(concurrencyOption),
                parse.GetValue(storeOption)!,
                parse.GetValue(jsonOption),
                parse.GetValue(verboseOption),
                parse.GetValue(noColorOption)),
            stdout,
            stderr,
            ct));

        var showArgument = new Argument<string>("product-type") { Description = "One product type, e.g. \"Pressure Gauge\"." };
        var show = new Command("show", "Show the schema of one product type as a spec sheet (gets or generates it).")
        {
            showArgument, sessionOption, storeOption, jsonOption, noColorOption,
        };
        show.SetAction((parse, ct) => GenerateAsync(
            new GenerateArgs([parse.GetValue(showArgument)!], parse.GetValue(sessionOption), false, null, null, parse.GetValue(storeOption)!, parse.GetValue(jsonOption), false, parse.GetValue(noColorOption)),
            stdout,
            stderr,
            ct));

        var list = new Command("list", "List the schemas in the store.") { storeOption, jsonOption };
        list.SetAction((parse, ct) => ListAsync(parse.GetValue(storeOption)!, parse.GetValue(jsonOption), stdout, ct));

        var clearTypes = new Argument<string[]>("product-types") { Description = "Product types whose stored schema to delete.", Arity = ArgumentArity.OneOrMore };
        var clear = new Command("clear", "Delete stored schemas so they are generated anew.") { clearTypes, storeOption };
        clear.SetAction((parse, ct) => ClearAsync(parse.GetValue(clearTypes) ?? [], parse.GetValue(storeOption)!, stdout, stderr, ct));

        var root = new RootCommand("SchemaWorkflow: specification schemas for industrial instrument product types.")
        {
            generate, show, list, clear, ValidateCommand.Create(storeOption, stdout, stderr), ExportCommand.Create(storeOption, stdout, stderr),
        };
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var error in parseResult.Errors)
            {
                await stderr.WriteLineAsync(error.Message).ConfigureAwait(false);
            }

            await stderr.WriteLineAsync("Run with --help to see the commands and options.").ConfigureAwait(false);
            return BadInput;
        }

        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = stdout, Error = stderr }).ConfigureAwait(false);
    }

    internal static ServiceProvider BuildServices(string store, int? maxConcurrency, ExecutionStrategyKind? strategy, bool verbose, TextWriter stderr, ILoggerProvider? progress = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(b =>
        {
            b.SetMinimumLevel(LogLevel.Debug)
                .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
                .AddFilter<Microsoft.Extensions.Logging.Console.ConsoleLoggerProvider>(null, verbose ? LogLevel.Debug : LogLevel.Warning);
            if (progress is not null)
            {
                b.AddProvider(progress).AddFilter<ProgressLoggerProvider>("SchemaWorkflow", LogLevel.Debug);
            }
        });
        services.AddSchemaWorkflow(o =>
        {
            if (maxConcurrency is { } c)
            {
                o.MaxConcurrency = c;
            }

            if (strategy is { } s)
            {
                o.Strategy = s;
            }
        }).UseFileSystemStore(store);
        return services.BuildServiceProvider();
    }

    private static async Task<int> GenerateAsync(GenerateArgs a, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        ExecutionStrategyKind? strategy = null;
        if (a.Strategy is not null)
        {
            if (!Enum.TryParse<ExecutionStrategyKind>(a.Strategy, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(a.Strategy, out _))
            {
                await stderr.WriteLineAsync($"Unknown strategy '{a.Strategy}'. Use async, parallel or sequential.").ConfigureAwait(false);
                return BadInput;
            }

            strategy = parsed;
        }

        if (a.MaxConcurrency is < 1 or > 1024)
        {
            await stderr.WriteLineAsync($"--max-concurrency is {a.MaxConcurrency}; it must be between 1 and 1024.").ConfigureAwait(false);
            return BadInput;
        }

        foreach (var type in a.ProductTypes)
        {
            if (ProductTypeText.FindProblem(type) is { } problem)
            {
                await stderr.WriteLineAsync($"Bad product type \"{Printable(type)}\": {problem}").ConfigureAwait(false);
                return BadInput;
            }
        }

        // Live progress and tables only on an interactive terminal; redirected output stays plain and stable.
        var interactive = ReferenceEquals(stdout, Console.Out) && !Console.IsOutputRedirected && !a.Json && !a.NoColor;
        var live = interactive ? new LiveProgress(a.ProductTypes) : null;
        await using var provider = BuildServices(a.Store, a.MaxConcurrency, strategy, a.Verbose, stderr, live?.LoggerProvider);
        ISchemaWorkflow workflow;
        try
        {
            workflow = provider.GetRequiredService<ISchemaWorkflow>();
        }
        catch (Microsoft.Extensions.Options.OptionsValidationException ex)
        {
            await stderr.WriteLineAsync("Invalid settings: " + string.Join(" ", ex.Failures)).ConfigureAwait(false);
            return BadInput;
        }

        var options = new SchemaRequestOptions { SessionId = a.Session, ForceRegenerate = a.Force, Strategy = strategy };
        IReadOnlyList<SchemaResult> results;
        try
        {
            results = live is null
                ? await workflow.GetOrGenerateManyAsync(a.ProductTypes, options, cancellationToken: ct).ConfigureAwait(false)
                : await live.RunAsync(provider.GetRequiredService<IProductTypeResolver>(), progress => workflow.GetOrGenerateManyAsync(a.ProductTypes, options, progress, ct), ct).ConfigureAwait(false);
        }
        catch (ArgumentException ex)
        {
            await stderr.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return BadInput;
        }

        if (a.Json)
        {
            await stdout.WriteLineAsync(CliJson.Serialize(results)).ConfigureAwait(false);
        }
        else
        {
            foreach (var result in results)
            {
                if (interactive)
                {
                    SpectreRenderer.Render(Spectre.Console.AnsiConsole.Console, result);
                }
                else
                {
                    SchemaPrinter.Print(result, stdout);
                }
            }
        }

        return results.All(r => r.Succeeded) ? Ok : SomeFailed;
    }

    private static async Task<int> ListAsync(string store, bool json, TextWriter stdout, CancellationToken ct)
    {
        var fileStore = new Storage.FileSystemSchemaStore(store);
        var entries = new List<Storage.StoredSchemaInfo>();
        await foreach (var info in fileStore.ListAsync(ct).ConfigureAwait(false))
        {
            entries.Add(info);
        }

        if (json)
        {
            await stdout.WriteLineAsync(CliJson.SerializeKeys(entries.Select(e => e.Key.Value))).ConfigureAwait(false);
            return Ok;
        }

        await stdout.WriteLineAsync($"{entries.Count} stored schema(s) in {fileStore.RootPath}").ConfigureAwait(false);
        foreach (var e in entries)
        {
            await stdout.WriteLineAsync($"  {e.Key.Value,-45} {e.Size,8} bytes  {e.LastModified:yyyy-MM-dd HH:mm:ss}Z").ConfigureAwait(false);
        }

        return Ok;
    }

    private static async Task<int> ClearAsync(string[] types, string store, TextWriter stdout, TextWriter stderr, CancellationToken ct)
    {
        foreach (var type in types)
        {
            if (ProductTypeText.FindProblem(type) is { } problem)
            {
                await stderr.WriteLineAsync($"Bad product type \"{Printable(type)}\": {problem}").ConfigureAwait(false);
                return BadInput;
            }
        }

        await using var provider = BuildServices(store, null, null, false, stderr);
        var workflow = provider.GetRequiredService<ISchemaWorkflow>();
        foreach (var type in types)
        {
            var deleted = await workflow.InvalidateAsync(type, ct).ConfigureAwait(false);
            await stdout.WriteLineAsync(deleted ? $"Deleted the stored schema of \"{type}\"." : $"No stored schema for \"{type}\".").ConfigureAwait(false);
        }

        return Ok;
    }

    internal static string Printable(string text) =>
        new(text.Take(60).Select(c => char.IsControl(c) ? '?' : c).ToArray());

    private sealed record GenerateArgs(string[] ProductTypes, string? Session, bool Force, string? Strategy, int? MaxConcurrency, string Store, bool Json, bool Verbose, bool NoColor);
}
