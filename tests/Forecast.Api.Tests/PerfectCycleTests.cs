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
        var collection = await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(2) + RepeatedYear.Rows("CYCLE", 60));

        var model = (await TrainingFlow.TrainCollectionAsync(Client, collection.Id, Tiny)).ModelId!.Value;
        var accuracy = (await ReadJsonAsync($"/api/models/{model}")).GetProperty("accuracy");
        var table = await (await Client.GetAsync($"/api/models/{model}/members")).ReadAsync<PagedList<MemberScoreItem>>();

        Assert.Equal(["Q2", "Q1", "CYCLE"], table.Items.OrderBy(m => m.Mase ?? double.MaxValue).Select(m => m.Key));
        var cycle = table.Items.Single(m => m.Key == "CYCLE");
        Assert.Equal((null, null, null), (cycle.Mase, cycle.SeasonalNaiveMase, cycle.ThetaMase));
        Assert.NotNull(cycle.Smape);
        Assert.Equal(1, accuracy.GetProperty("undefined").GetInt32());
        Assert.Equal(table.Items.Where(m => m.Mase is not null).Average(m => m.Mase!.Value), accuracy.GetProperty("model").GetProperty("mase").GetDouble(), 9);
        Assert.Equal(table.Items.Average(m => m.Smape!.Value), accuracy.GetProperty("model").GetProperty("smape").GetDouble(), 9);
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

    private async Task<JsonElement> ReadJsonAsync(string path) => await (await Client.GetAsync(path)).ReadAsync<JsonElement>();

    public void Dispose() => factory.Dispose();
}
