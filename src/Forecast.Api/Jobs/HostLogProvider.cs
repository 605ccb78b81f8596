using Hangfire.AspNetCore;
using HangfireLog = Hangfire.Logging;

namespace Forecast.Api.Jobs;

/// <summary>
/// Hangfire's log provider is process-wide: the last host to start sets it. When that host is
/// disposed while another still runs (several hosts in one test process), its logger factory is
/// gone; this provider then drops Hangfire's messages instead of throwing from inside Hangfire.
/// </summary>
internal sealed class HostLogProvider(ILoggerFactory loggerFactory) : HangfireLog.ILogProvider
{
    private readonly AspNetCoreLogProvider inner = new(loggerFactory);

    public HangfireLog.ILog GetLogger(string name) => new GuardedLog(inner, name);

    private sealed class GuardedLog(AspNetCoreLogProvider provider, string name) : HangfireLog.ILog
    {
        public bool Log(HangfireLog.LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            try
            {
                return provider.GetLogger(name).Log(logLevel, messageFunc, exception);
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
