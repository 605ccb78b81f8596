using Forecast.Api.Contracts;
using Forecast.Api.Persistence;
using Forecast.Domain.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Forecast.Api.Tests.PostgreSql;

/// <summary>The scale-out store: EF Core and Hangfire on a real PostgreSQL server, shared by several processes.</summary>
[Collection(PostgreSqlGroup.Name)]
public sealed class PostgreSqlTests(PostgreSqlServer server)
{
    /// <summary>A process of the scale-out on <paramref name="connectionString"/>, training with <paramref name="workers"/> workers (0: HTTP only).</summary>
    internal static (string, string?)[] On(string connectionString, int workers) =>
    [
        ("Database:Provider", "PostgreSql"),
        ("ConnectionStrings:Forecast", connectionString),
        ("Training:WorkerCount", workers.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("Training:HeartbeatInterval", "00:00:01"),
        ("Training:WorkerTimeout", "00:00:05"),
    ];

    [PostgreSqlFact]
    public async Task A_series_trains_and_forecasts_with_its_data_and_its_job_in_postgresql()
    {
        var database = server.CreateDatabase();
        using var factory = ForecastApiFactory.With(On(database, workers: 1));
        using var client = factory.CreateClient();

        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var run = await TrainingFlow.WaitUntilFinishedAsync(client, (await TrainingFlow.StartAsync(client, series.Id,
            new { epochs = 2, hiddenSize = 8, lookback = 24, testSize = 12, promote = new { alias = "production" } })).Id);
        var forecast = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=3&level=80")).ReadAsync<ForecastResponse>();

        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.Error);
        Assert.Equal(3, forecast.Points.Count);
        // The promotion is carried out in the transaction that marks the run Succeeded.
        Assert.StartsWith("'production' pointed at no model", run.PromotionOutcome, StringComparison.Ordinal);
        Assert.Equal(await client.GetStringAsync($"/api/models/{run.ModelId}/forecast?horizon=3&level=80"),
            await client.GetStringAsync($"/api/series/{series.Id}/forecast?alias=production&horizon=3&level=80"));
        Assert.Equal((1, 1, 1), (await factory.CountRowsAsync()) is var rows ? (rows.Series, rows.Runs, rows.Models) : default);
        // The registry's list of every model is a union of both kinds of model, paged in SQL.
        var models = await (await client.GetAsync("/api/models")).ReadAsync<PagedList<ModelListItem>>();
        Assert.Equal([run.ModelId], models.Items.Select(m => (Guid?)m.Id));
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM hangfire.job"));
    }

    [PostgreSqlFact]
    public async Task A_collection_is_stored_with_its_members_in_one_transaction_in_postgresql()
    {
        using var factory = ForecastApiFactory.With(On(server.CreateDatabase(), workers: 0));
        using var client = factory.CreateClient();

        var collection = await (await client.PostAsync("/api/collections", new StringContent(TourismCsv.Quarterly(members: 3), System.Text.Encoding.UTF8, "text/csv")))
            .ReadAsync<CollectionResponse>();
        var members = await (await client.GetAsync($"/api/collections/{collection.Id}/series")).ReadAsync<PagedList<CollectionMemberItem>>();
        var refused = await client.PostAsync("/api/collections", new StringContent("series,date,value\nA,2024-01-01,1\nA,2024-02-01,x\n", System.Text.Encoding.UTF8, "text/csv"));

        Assert.Equal(TourismCsv.QuarterlyKeys(3).Order(StringComparer.Ordinal), members.Items.Select(m => m.Key));
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Equal(3, (await factory.CountRowsAsync()).Series);
    }

    [PostgreSqlFact]
    public async Task An_api_process_streams_the_epochs_of_a_run_that_a_worker_process_trains()
    {
        var database = server.CreateDatabase();
        using var worker = ForecastApiFactory.With(On(database, workers: 1));
        using var api = ForecastApiFactory.With([.. On(database, workers: 0), ("Events:PollInterval", "00:00:00.050")]);
        using var workerClient = worker.CreateClient();
        using var client = api.CreateClient();

        var series = await TrainingFlow.UploadAsync(client, "nottem.csv");
        var run = await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny(epochs: 4, transform: "none"));
        var events = await RunEvents.ReadAllAsync(client, run.Id);

        Assert.Equal(["1", "2", "3", "4"], events.Where(e => e.Type == "epoch").Select(e => e.Id));
        Assert.Equal("succeeded", events[^1].Data.GetProperty("status").GetString());
    }

    [PostgreSqlFact]
    public async Task An_api_process_queues_a_run_that_a_worker_process_trains()
    {
        var database = server.CreateDatabase();
        using var worker = ForecastApiFactory.With(On(database, workers: 1));
        using var api = ForecastApiFactory.With(On(database, workers: 0));
        using var workerClient = worker.CreateClient();
        using var client = api.CreateClient();

        var series = await TrainingFlow.UploadAsync(client, "nottem.csv");
        var started = await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny(epochs: 2, transform: "none"));
        var run = await TrainingFlow.WaitUntilFinishedAsync(client, started.Id);

        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.Error);
        var onApi = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=12")).ReadAsync<ForecastResponse>();
        var onWorker = await (await workerClient.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=12")).ReadAsync<ForecastResponse>();
        Assert.Equal(onWorker.Points.Select(p => p.Value), onApi.Points.Select(p => p.Value));
        // Hangfire marks its job done just after the run is stored as Succeeded.
        var state = await ScalarAsync(database, "SELECT statename FROM hangfire.job");
        for (var i = 0; i < 50 && !Equals(state, "Succeeded"); i++)
        {
            await Task.Delay(100);
            state = await ScalarAsync(database, "SELECT statename FROM hangfire.job");
        }
        Assert.Equal("Succeeded", state);
    }

    [PostgreSqlFact]
    public async Task A_key_revoked_through_one_process_is_refused_by_another_within_the_cache_duration_in_postgresql()
    {
        var database = server.CreateDatabase();
        (string, string?)[] settings = [.. On(database, workers: 0), ("Auth:KeyCacheDuration", "00:00:02")];
        using var first = ForecastApiFactory.With(settings);
        using var second = ForecastApiFactory.With(settings);

        await AuthTests.RevokedAcrossProcessesAsync(first, second);
    }

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }

    [PostgreSqlFact]
    public async Task A_run_whose_worker_fell_silent_is_taken_over_by_a_live_worker()
    {
        var database = server.CreateDatabase();
        using var api = ForecastApiFactory.With(On(database, workers: 0));
        var runId = await RunClaimedByAsync(api, heartbeatAt: DateTime.UtcNow.AddMinutes(-10));

        using var worker = ForecastApiFactory.With(On(database, workers: 1));
        using var workerClient = worker.CreateClient();
        var run = await TrainingFlow.WaitUntilFinishedAsync(workerClient, runId);

        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.Error);
        var stored = await StoredRunAsync(api, runId);
        Assert.Equal(1, stored.Crashes);
        Assert.NotEqual(OtherWorker, stored.WorkerId);
        await using var db = await DbAsync(api);
        Assert.False(await db.TrainingWorkers.AnyAsync(w => w.Id == OtherWorker));
    }

    [PostgreSqlFact]
    public async Task A_run_whose_worker_still_beats_is_left_to_it()
    {
        var database = server.CreateDatabase();
        using var api = ForecastApiFactory.With(On(database, workers: 0));
        var runId = await RunClaimedByAsync(api, heartbeatAt: DateTime.UtcNow.AddHours(1));

        using var worker = ForecastApiFactory.With(On(database, workers: 1));
        using var workerClient = worker.CreateClient();
        // Several of the worker's 1-second sweeps.
        await Task.Delay(TimeSpan.FromSeconds(4));

        var stored = await StoredRunAsync(api, runId);
        Assert.Equal((TrainingRunStatus.Running, 0, OtherWorker), (stored.Status, stored.Crashes, stored.WorkerId));
    }

    [PostgreSqlFact]
    public async Task A_worker_whose_run_was_taken_over_stops_and_leaves_it_alone()
    {
        var database = server.CreateDatabase();
        using var worker = ForecastApiFactory.With(On(database, workers: 1));
        using var client = worker.CreateClient();
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var run = await TrainingFlow.StartAsync(client, series.Id,
            new { epochs = 5000, hiddenSize = 8, lookback = 24, testSize = 12, transform = "none", earlyStoppingPatience = 0 });
        await TrainingFlow.WaitForEpochAsync(client, run.Id, 2);

        // What a worker that woke from a long pause finds: its run claimed by another, live worker.
        await using (var db = await DbAsync(worker))
        {
            var later = DateTime.UtcNow.AddHours(1);
            db.TrainingWorkers.Add(new TrainingWorkerEntity { Id = OtherWorker, Name = "other/1", StartedAt = later, HeartbeatAt = later });
            await db.SaveChangesAsync();
            await db.TrainingRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(set => set.SetProperty(r => r.WorkerId, OtherWorker));
        }
        var epochs = await LossEntriesAsync(worker, run.Id);
        await Task.Delay(TimeSpan.FromSeconds(2));

        var stored = await StoredRunAsync(worker, run.Id);
        Assert.Equal((TrainingRunStatus.Running, OtherWorker, (string?)null), (stored.Status, stored.WorkerId, stored.Error));
        Assert.InRange(await LossEntriesAsync(worker, run.Id), epochs, epochs + 1);
    }

    private static async Task<int> LossEntriesAsync(ForecastApiFactory factory, Guid runId)
    {
        await using var db = await DbAsync(factory);
        return await db.LossEntries.CountAsync(l => l.RunId == runId);
    }

    private static readonly Guid OtherWorker = Guid.CreateVersion7();

    /// <summary>A run stored as if a worker that last beat at <paramref name="heartbeatAt"/> were training it.</summary>
    private static async Task<Guid> RunClaimedByAsync(ForecastApiFactory api, DateTime heartbeatAt)
    {
        using var client = api.CreateClient();
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var run = await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny(epochs: 2, transform: "none"));
        await using var db = await DbAsync(api);
        db.TrainingWorkers.Add(new TrainingWorkerEntity { Id = OtherWorker, Name = "gone/1", StartedAt = heartbeatAt, HeartbeatAt = heartbeatAt });
        await db.SaveChangesAsync();
        await db.TrainingRuns.Where(r => r.Id == run.Id).ExecuteUpdateAsync(set => set
            .SetProperty(r => r.Status, TrainingRunStatus.Running)
            .SetProperty(r => r.WorkerId, OtherWorker));
        return run.Id;
    }

    private static async Task<TrainingRunEntity> StoredRunAsync(ForecastApiFactory api, Guid runId)
    {
        await using var db = await DbAsync(api);
        return await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
    }

    private static Task<ForecastDbContext> DbAsync(ForecastApiFactory factory) =>
        factory.Services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync();
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlGroup : ICollectionFixture<PostgreSqlServer>
{
    public const string Name = "PostgreSQL";
}
