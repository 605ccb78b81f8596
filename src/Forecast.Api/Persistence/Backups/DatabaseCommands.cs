using Forecast.Api.Configuration;
using Microsoft.Data.Sqlite;

namespace Forecast.Api.Persistence.Backups;

/// <summary>
/// <c>backup --to FILE</c> and <c>restore --from FILE</c>: commands of the service's own binary rather than endpoints.
/// They run where the database file is (beside the service, or in its container with <c>docker compose exec</c>),
/// read exactly the configuration the service reads (appsettings, environment, and any <c>--Key=value</c> after the
/// file), suit cron and scripts with an exit code, and open no way over HTTP to write files on the server or to stream
/// the whole database out. A restore must run with the service stopped, which an endpoint of that service cannot be.
/// </summary>
public static class DatabaseCommands
{
    public const string Backup = "backup";
    public const string Restore = "restore";

    public const int FailureExitCode = 1;

    /// <summary>As the service's for a configuration it cannot start with.</summary>
    public const int UsageExitCode = StartupFailure.ExitCode;

    private const string Usage = "Usage: Forecast.Api backup --to FILE | restore --from FILE [--Key=value ...] (docs/operations.md#backups)";

    /// <summary>Runs the command <paramref name="args"/> name, writes one line, and returns the process's exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        var (verb, option) = args[0] == Backup ? (Backup, "--to") : (Restore, "--from");
        if (args.Length < 3 || args[1] != option)
        {
            await Console.Error.WriteLineAsync(Usage);
            return UsageExitCode;
        }
        try
        {
            // The service's own builder, so that its configuration sources and environment are the service's; nothing is started.
            var database = DatabaseSettings.From(WebApplication.CreateBuilder(args[3..]).Configuration);
            if (database.IsPostgreSql)
            {
                throw new DatabaseCommandException(
                    "Database:Provider is PostgreSql, whose backups are PostgreSQL's own: pg_dump and pg_restore, or pg_basebackup with WAL archiving (docs/operations.md#backups).");
            }
            var done = verb == Backup ? SqliteBackup.Run(database.ConnectionString, args[2]) : SqliteRestore.Run(args[2], database.ConnectionString);
            await Console.Out.WriteLineAsync(done);
            return 0;
        }
        catch (ConfigurationException error)
        {
            await Console.Error.WriteLineAsync($"Forecast cannot {verb}: {error.Message}");
            return UsageExitCode;
        }
        catch (Exception error) when (error is DatabaseCommandException or SqliteException or IOException or UnauthorizedAccessException)
        {
            await Console.Error.WriteLineAsync($"Forecast cannot {verb}: {error.Message}");
            return FailureExitCode;
        }
    }
}
