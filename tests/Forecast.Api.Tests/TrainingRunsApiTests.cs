using System.Net;
using Forecast.Api.Contracts;
using Forecast.Api.Jobs;
using Forecast.Api.Persistence;
using Forecast.Domain.Runs;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests;

public class TrainingRunsApiTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Airpassengers_trains_to_a_loss_curve_an_evaluation_and_a_monthly_forecast()
    {
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var queued = await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny(epochs: 8));
        Assert.Equal(TrainingRunStatus.Queued, queued.Status);

        var run = await TrainingFlow.WaitUntilFinishedAsync(client, queued.Id);

        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.Error);
        Assert.Equal((8, 8, 100.0), (run.Progress.Epoch, run.Progress.TotalEpochs, run.Progress.Percent));
        var curve = await (await client.GetAsync($"/api/training-runs/{run.Id}/loss-curve")).ReadAsync<List<LossPoint>>();
        Assert.Equal(Enumerable.Range(1, 8), curve.Select(p => p.Epoch));
        Assert.All(curve, p => Assert.True(double.IsFinite(p.TrainLoss) && double.IsFinite(p.ValidationLoss!.Value)));
        Assert.True(curve[^1].TrainLoss < curve[0].TrainLoss, $"train loss {curve[0].TrainLoss} -> {curve[^1].TrainLoss}");

        var model = await (await client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<ModelResponse>();
        Assert.Equal((12, 24, 42), (model.TestSize, model.Hyperparameters.Lookback, model.Hyperparameters.Seed));

        var evaluation = await (await client.GetAsync($"/api/models/{run.ModelId}/evaluation")).ReadAsync<EvaluationResponse>();
        Assert.Equal(12, evaluation.Points.Count);
        Assert.Equal("1960-01-01", evaluation.Points[0].Timestamp);
        Assert.Equal([417.0, 391, 419, 461, 472, 535, 622, 606, 508, 461, 390, 432], evaluation.Points.Select(p => p.Actual));
        var mae = evaluation.Points.Average(p => Math.Abs(p.Actual - p.MultiStep));
        Assert.Equal(mae, evaluation.MultiStep.Mae, 9);
        // Seasonal naive repeats 1959 over 1960; R's snaive scores it MAE 47.8333 on this tail.
        Assert.Equal(47.833333, evaluation.Baselines.SeasonalNaive.Mae, 5);

        var forecast = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=12")).ReadAsync<ForecastResponse>();
        Assert.Equal(Enumerable.Range(1, 12).Select(m => $"1961-{m:00}-01"), forecast.Points.Select(p => p.Timestamp));
        Assert.All(forecast.Points, p => Assert.True(double.IsFinite(p.Value)));
    }

    [Fact]
    public async Task A_second_host_on_the_same_database_serves_the_same_forecast()
    {
        var series = await TrainingFlow.UploadAsync(client, "nottem.csv");
        var run = await TrainingFlow.WaitUntilFinishedAsync(client, (await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny(epochs: 3))).Id);
        var url = $"/api/models/{run.ModelId}/forecast?horizon=24";
        var first = await (await client.GetAsync(url)).ReadAsync<ForecastResponse>();

        using var secondHost = factory.OnSameDatabase();
        var second = await (await secondHost.CreateClient().GetAsync(url)).ReadAsync<ForecastResponse>();

        Assert.Equal(first.Points, second.Points);
    }

    [Fact]
    public async Task A_deleted_model_is_gone_and_its_run_remains_without_it()
    {
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var run = await TrainingFlow.WaitUntilFinishedAsync(client, (await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny(epochs: 1, transform: "none"))).Id);
        await (await client.GetAsync($"/api/models/{run.ModelId}/forecast")).ReadAsync<ForecastResponse>();

        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/models/{run.ModelId}")).StatusCode);

        await (await client.GetAsync($"/api/models/{run.ModelId}/forecast")).ReadProblemAsync(HttpStatusCode.NotFound);
        var after = await (await client.GetAsync($"/api/training-runs/{run.Id}")).ReadAsync<TrainingRunResponse>();
        Assert.Equal((TrainingRunStatus.Succeeded, (Guid?)null), (after.Status, after.ModelId));
        await (await client.DeleteAsync($"/api/models/{run.ModelId}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Deleting_a_series_with_an_open_run_is_refused_until_the_run_is_cancelled()
    {
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var run = await TrainingFlow.StartAsync(client, series.Id, new { epochs = 5000, hiddenSize = 4, lookback = 12, transform = "none", seed = 1, earlyStoppingPatience = 0 });

        await (await client.DeleteAsync($"/api/series/{series.Id}")).ReadProblemAsync(HttpStatusCode.Conflict);

        await client.PostAsync($"/api/training-runs/{run.Id}/cancel", null);
        Assert.Equal(TrainingRunStatus.Cancelled, (await TrainingFlow.WaitUntilFinishedAsync(client, run.Id)).Status);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/series/{series.Id}")).StatusCode);
        await (await client.GetAsync($"/api/training-runs/{run.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    public static TheoryData<string, object, HttpStatusCode, string> BadHyperparameters => new()
    {
        { "lookback beyond the series", new { lookback = 500 }, HttpStatusCode.UnprocessableEntity, "lookback" },
        { "zero epochs", new { epochs = 0 }, HttpStatusCode.BadRequest, "epochs" },
        { "a billion epochs", new { epochs = 1_000_000_000 }, HttpStatusCode.BadRequest, "epochs" },
        { "negative learning rate", new { learningRate = -0.1 }, HttpStatusCode.BadRequest, "learningRate" },
        { "dropout of one", new { dropout = 1.0 }, HttpStatusCode.BadRequest, "dropout" },
        { "test tail of most of the series", new { testSize = 100 }, HttpStatusCode.UnprocessableEntity, "testSize" },
        { "a misspelt field", new { lookbak = 12 }, HttpStatusCode.BadRequest, "lookbak" },
        { "epochs as a string", new { epochs = "10" }, HttpStatusCode.BadRequest, "epochs" },
    };

    [Theory]
    [MemberData(nameof(BadHyperparameters))]
    public async Task Bad_hyperparameters_get_problem_details_and_queue_nothing(string why, object body, HttpStatusCode status, string detailMentions)
    {
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var before = await factory.CountRowsAsync();

        var problem = await (await client.PostJsonAsync($"/api/series/{series.Id}/training-runs", body)).ReadProblemAsync(status);

        Assert.Contains(detailMentions, problem.GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.True(before == await factory.CountRowsAsync(), $"{why}: stored rows changed");
    }

    [Fact]
    public async Task The_default_lookback_shrinks_to_what_a_short_series_allows_and_says_so()
    {
        var series = await TrainingFlow.UploadAsync(client, "seattle-precipitation-monthly.csv");

        var run = await TrainingFlow.StartAsync(client, series.Id, new { epochs = 1, hiddenSize = 4, seed = 1, transform = "none" });

        // 48 points - 10 test = 38; 20 % validation leaves 30 to train on; half of that is 15, short of three years.
        Assert.Equal(15, run.Hyperparameters.Lookback);
        Assert.Contains(run.Choices, c => c.StartsWith("lookback 15: half the training part", StringComparison.Ordinal));
        await TrainingFlow.WaitUntilFinishedAsync(client, run.Id);
    }

    [Fact]
    public async Task Transform_auto_chooses_once_and_a_resumed_run_continues_with_the_stored_choice()
    {
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var first = await TrainingFlow.WaitUntilFinishedAsync(client, (await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny(epochs: 2))).Id);
        var firstModel = await (await client.GetAsync($"/api/models/{first.ModelId}")).ReadAsync<ModelResponse>();
        Assert.Single(first.Choices, c => c.StartsWith($"transform {firstModel.Transform}: lowest mean squared error", StringComparison.Ordinal));

        // What a restarted process finds when the first attempt had chosen and begun the final training:
        // the same request, queued again, with its choice stored. It must not choose again.
        var kept = firstModel.Transform == "log" ? "difference" : "log";
        var resumed = new TrainingRunEntity
        {
            Id = Guid.CreateVersion7(),
            SeriesId = series.Id,
            Status = TrainingRunStatus.Queued,
            Hyperparameters = first.Hyperparameters,
            ChosenTransform = kept,
            CreatedAt = DateTime.UtcNow,
        };
        await using (var db = await factory.Services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync())
        {
            db.TrainingRuns.Add(resumed);
            await db.SaveChangesAsync();
        }
        factory.Services.GetRequiredService<IBackgroundJobClient>().Enqueue<TrainingJob>(job => job.Run(resumed.Id, CancellationToken.None));
        var run = await TrainingFlow.WaitUntilFinishedAsync(client, resumed.Id);

        Assert.True(run.Status == TrainingRunStatus.Succeeded, run.Error);
        Assert.Equal(kept, (await (await client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<ModelResponse>()).Transform);
        Assert.DoesNotContain(run.Choices, c => c.Contains("lowest mean squared error", StringComparison.Ordinal));
    }
}
