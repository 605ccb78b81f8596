using Forecast.Api.Contracts;
using Forecast.Domain.Runs;
using Npgsql;

namespace Forecast.Api.Tests.PostgreSql;

/// <summary>The scale-out store: EF Core and Hangfire on a real PostgreSQL server, shared by several processes.</summary>
[Collection(PostgreSqlGroup.Name)]
public sealed class PostgreSqlTests(PostgreSqlServer server)
{
    private static (string, string?)[] On(string connectionString, int workers) =>
    [
        ("Database:Provider", "PostgreSql"),
        ("ConnectionStrings:Forecast", connectionString),
        ("Training:WorkerCount", workers.ToString(System.Globalization.CultureInfo.InvariantCulture)),
    ];

    [Fact]
    public async Task A_series_trains_and_forecasts_with_its_data_and_its_job_in_postgresql()
    {
        var database = server.CreateDatabase();
        using var factory = ForecastApiFactory.With(On(database, workers: 1));
        using var client = factory.CreateClient();

        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var run = await TrainingFlow.WaitUntilFinishedAsync(client, (await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny(epochs: 2))).Id);
        var forecast = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=3&level=80")).ReadAsync<ForecastResponse>();

        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.Error);
        Assert.Equal(3, forecast.Points.Count);
        Assert.Equal((1, 1, 1), (await factory.CountRowsAsync()) is var rows ? (rows.Series, rows.Runs, rows.Models) : default);
        Assert.Equal(1L, await ScalarAsync(database, "SELECT count(*) FROM hangfire.job"));
    }

    [Fact]
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

    private static async Task<object?> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync();
    }
}
