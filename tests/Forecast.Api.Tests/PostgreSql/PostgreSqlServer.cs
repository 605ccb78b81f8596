using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Forecast.Api.Tests.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL cluster on a free loopback port, made with the machine's own initdb and pg_ctl
/// (Debian's postgresql package; <c>.ci/run</c> installs it when missing). PostgreSQL refuses to run as
/// root, so under root the cluster belongs to the <c>postgres</c> user.
/// </summary>
public sealed class PostgreSqlServer : IDisposable
{
    private const string User = "forecast";
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"forecast-pg-{Guid.NewGuid():N}");
    private readonly string binaries;
    private readonly int port;

    public PostgreSqlServer()
    {
        binaries = FindServerPrograms()
            ?? throw new InvalidOperationException("PostgreSQL's server programs (initdb, pg_ctl) are missing: apt-get install postgresql (.ci/run does).");
        port = FreePort();
        Directory.CreateDirectory(folder);
        if (Environment.UserName == "root")
        {
            Run("chown", "postgres", folder);
        }
        RunAsOwner("initdb", "-D", Data, "-A", "trust", "-U", User, "--no-sync");
        RunAsOwner("pg_ctl", "-D", Data, "-l", Path.Combine(folder, "log"), "-w", "start",
            "-o", $"-p {port} -k {folder} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200");
    }

    private string Data => Path.Combine(folder, "data");

    /// <summary>Debian keeps them out of PATH, under /usr/lib/postgresql/VERSION/bin; elsewhere they are on PATH.</summary>
    private static string? FindServerPrograms()
    {
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.EnumerateFiles("/usr/lib/postgresql", "initdb", SearchOption.AllDirectories).Select(Path.GetDirectoryName).OrderDescending().FirstOrDefault()
            : null;
        return debian ?? (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .FirstOrDefault(folder => File.Exists(Path.Combine(folder, "initdb")));
    }

    /// <summary>A new, empty database on this server, and the connection string to it.</summary>
    public string CreateDatabase()
    {
        var name = $"forecast_{Guid.NewGuid():N}";
        using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return ConnectionString(name);
    }

    private string ConnectionString(string database) => $"Host=127.0.0.1;Port={port};Database={database};Username={User}";

    public void Dispose()
    {
        NpgsqlConnection.ClearAllPools();
        RunAsOwner("pg_ctl", "-D", Data, "-m", "immediate", "stop");
        Directory.Delete(folder, recursive: true);
    }

    private void RunAsOwner(string program, params string[] arguments)
    {
        var path = Path.Combine(binaries, program);
        if (Environment.UserName == "root")
        {
            Run("runuser", ["-u", "postgres", "--", path, .. arguments]);
        }
        else
        {
            Run(path, arguments);
        }
    }

    private static void Run(string program, params string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {errors}{output.Result}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
