using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Forecast.Api.Contracts;
using Forecast.Domain.Series;

namespace Forecast.Api.Tests;

/// <summary>Hourly and minute series through the API (issue #13): uploaded with offsets, answered in UTC at their resolution.</summary>
public sealed partial class SubDailyTests : IDisposable
{
    private const int TwoWeeks = 14 * 24;

    private readonly ForecastApiFactory factory = new();

    private HttpClient Client => factory.CreateClient();

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$")]
    private static partial Regex UtcDateTime();

    [Fact]
    public async Task An_hourly_series_of_two_weeks_trains_and_forecasts_48_hourly_steps_with_hourly_timestamps()
    {
        var (series, run) = await TwoWeeksTrainedAsync(epochs: 3);
        var model = await (await Client.GetAsync($"/api/models/{run.ModelId}")).ReadAsync<ModelResponse>();
        var forecast = await (await Client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=48&level=80")).ReadAsync<ForecastResponse>();

        Assert.Equal((Frequency.Hourly, "2023-12-31T23:00:00Z", "2024-01-14T22:00:00Z"), (series.Frequency, series.Start, series.End));
        Assert.Equal((24, 24), (run.Hyperparameters.SeasonalPeriod, model.SeasonalPeriod));
        var nextHours = DailyCycle.Times(DailyCycle.Hour, 48, from: TwoWeeks).Select(DailyCycle.Utc).ToArray();
        Assert.Equal(nextHours, forecast.Points.Select(p => p.Timestamp));
        Assert.Equal(("2024-01-14T23:00:00Z", "2024-01-16T22:00:00Z"), (forecast.Origin, forecast.Points[^1].Timestamp));
        Assert.All(forecast.Points, p => Assert.True(double.IsFinite(p.Value)));
    }

    [Fact]
    public async Task Every_timestamp_of_an_hourly_model_is_a_utc_date_time()
    {
        var (_, run) = await TwoWeeksTrainedAsync(epochs: 1);

        var evaluation = await (await Client.GetAsync($"/api/models/{run.ModelId}/evaluation")).ReadAsync<EvaluationResponse>();
        var accuracy = await (await Client.GetAsync($"/api/models/{run.ModelId}/accuracy")).ReadAsync<LiveAccuracyResponse>();
        var listed = await (await Client.GetAsync("/api/series")).ReadAsync<PagedList<SeriesListItem>>();

        Assert.All(evaluation.Points.Select(p => p.Timestamp).Append(evaluation.ForecastOrigin), t => Assert.Matches(UtcDateTime(), t));
        Assert.Equal("2024-01-14T11:00:00Z", evaluation.ForecastOrigin);
        Assert.Equal("2024-01-14T11:00:00Z", accuracy.FirstOrigin);
        Assert.Equal(("2023-12-31T23:00:00Z", "2024-01-14T22:00:00Z"), (listed.Items[0].Start, listed.Items[0].End));
    }

    [Fact]
    public async Task A_fifteen_minute_series_is_inferred_with_a_days_seasonal_period_which_a_run_may_override()
    {
        var quarterHour = TimeSpan.FromMinutes(15);
        var series = await UploadAsync(DailyCycle.Csv(quarterHour, 3 * 96));
        var hourly = await UploadAsync(DailyCycle.Csv(DailyCycle.Hour, TwoWeeks));

        var form = await (await Client.GetAsync($"/api/series/{series.Id}/hyperparameters")).ReadAsync<HyperparameterDefaultsResponse>();
        var weekly = await TrainingFlow.TrainAsync(Client, hourly.Id, new { epochs = 1, hiddenSize = 8, lookback = 24, testSize = 12, transform = "none", seasonalPeriod = 168 });

        Assert.Equal((Frequency.Minutes15, "2024-01-03T22:45:00Z"), (series.Frequency, series.End));
        Assert.Equal(96, form.Defaults.SeasonalPeriod);
        Assert.Equal(168, weekly.Hyperparameters.SeasonalPeriod);
    }

    [Fact]
    public async Task Observations_appended_to_an_hourly_series_continue_it_by_the_hour()
    {
        var series = await UploadAsync(DailyCycle.Csv(DailyCycle.Hour, 48));
        var next = DailyCycle.Times(DailyCycle.Hour, 3, from: 48).ToArray();

        // The second comes written in UTC, the third in +01:00 again: offsets may differ, the instants are what count.
        var appended = await HeldOutYear.AppendAsync(Client, series.Id, new
        {
            values = new[] { 1.0, 2, 3 },
            timestamps = new[] { DailyCycle.Iso(next[0]), DailyCycle.Utc(next[1]), DailyCycle.Iso(next[2]) },
        });
        var continued = await HeldOutYear.AppendAsync(Client, series.Id, new { values = new[] { 4.0 } });
        var offGrid = await (await Client.PostAsync($"/api/series/{series.Id}/observations", new StringContent(
            $"timestamp,value\n{DailyCycle.Iso(next[2] + 2 * DailyCycle.Hour)},5\n{DailyCycle.Iso(next[2] + 2.5 * DailyCycle.Hour)},6\n", Encoding.UTF8, "text/csv")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal((51, DailyCycle.Utc(next[2]), 3), (appended.Count, appended.End, appended.Appended));
        Assert.Equal((52, "2024-01-03T02:00:00Z"), (continued.Count, continued.End));
        Assert.StartsWith("CSV line 3: Timestamp 2024-01-03T03:30:00Z (point 2) is not on the series' hourly grid",
            offGrid.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_collection_of_hourly_members_answers_its_timestamps_in_utc_and_forecasts_every_member_by_the_hour()
    {
        var csv = DailyCycle.CollectionCsv(DailyCycle.Hour, 4 * 24, "north", "south");
        var collection = await TrainingFlow.UploadCollectionAsync(Client, csv);
        var members = await (await Client.GetAsync($"/api/collections/{collection.Id}/series")).ReadAsync<PagedList<CollectionMemberItem>>();
        var run = await TrainingFlow.TrainCollectionAsync(Client, collection.Id, new { epochs = 1, hiddenSize = 8, lookback = 24, testSize = 12, seed = 1 });
        var forecasts = await Client.SendAsync(new HttpRequestMessage(HttpMethod.Get, $"/api/models/{run.ModelId}/forecasts?horizon=2")
        {
            Headers = { { "Accept", "text/csv" } },
        });

        Assert.Equal((Frequency.Hourly, "2023-12-31T23:00:00Z", "2024-01-04T22:00:00Z"), (collection.Frequency, collection.Start, collection.End));
        Assert.All(members.Items, m => Assert.Equal(("2023-12-31T23:00:00Z", "2024-01-04T22:00:00Z"), (m.Start, m.End)));
        var lines = (await forecasts.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(["north,2024-01-04T23:00:00Z", "north,2024-01-05T00:00:00Z", "south,2024-01-04T23:00:00Z", "south,2024-01-05T00:00:00Z"],
            lines.Skip(1).Select(line => string.Join(',', line.Split(',')[..2])));
    }

    public void Dispose() => factory.Dispose();

    /// <summary>Two weeks of the hourly cycle, uploaded and trained on by a tiny model.</summary>
    private async Task<(SeriesResponse Series, TrainingRunResponse Run)> TwoWeeksTrainedAsync(int epochs)
    {
        var series = await UploadAsync(DailyCycle.Csv(DailyCycle.Hour, TwoWeeks));
        return (series, await TrainingFlow.TrainAsync(Client, series.Id, TrainingFlow.Tiny(epochs, transform: "none")));
    }

    private async Task<SeriesResponse> UploadAsync(string csv) =>
        await (await Client.PostCsvAsync(csv, "?name=daily-cycle")).ReadAsync<SeriesResponse>();
}
