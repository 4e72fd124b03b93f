using System.Collections.Concurrent;
using System.Globalization;
using Spectre.Console;

namespace SchemaWorkflow.Cli;

/// <summary>
/// A live table with one line per product type: resolving → session cache / store → generating → enriching →
/// storing → done, with time and source. Steps come from the workflow's log events; completion from IProgress.
/// </summary>
internal sealed class LiveProgress
{
    private readonly string[] _names;
    private readonly ConcurrentDictionary<string, string> _stepByKey = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SchemaResult> _doneByName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _keyByName = new(StringComparer.Ordinal);

    public LiveProgress(string[] names)
    {
        _names = names;
        LoggerProvider = new ProgressLoggerProvider((key, step) => _stepByKey[key] = step);
    }

    public ProgressLoggerProvider LoggerProvider { get; }

    public async Task<IReadOnlyList<SchemaResult>> RunAsync(IProductTypeResolver resolver, Func<IProgress<BatchProgress>, Task<IReadOnlyList<SchemaResult>>> run, CancellationToken ct)
    {
        foreach (var name in _names.Distinct(StringComparer.Ordinal))
        {
            var resolution = await resolver.ResolveAsync(name, ct).ConfigureAwait(false);
            _keyByName[name] = resolution.Key?.Value ?? string.Empty;
        }

        IReadOnlyList<SchemaResult> results = [];
        var progress = new Progress(this);
        await AnsiConsole.Live(BuildTable()).AutoClear(false).StartAsync(async ctx =>
        {
            var task = run(progress);
            while (!task.IsCompleted)
            {
                ctx.UpdateTarget(BuildTable());
                await Task.WhenAny(task, Task.Delay(100, ct)).ConfigureAwait(false);
            }

            results = await task.ConfigureAwait(false);
            ctx.UpdateTarget(BuildTable());
        }).ConfigureAwait(false);
        return results;
    }

    private Table BuildTable()
    {
        var table = new Table().Border(TableBorder.Simple);
        table.AddColumn("Product type");
        table.AddColumn("Status");
        table.AddColumn(new TableColumn("Time").RightAligned());
        table.AddColumn("Source");
        foreach (var name in _names)
        {
            if (_doneByName.TryGetValue(name, out var done))
            {
                table.AddRow(
                    new Text(name),
                    new Markup(done.Succeeded ? "[green]done[/]" : "[red]failed[/]"),
                    new Text(done.Duration.TotalMilliseconds.ToString("0.0 ms", CultureInfo.InvariantCulture)),
                    new Text(done.Succeeded ? done.Source.ToString() : done.Error?.Code.ToString() ?? string.Empty));
            }
            else
            {
                var key = _keyByName.GetValueOrDefault(name, string.Empty);
                var step = key.Length > 0 && _stepByKey.TryGetValue(key, out var s) ? s : "resolving";
                table.AddRow(new Text(name), new Markup($"[yellow]{Markup.Escape(step)}…[/]"), Text.Empty, Text.Empty);
            }
        }

        return table;
    }

    private sealed class Progress(LiveProgress owner) : IProgress<BatchProgress>
    {
        public void Report(BatchProgress value) => owner._doneByName[value.Latest.RequestedName] = value.Latest;
    }
}
