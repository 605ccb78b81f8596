using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Forecast.Api.Tests.PostgreSql;

/// <summary>
/// A throwaway PostgreSQL cluster on a free loopback port, made with the machine's own initdb and pg_ctl
/// (Debian's postgresql package; <c>.ci/run</c> installs it when missing). PostgreSQL refuses to run as
/// root, so under root the cluster belongs to the <c>postgres</c> user. Where the server programs are
/// missing, the tests that ask for a database, each marked <see cref="PostgreSqlFactAttribute"/>, are skipped
/// with the install command, except under CI, which must not pass by skipping them (see <see cref="PostgreSqlPrograms"/>).
/// </summary>
public sealed class PostgreSqlServer : IDisposable
{
    private const string User = "forecast";
    private readonly string folder = Path.Combine(Path.GetTempPath(), $"forecast-pg-{Guid.NewGuid():N}");
    private readonly string? binaries;
    private readonly string? missing;
    private readonly int port;

    public PostgreSqlServer()
    {
        (binaries, missing) = PostgreSqlPrograms.Here();
        if (binaries is null)
        {
            return;
        }
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

    /// <summary>A new, empty database on this server, and the connection string to it.</summary>
    public string CreateDatabase()
    {
        if (missing is not null)
        {
            // Only a test that is not marked [PostgreSqlFact] gets here on a machine without the server programs.
            throw new InvalidOperationException($"{missing} The test that asked for a database must be marked [PostgreSqlFact], which skips it here.");
        }
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
        if (binaries is null)
        {
            return;
        }
        NpgsqlConnection.ClearAllPools();
        RunAsOwner("pg_ctl", "-D", Data, "-m", "immediate", "stop");
        Directory.Delete(folder, recursive: true);
    }

    private void RunAsOwner(string program, params string[] arguments)
    {
        var path = Path.Combine(binaries!, program);
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
