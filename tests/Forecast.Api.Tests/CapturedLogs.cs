using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Forecast.Api.Tests;

/// <summary>
/// Every log entry of a host at every level, as a line holding all that any logging provider could write of it: the
/// category, the formatted message, each structured value, the exception and the scopes it was written in.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public sealed record Entry(string Category, LogLevel Level, string Line);

    public ConcurrentQueue<Entry> Entries { get; } = new();

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

    public void Dispose()
    {
    }

    private sealed class Logger(CapturedLogs logs, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => logs.scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = new List<string> { category, formatter(state, exception), Values(state), exception?.ToString() ?? "" };
            logs.scopes.ForEachScope((scope, parts) => parts.Add($"{scope} {Values(scope)}"), line);
            logs.Entries.Enqueue(new Entry(category, logLevel, string.Join(" | ", line)));
        }

        private static string Values(object? state) =>
            state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(", ", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
    }
}
