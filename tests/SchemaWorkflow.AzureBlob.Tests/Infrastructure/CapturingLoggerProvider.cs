using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace SchemaWorkflow.AzureBlob.Tests.Infrastructure;

/// <summary>Keeps every log event, so tests can wait for or assert on a specific event id.</summary>
internal sealed class CapturingLoggerProvider : ILoggerProvider
{
    private readonly ConcurrentQueue<(string Category, LogLevel Level, EventId Id, string Message)> _entries = new();

    public IReadOnlyCollection<(string Category, LogLevel Level, EventId Id, string Message)> Entries => _entries;

    public bool Has(int eventId) => _entries.Any(e => e.Id.Id == eventId);

    public int Count(int eventId) => _entries.Count(e => e.Id.Id == eventId);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(CapturingLoggerProvider owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            owner._entries.Enqueue((category, logLevel, eventId, formatter(state, exception)));
    }
}
