using Microsoft.Data.Sqlite;

namespace Forecast.Api.Persistence.Backups;

/// <summary>Puts a backup in the place of the service's SQLite database, or into a new one, while no process has it open.</summary>
internal static class SqliteRestore
{
    /// <summary>How long a restore waits for a database held by another connection before it refuses.</summary>
    private static readonly TimeSpan InUseWait = TimeSpan.FromSeconds(1);

    /// <summary>Replaces the database's content with the backup's; returns the line that says what it did.</summary>
    /// <exception cref="DatabaseCommandException">No backup, a damaged one, or a database in use.</exception>
    public static string Run(string backup, string connectionString)
    {
        backup = Path.GetFullPath(backup);
        var target = SqliteFile.PathOf(connectionString);
        if (!File.Exists(backup))
        {
            throw new DatabaseCommandException($"there is no backup at {backup}.");
        }
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        using var from = SqliteFile.Open(backup, SqliteOpenMode.ReadOnly);
        SqliteFile.CheckIntegrity(from, backup);
        var contents = SqliteFile.Contents(from, backup);
        using var into = SqliteFile.Open(target, SqliteOpenMode.ReadWriteCreate, InUseWait);
        TakeExclusively(into, target);
        // Through SQLite rather than by copying files: the database's own journal makes the replacement all or nothing,
        // and a -wal file a crashed process left is recovered and then overwritten, never replayed onto the backup's pages.
        from.BackupDatabase(into);
        SqliteFile.CheckIntegrity(into, target);
        return $"Restored {backup} into {target} ({contents}; integrity ok). Start the service.";
    }

    /// <summary>
    /// Holds the database file's exclusive lock until the connection closes. In WAL mode every connection that has read
    /// holds a shared lock on the file until it closes, and a running service always has one open
    /// (MigrateForecastDatabaseAsync), so SQLite refuses the exclusive lock while any process of the service runs on the
    /// file: restoring under it would leave its caches and its running jobs on data that is no longer there.
    /// </summary>
    private static void TakeExclusively(SqliteConnection connection, string path)
    {
        try
        {
            // One command each: the pragma answers with a row, and Microsoft.Data.Sqlite runs the statements after such a
            // one in the same command without reporting their errors, BEGIN's SQLITE_BUSY among them.
            SqliteFile.Execute(connection, "PRAGMA locking_mode=EXCLUSIVE;");
            SqliteFile.Execute(connection, "BEGIN EXCLUSIVE;");
            SqliteFile.Execute(connection, "COMMIT;");
        }
        catch (SqliteException error) when (error.SqliteErrorCode == SQLitePCL.raw.SQLITE_BUSY)
        {
            throw new DatabaseCommandException($"{path} is in use. Stop the service (every process on this file) and run the restore again.");
        }
    }
}
