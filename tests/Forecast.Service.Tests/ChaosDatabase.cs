using Microsoft.Data.Sqlite;
using Npgsql;

namespace Forecast.Service.Tests;

/// <summary>What the chaos tests read behind the service's back: open runs, stored models, the file's integrity.</summary>
internal static class ChaosDatabase
{
    public static long OpenRuns(string sqliteFile) =>
        (long)Scalar(sqliteFile, "SELECT count(*) FROM TrainingRuns WHERE Status IN ('Queued', 'Running')")!;

    /// <summary>Times processes have started the runs, all runs together.</summary>
    public static long SqliteAttempts(string sqliteFile) => (long)Scalar(sqliteFile, "SELECT coalesce(sum(Attempts), 0) FROM TrainingRuns")!;

    /// <inheritdoc cref="SqliteAttempts"/>
    public static long PostgreSqlAttempts(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("""SELECT coalesce(sum("Attempts"), 0) FROM "TrainingRuns" """, connection);
        return (long)command.ExecuteScalar()!;
    }

    public static string IntegrityCheck(string sqliteFile) => (string)Scalar(sqliteFile, "PRAGMA integrity_check")!;

    public static string? SqliteArtifact(string sqliteFile, Guid modelId) =>
        (string?)Scalar(sqliteFile, $"SELECT Artifact FROM Models WHERE upper(Id) = upper('{modelId}')");

    public static string? PostgreSqlArtifact(string connectionString, Guid modelId)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand("""SELECT "Artifact" FROM "Models" WHERE "Id" = @id""", connection);
        command.Parameters.AddWithValue("id", modelId);
        return (string?)command.ExecuteScalar();
    }

    private static object? Scalar(string sqliteFile, string sql)
    {
        // Pooling off: a pooled connection would keep the file open after the test deletes it.
        using var connection = new SqliteConnection($"Data Source={sqliteFile};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }
}
