using System.Globalization;
using Microsoft.Data.Sqlite;

namespace Forecast.Api.Persistence.Backups;

/// <summary>What the backup and restore commands do to a SQLite file: open it outside any pool, check it, describe it.</summary>
internal static class SqliteFile
{
    /// <summary>
    /// A connection of its own: pooling off, so that closing it releases the file at once (the last connection to close
    /// a WAL database checkpoints it and removes its -wal and -shm files).
    /// </summary>
    public static SqliteConnection Open(string path, SqliteOpenMode mode, TimeSpan? busyTimeout = null)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = mode,
            Pooling = false,
            DefaultTimeout = (int)(busyTimeout ?? TimeSpan.FromSeconds(30)).TotalSeconds,
        }.ToString());
        connection.Open();
        return connection;
    }

    /// <summary>The file a connection string names, as the service resolves it (relative to the working directory).</summary>
    public static string PathOf(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <exception cref="DatabaseCommandException">The file is not a SQLite database, or SQLite finds it damaged.</exception>
    public static void CheckIntegrity(SqliteConnection connection, string path)
    {
        string result;
        try
        {
            result = (string)Scalar(connection, "PRAGMA integrity_check;")!;
        }
        catch (SqliteException error) when (error.SqliteErrorCode == SQLitePCL.raw.SQLITE_NOTADB)
        {
            throw new DatabaseCommandException($"{path} is not a SQLite database.");
        }
        if (result != "ok")
        {
            throw new DatabaseCommandException($"{path} failed SQLite's integrity check: {result.ReplaceLineEndings(" ")}");
        }
    }

    /// <summary>What a user recognises of the service's data: "series 12, collections 1, models 5, training runs 7".</summary>
    /// <exception cref="DatabaseCommandException">The file lacks the service's tables.</exception>
    public static string Contents(SqliteConnection connection, string path) => string.Join(", ",
        $"series {Count(connection, path, "Series")}",
        $"collections {Count(connection, path, "Collections")}",
        $"models {Count(connection, path, "Models") + Count(connection, path, "CollectionModels")}",
        $"training runs {Count(connection, path, "TrainingRuns")}");

    public static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Count(SqliteConnection connection, string path, string table)
    {
        try
        {
            return Convert.ToInt64(Scalar(connection, $"SELECT count(*) FROM \"{table}\";"), CultureInfo.InvariantCulture);
        }
        catch (SqliteException error) when (error.SqliteErrorCode == SQLitePCL.raw.SQLITE_ERROR)
        {
            throw new DatabaseCommandException($"{path} is not a Forecast database: it has no {table} table.");
        }
    }

    private static object? Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
