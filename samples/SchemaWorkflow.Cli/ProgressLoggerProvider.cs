using Microsoft.Extensions.Logging;

namespace SchemaWorkflow.Cli;

/// <summary>
/// Turns the workflow's lifecycle log events (stable event ids) into step updates for the live progress display:
/// cache hit, store hit, generating, enriching, storing, done.
/// </summary>
internal sealed class ProgressLoggerProvider(Action<string, string> onStep) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new StepLogger(onStep);

    public void Dispose()
    {
    }

    internal static string? StepOf(int eventId) => eventId switch
    {
        1001 => "session cache",
        1002 => "store",
        1003 => "generating",
        1004 => "enriching",
        1005 => "storing",
        1007 => "waiting (joined)",
        1010 => "waiting (other instance)",
        _ => null,
    };

    private sealed class StepLogger(Action<string, string> onStep) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (StepOf(eventId.Id) is not { } step || state is not IReadOnlyList<KeyValuePair<string, object?>> values)
            {
                return;
            }

            foreach (var pair in values)
            {
                if (pair.Key == "ProductType" && pair.Value is string key)
                {
                    onStep(key, step);
                    return;
                }
            }
        }
    }
}
