using Microsoft.Data.Sqlite;

namespace Forecast.Api.Persistence;

/// <summary>
/// Whether the database may have changed since a moment, at the cost of a few microseconds: what lets a cache check the
/// version of what it holds only when something was written. On SQLite, <c>PRAGMA data_version</c> on a connection of
/// its own, which never writes, changes whenever any other connection, of this process or another, commits. PostgreSQL
/// has no such number, so there every read checks.
/// </summary>
public sealed class DatabaseChanges(DatabaseSettings database) : IDisposable
{
    private readonly Lock gate = new();
    private SqliteConnection? connection;
    private SqliteCommand? dataVersion;

    /// <summary>A stamp that differs from an earlier one when the database changed in between; null when it cannot tell.</summary>
    public long? Stamp()
    {
        if (database.IsPostgreSql)
        {
            return null;
        }
        lock (gate)
        {
            if (dataVersion is null)
            {
                // Opened on first use: the database file exists once the migrations ran at start-up.
                connection = new SqliteConnection(database.ConnectionString);
                connection.Open();
                dataVersion = connection.CreateCommand();
                dataVersion.CommandText = "PRAGMA data_version;";
            }
            return (long)dataVersion.ExecuteScalar()!;
        }
    }

    public void Dispose()
    {
        dataVersion?.Dispose();
        connection?.Dispose();
    }
}
