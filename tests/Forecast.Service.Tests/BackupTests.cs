using System.Globalization;
using Forecast.Api.Contracts;
using Forecast.Api.Tests;
using Microsoft.Data.Sqlite;

namespace Forecast.Service.Tests;

/// <summary>
/// The backup and restore commands of the published binary (docs/operations.md#backups), against the service running on
/// its SQLite file and training.
/// </summary>
public sealed class BackupTests : IDisposable
{
    // Far more epochs than a test waits for: the run is still writing when the backups are taken.
    private static readonly object Endless = new { epochs = 10_000, hiddenSize = 8, lookback = 24, testSize = 12, seed = 5, transform = "none", earlyStoppingPatience = 0 };

    private readonly string folder = Directory.CreateTempSubdirectory("forecast-backup-").FullName;

    [Fact]
    public async Task A_backup_taken_while_a_run_trains_restores_elsewhere_with_every_series_model_and_run_as_they_were_then()
    {
        var live = File("live.db");
        var backup = File("backup.db");
        var restored = File("restored", "forecast.db");
        Guid training;
        IReadOnlyDictionary<string, string> answers;
        List<LossPoint> curveAfterBackup;
        using (var service = await ServiceProcess.StartAsync(live))
        {
            var (reads, run) = await FillAsync(service.Client);
            training = run;

            var (exitCode, output) = await ServiceProcess.RunCommandAsync(live, ["backup", "--to", backup]);

            Assert.True(exitCode == 0, output);
            Assert.Contains($"Backed up {live} to {backup}", output, StringComparison.Ordinal);
            Assert.Contains("series 8, collections 1, models 2, training runs 3; integrity ok", output, StringComparison.Ordinal);
            // The run goes on writing after the snapshot (and fails this wait if the backup stopped it).
            await TrainingFlow.WaitForEpochAsync(service.Client, training, EpochOf(backup, training) + 1);
            answers = await ReadAllAsync(service.Client, reads);
            Assert.All(answers.Values, answer => Assert.StartsWith("200 ", answer, StringComparison.Ordinal));
            curveAfterBackup = await (await service.Client.GetAsync($"/api/training-runs/{training}/loss-curve")).ReadAsync<List<LossPoint>>();
            // Stopped, the run checkpointed and queued again: the file is quiet from here on.
            Assert.True(service.Terminate(TimeSpan.FromSeconds(30)), "the service did not stop within 30 s of SIGTERM");
        }

        var (restoreExit, restoreOutput) = await ServiceProcess.RunCommandAsync(restored, ["restore", "--from", backup]);

        Assert.True(restoreExit == 0, restoreOutput);
        Assert.Contains($"Restored {backup} into {restored}", restoreOutput, StringComparison.Ordinal);
        var copy = SqliteContents.Read(backup);
        SqliteContents.Read(restored).AssertEqual(copy);
        // As of the backup: everything but the training run is as the service left it (but for the registration of its
        // training process, which a process removes as it stops), and the run's epochs are the service's own, bit for
        // bit, up to the epoch its row had reached, which is where they end: the snapshot of one commit.
        var source = SqliteContents.Read(live);
        copy.Without(training).WithoutRowsOf("TrainingWorkers").AssertEqual(source.Without(training));
        var epochs = EpochOf(backup, training);
        Assert.InRange(epochs, 3, curveAfterBackup.Count - 1);
        Assert.Equal(epochs, copy.RowsOf("LossEntries", training).Count);
        Assert.Subset(source.RowsOf("LossEntries", training).ToHashSet(), copy.RowsOf("LossEntries", training).ToHashSet());

        using var again = await ServiceProcess.StartAsync(restored, ("Training__WorkerCount", "0"));
        Assert.Equal(answers, await ReadAllAsync(again.Client, answers.Keys));
        var curve = await (await again.Client.GetAsync($"/api/training-runs/{training}/loss-curve")).ReadAsync<List<LossPoint>>();
        Assert.Equal(curveAfterBackup.Take(epochs), curve);
    }

    [Fact]
    public async Task Backups_taken_one_after_another_while_a_run_writes_its_epochs_are_each_whole_and_consistent()
    {
        var live = File("live.db");
        using var service = await ServiceProcess.StartAsync(live);
        var series = await TrainingFlow.UploadAsync(service.Client, "nottem.csv");
        var run = (await TrainingFlow.StartAsync(service.Client, series.Id, Endless)).Id;
        await TrainingFlow.WaitForEpochAsync(service.Client, run, 3);

        var epochs = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            var backup = File($"backup-{i}.db");
            var (exitCode, output) = await ServiceProcess.RunCommandAsync(live, ["backup", "--to", backup]);

            Assert.True(exitCode == 0, output);
            Assert.Equal("ok", ChaosDatabase.IntegrityCheck(backup));
            // The run's progress and its loss entry are one transaction: a copy of one moment has both or neither.
            var copy = SqliteContents.Read(backup);
            epochs.Add(EpochOf(backup, run));
            Assert.Equal(epochs[^1], copy.RowsOf("LossEntries", run).Count);
            Assert.False(System.IO.File.Exists(backup + "-wal"), "the backup is not one self-contained file");
            // The next backup once the run has written again, so that each copy catches it at a new epoch.
            await TrainingFlow.WaitForEpochAsync(service.Client, run, epochs[^1] + 1);
        }
        Assert.Equal(epochs.Order(), epochs.Distinct());
    }

    [Fact]
    public async Task A_restore_is_refused_while_the_service_runs_and_replaces_the_database_once_the_service_is_killed()
    {
        var live = File("live.db");
        var backup = File("backup.db");
        using (var service = await ServiceProcess.StartAsync(live, ("Training__WorkerCount", "0")))
        {
            await TrainingFlow.UploadAsync(service.Client, "nottem.csv");
            Assert.Equal(0, (await ServiceProcess.RunCommandAsync(live, ["backup", "--to", backup])).ExitCode);
            await TrainingFlow.UploadAsync(service.Client, "nottem.csv", name: "after the backup");

            var (exitCode, output) = await ServiceProcess.RunCommandAsync(live, ["restore", "--from", backup]);

            Assert.Equal((1, $"Forecast cannot restore: {live} is in use. Stop the service (every process on this file) and run the restore again."),
                (exitCode, output.Trim()));
            Assert.Equal(2, (await (await service.Client.GetAsync("/api/series")).ReadAsync<PagedList<SeriesListItem>>()).Total);
            // Killed, it leaves its -wal behind, holding the upload after the backup: the restore must not replay it.
            service.Kill();
        }
        Assert.True(System.IO.File.Exists(live + "-wal"));

        var restore = await ServiceProcess.RunCommandAsync(live, ["restore", "--from", backup]);

        Assert.True(restore.ExitCode == 0, restore.Output);
        SqliteContents.Read(live).AssertEqual(SqliteContents.Read(backup));
        using var again = await ServiceProcess.StartAsync(live, ("Training__WorkerCount", "0"));
        var series = await (await again.Client.GetAsync("/api/series")).ReadAsync<PagedList<SeriesListItem>>();
        Assert.Equal(["nottem.csv"], series.Items.Select(s => s.Name));
    }

    [Theory]
    [InlineData("backup", "", "Usage: Forecast.Api backup --to FILE | restore --from FILE [--Key=value ...] (docs/operations.md#backups)")]
    [InlineData("restore --to {folder}/x.db", "", "Usage: Forecast.Api backup --to FILE | restore --from FILE [--Key=value ...] (docs/operations.md#backups)")]
    [InlineData("backup --to {folder}/x.db", "PostgreSql", "Forecast cannot backup: Database:Provider is PostgreSql, whose backups are PostgreSQL's own: pg_dump and pg_restore, or pg_basebackup with WAL archiving (docs/operations.md#backups).")]
    [InlineData("backup --to {folder}/x.db", "", "Forecast cannot backup: there is no database at {folder}/live.db. Check ConnectionStrings:Forecast and the working directory.")]
    [InlineData("backup --to {folder}/text.db", "", "Forecast cannot backup: {folder}/text.db exists already; a backup never overwrites one. Choose a new name or remove it.")]
    [InlineData("restore --from {folder}/missing.db", "", "Forecast cannot restore: there is no backup at {folder}/missing.db.")]
    [InlineData("restore --from {folder}/text.db", "", "Forecast cannot restore: {folder}/text.db is not a SQLite database.")]
    public async Task A_command_it_cannot_carry_out_ends_with_one_line_saying_why_and_writes_nothing(string command, string provider, string expected)
    {
        await System.IO.File.WriteAllTextAsync(File("text.db"), "not a database");
        (string, string)[] settings = provider.Length == 0 ? [] : [("Database__Provider", provider)];

        var (exitCode, output) = await ServiceProcess.RunCommandAsync(File("live.db"), command.Replace("{folder}", folder, StringComparison.Ordinal).Split(' '), settings);

        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length == 1, $"expected one line, got:\n{output}");
        Assert.Equal(expected.Replace("{folder}", folder, StringComparison.Ordinal), lines[0]);
        Assert.NotEqual(0, exitCode);
        Assert.Equal([File("text.db")], Directory.GetFileSystemEntries(folder, "*", SearchOption.AllDirectories));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string File(params string[] names) => Path.Combine([folder, .. names]);

    /// <summary>
    /// Two series and a collection, a model of one series and of the collection, and a run on the other series that is
    /// still training; the reads that show them, and the run.
    /// </summary>
    private static async Task<(IReadOnlyList<string> Reads, Guid Training)> FillAsync(HttpClient client)
    {
        var series = await TrainingFlow.UploadAsync(client, "nottem.csv");
        var other = await TrainingFlow.UploadAsync(client, "nottem.csv", name: "trained while backed up");
        var collection = await TrainingFlow.UploadCollectionAsync(client, TourismCsv.Quarterly(6));
        var model = await TrainingFlow.TrainAsync(client, series.Id, TrainingFlow.Tiny());
        var collectionModel = await TrainingFlow.TrainCollectionAsync(client, collection.Id, new { method = "theta" });
        var training = (await TrainingFlow.StartAsync(client, other.Id, Endless)).Id;
        await TrainingFlow.WaitForEpochAsync(client, training, 3);
        string[] reads =
        [
            "/api/series", $"/api/series/{series.Id}", $"/api/series/{other.Id}", "/api/collections", $"/api/collections/{collection.Id}",
            $"/api/collections/{collection.Id}/series", $"/api/training-runs/{model.Id}", $"/api/training-runs/{model.Id}/loss-curve",
            $"/api/training-runs/{collectionModel.Id}", $"/api/models/{model.ModelId}", $"/api/models/{model.ModelId}/evaluation",
            $"/api/models/{model.ModelId}/forecast?horizon=12&level=95", $"/api/models/{collectionModel.ModelId}",
            $"/api/models/{collectionModel.ModelId}/members?pageSize=10", $"/api/models/{collectionModel.ModelId}/forecasts?horizon=8",
        ];
        return (reads, training);
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadAllAsync(HttpClient client, IEnumerable<string> reads)
    {
        var answers = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var read in reads)
        {
            var response = await client.GetAsync(read);
            answers[read] = $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
        }
        return answers;
    }

    /// <summary>The epoch a run's row had reached in a copy of the database.</summary>
    private static int EpochOf(string file, Guid run)
    {
        using var connection = new SqliteConnection($"Data Source={file};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT Epoch FROM TrainingRuns WHERE upper(Id) = upper($id)";
        command.Parameters.AddWithValue("$id", run.ToString());
        return Convert.ToInt32(command.ExecuteScalar(), CultureInfo.InvariantCulture);
    }
}
