using Forecast.Api.Tests.Needs;

namespace Forecast.Api.Tests.PostgreSql;

/// <summary>Where PostgreSQL's server programs are, and what a machine without them does about the tests that need them.</summary>
public static class PostgreSqlPrograms
{
    /// <summary>A folder holding initdb and pg_ctl; when set, the only place looked at.</summary>
    public const string FolderVariable = "FORECAST_POSTGRES_BIN";

    public const string InstallHint = "install them with `apt-get install postgresql` (Debian, Ubuntu), or set FORECAST_POSTGRES_BIN to the folder holding initdb and pg_ctl";

    /// <summary>This machine's server programs as the environment names them, or why there are none (an error under CI).</summary>
    public static (string? Folder, string? Missing) Here() => Locate(Environment.GetEnvironmentVariable(FolderVariable), UnderCi.Value);

    /// <summary>Why this machine has no PostgreSQL server programs for the tests, or null when it has them.</summary>
    public static string? Missing => Locate(Environment.GetEnvironmentVariable(FolderVariable), underCi: false).Missing;

    /// <summary>
    /// The folder with initdb and pg_ctl, or why there is none. Under CI a missing server is an error, not a
    /// reason to skip: CI installs it, so its absence means the run would pass without testing scale-out.
    /// </summary>
    public static (string? Folder, string? Missing) Locate(string? overrideFolder, bool underCi)
    {
        var folder = overrideFolder is { Length: > 0 } ? Holding(overrideFolder) : Debian() ?? OnPath();
        if (folder is not null)
        {
            return (folder, null);
        }
        var looked = overrideFolder is { Length: > 0 } ? overrideFolder : "/usr/lib/postgresql/*/bin and PATH";
        var missing = $"PostgreSQL's server programs (initdb, pg_ctl) were not found in {looked}: {InstallHint}.";
        return underCi
            ? throw new InvalidOperationException($"CI=true and {missing} .ci/run installs them; a CI run must not skip the PostgreSQL tests.")
            : (null, missing);
    }

    private static string? Holding(string folder) => File.Exists(Path.Combine(folder, "initdb")) ? folder : null;

    // Debian keeps them out of PATH, under /usr/lib/postgresql/VERSION/bin; the newest version wins.
    private static string? Debian() => Directory.Exists("/usr/lib/postgresql")
        ? Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Select(Path.GetDirectoryName).OrderDescending().FirstOrDefault()
        : null;

    private static string? OnPath() => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Where(folder => folder.Length > 0).Select(Holding).FirstOrDefault(folder => folder is not null);
}
