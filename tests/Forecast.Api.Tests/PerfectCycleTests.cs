using System.Text.Json;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

/// <summary>
/// Series that seasonal naive fits exactly before their test tails (a repeated year) or that never move: MASE has no scale on
/// them, so it is null, and everything else a model reports about them is as for any series.
/// </summary>
public sealed class PerfectCycleTests : IDisposable
{
    private readonly ForecastApiFactory factory = new();

    private HttpClient Client => factory.CreateClient();

    private static readonly object Tiny = new { epochs = 1, hiddenSize = 4, seed = 1 };

    [Fact]
    public async Task A_collection_member_repeating_one_year_has_a_null_mase_beside_its_smape_and_is_left_out_of_the_mase_aggregates_only()
    {
        var model = await TrainWithRepeatedYearAsync();

        var accuracy = (await ReadJsonAsync($"/api/models/{model}")).GetProperty("accuracy");
        var table = await (await Client.GetAsync($"/api/models/{model}/members")).ReadAsync<PagedList<MemberScoreItem>>();

        var cycle = table.Items[^1];
        Assert.Equal(("CYCLE", null, null, null), (cycle.Key, cycle.Mase, cycle.SeasonalNaiveMase, cycle.ThetaMase));
        Assert.NotNull(cycle.Smape);
        Assert.Equal(1, accuracy.GetProperty("undefined").GetInt32());
        Assert.Equal(table.Items.Where(m => m.Mase is not null).Average(m => m.Mase!.Value), accuracy.GetProperty("model").GetProperty("mase").GetDouble(), 9);
        Assert.Equal(table.Items.Average(m => m.Smape!.Value), accuracy.GetProperty("model").GetProperty("smape").GetDouble(), 9);
    }

    [Fact]
    public async Task A_collection_member_repeating_one_year_has_intervals_of_some_width_its_anomalies_live_accuracy_and_backtest()
    {
        var model = await TrainWithRepeatedYearAsync();

        var member = await (await Client.GetAsync($"/api/models/{model}/members/CYCLE")).ReadAsync<MemberEvaluationResponse>();
        var forecast = await (await Client.GetAsync($"/api/models/{model}/forecast?series=CYCLE&horizon=4&level=80")).ReadAsync<ForecastResponse>();
        var anomalies = await (await Client.GetAsync($"/api/series/{member.SeriesId}/anomalies")).ReadAsync<AnomaliesResponse>();
        var live = await ReadJsonAsync($"/api/models/{model}/accuracy?series=CYCLE");
        var backtest = await (await Client.PostJsonAsync($"/api/models/{model}/backtests", new { windows = 2 })).ReadAsync<JsonElement>();

        // The seasonal-naive error it would be scaled by is 0: a zero-width interval would miss any forecast not exact to the last bit.
        Assert.All(member.Points, p => Assert.All(p.Intervals, i => Assert.True(i.Lower < p.Forecast && p.Forecast < i.Upper, $"{i} around {p.Forecast}")));
        Assert.All(forecast.Points, p => Assert.True(p.Intervals![0].Lower < p.Value && p.Value < p.Intervals[0].Upper));
        Assert.Empty(anomalies.Anomalies);
        Assert.Equal(JsonValueKind.Null, live.GetProperty("origins")[0].GetProperty("model").GetProperty("mase").ValueKind);
        Assert.Equal(member.Metrics.Smape!.Value, live.GetProperty("origins")[0].GetProperty("model").GetProperty("smape").GetDouble(), 9);
        Assert.All(backtest.GetProperty("windows").EnumerateArray(), w => Assert.Equal(1, w.GetProperty("accuracy").GetProperty("undefined").GetInt32()));
    }

    [Fact]
    public async Task A_collection_whose_every_member_repeats_one_year_trains_and_its_mase_aggregates_are_null()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, RepeatedYear.Collection(60, "A", "B"));

        var model = (await TrainingFlow.TrainCollectionAsync(Client, collection.Id, Tiny)).ModelId!.Value;
        var accuracy = (await ReadJsonAsync($"/api/models/{model}")).GetProperty("accuracy");
        var listed = await ReadJsonAsync($"/api/collections/{collection.Id}/models");

        Assert.Equal(2, accuracy.GetProperty("undefined").GetInt32());
        foreach (var aggregate in new[] { accuracy.GetProperty("model").GetProperty("mase"), accuracy.GetProperty("medianMase"),
            accuracy.GetProperty("shareBeatingSeasonalNaive"), accuracy.GetProperty("theta").GetProperty("mase"), listed.GetProperty("items")[0].GetProperty("mase") })
        {
            Assert.Equal(JsonValueKind.Null, aggregate.ValueKind);
        }
        Assert.Equal(JsonValueKind.Number, accuracy.GetProperty("model").GetProperty("smape").ValueKind);
    }

    [Theory]
    [InlineData("a repeated year")]
    [InlineData("a constant")]
    public async Task A_series_of_which_seasonal_naive_is_exact_before_its_test_tail_trains_and_reports_its_mase_as_null(string kind)
    {
        var values = kind == "a constant" ? Enumerable.Repeat(7.0, 60).ToArray() : RepeatedYear.Values(60);
        var series = await (await Client.PostJsonAsync("/api/series", new { name = kind, values, start = RepeatedYear.Start, frequency = "quarterly" }))
            .ReadAsync<SeriesResponse>();

        var model = (await TrainingFlow.TrainAsync(Client, series.Id, Tiny)).ModelId!.Value;
        var read = await ReadJsonAsync($"/api/models/{model}");
        var evaluation = await (await Client.GetAsync($"/api/models/{model}/evaluation")).ReadAsync<EvaluationResponse>();
        var live = await ReadJsonAsync($"/api/models/{model}/accuracy");
        await (await Client.GetAsync($"/api/series/{series.Id}/anomalies")).ReadAsync<AnomaliesResponse>();
        await (await Client.PostJsonAsync($"/api/models/{model}/backtests", new { windows = 2 })).ReadAsync<JsonElement>();

        Assert.Equal(JsonValueKind.Null, read.GetProperty("metrics").GetProperty("mase").ValueKind);
        Assert.Equal(JsonValueKind.Null, read.GetProperty("skillVsSeasonalNaive").ValueKind);
        Assert.Equal(JsonValueKind.Number, read.GetProperty("metrics").GetProperty("smape").ValueKind);
        Assert.All(evaluation.Points, p => Assert.All(p.Intervals, i => Assert.True(i.Lower < p.MultiStep && p.MultiStep < i.Upper)));
        Assert.Equal(JsonValueKind.Null, live.GetProperty("meanMase").ValueKind);
    }

    /// <summary>A global model of two tourism members and CYCLE, which repeats one year.</summary>
    private async Task<Guid> TrainWithRepeatedYearAsync()
    {
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(2) + RepeatedYear.Rows("CYCLE", 60));
        return (await TrainingFlow.TrainCollectionAsync(Client, collection.Id, Tiny)).ModelId!.Value;
    }

    private async Task<JsonElement> ReadJsonAsync(string path) => await (await Client.GetAsync(path)).ReadAsync<JsonElement>();

    public void Dispose() => factory.Dispose();
}
