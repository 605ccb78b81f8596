using Microsoft.Data.Sqlite;

namespace Forecast.Api.Persistence.Backups;

/// <summary>
/// An online copy of the service's SQLite database through SQLite's backup API, safe while the service serves and trains.
/// </summary>
internal static class SqliteBackup
{
    /// <summary>Copies the database to <paramref name="target"/>, a new file; returns the line that says what it wrote.</summary>
    /// <exception cref="DatabaseCommandException">No database, a target that exists already, or a copy that fails its check.</exception>
    public static string Run(string connectionString, string target)
    {
        var source = SqliteFile.PathOf(connectionString);
        target = Path.GetFullPath(target);
        if (File.Exists(target))
        {
            throw new DatabaseCommandException($"{target} exists already; a backup never overwrites one. Choose a new name or remove it.");
        }
        if (!File.Exists(source))
        {
            throw new DatabaseCommandException($"there is no database at {source}. Check ConnectionStrings:Forecast and the working directory.");
        }
        // Written beside the target and renamed when checked, so that an interrupted backup never leaves a file that
        // looks like a complete one.
        var partial = target + ".partial";
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Delete(partial);
        string contents;
        try
        {
            contents = Copy(source, partial);
        }
        catch
        {
            File.Delete(partial);
            throw;
        }
        File.Move(partial, target);
        return $"Backed up {source} to {target} ({new FileInfo(target).Length} bytes; {contents}; integrity ok).";
    }

    private static string Copy(string source, string partial)
    {
        using var live = SqliteFile.Open(source, SqliteOpenMode.ReadWrite);
        using var copy = SqliteFile.Open(partial, SqliteOpenMode.ReadWriteCreate);
        // Microsoft.Data.Sqlite copies every page in one step, that is inside one read transaction: the copy is the
        // database as of one commit. In WAL mode that transaction neither waits for the service's writers nor holds
        // them up; a training job keeps recording its epochs meanwhile.
        live.BackupDatabase(copy);
        // One self-contained file, with no -wal beside it to lose on the way to wherever backups are kept; the copy's
        // connection keeps SQLite's default synchronous=FULL, so the file is on disk when this returns.
        SqliteFile.Execute(copy, "PRAGMA journal_mode=DELETE;");
        SqliteFile.CheckIntegrity(copy, partial);
        return SqliteFile.Contents(copy, partial);
    }
}
