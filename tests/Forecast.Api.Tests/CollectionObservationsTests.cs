using System.Net;
using System.Text;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

/// <summary>Observations for many members of a collection at once: each member grows as a series does, in one transaction.</summary>
public sealed class CollectionObservationsTests : IDisposable
{
    private readonly ForecastApiFactory factory = new();

    private HttpClient Client => factory.CreateClient();

    [Fact]
    public async Task A_long_csv_appends_to_each_member_it_names_and_the_global_model_forecasts_from_their_new_ends()
    {
        var collection = await UploadAsync();
        var model = (await TrainingFlow.TrainCollectionAsync(Client, collection.Id, new { epochs = 1, hiddenSize = 4, seed = 1 })).ModelId;
        var before = await MemberForecastAsync(model!.Value, "Q1");

        var appended = await (await Client.PostAsync($"/api/collections/{collection.Id}/observations",
            new StringContent("series,date,value\nQ1,1994-10-01,7000\nQ1,1995-01-01,4100\nQ2,1994-10-01,200000\n", Encoding.UTF8, "text/csv")))
            .ReadAsync<CollectionObservationsResponse>();
        var after = await MemberForecastAsync(model.Value, "Q1");
        var asOfBefore = await MemberForecastAsync(model.Value, "Q1", "&origin=1994-10-01");
        var q1 = await (await Client.GetAsync($"/api/series/{appended.Members[0].Observations.SeriesId}")).ReadAsync<SeriesResponse>();

        Assert.Equal(2, appended.Version);
        Assert.Equal([("Q1", 2, 2), ("Q2", 1, 2)], appended.Members.Select(m => (m.Key, m.Observations.Appended, m.Observations.Version)));
        Assert.Equal(("1994-10-01", 1), (before.Origin, before.SeriesVersion));
        Assert.Equal(("1995-04-01", 2), (after.Origin, after.SeriesVersion));
        // What the model would have said at the member's old end is what it said then.
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before.Points), System.Text.Json.JsonSerializer.Serialize(asOfBefore.Points));
        Assert.Equal((65, "1995-01-01"), (q1.Count, q1.End));
    }

    [Fact]
    public async Task A_member_s_live_accuracy_starts_with_its_evaluation_and_an_outlier_appended_to_it_is_an_anomaly()
    {
        var collection = await UploadAsync();
        var model = (await TrainingFlow.TrainCollectionAsync(Client, collection.Id, new { epochs = 1, hiddenSize = 4, seed = 1 })).ModelId!.Value;
        await Client.PostAsync($"/api/collections/{collection.Id}/observations",
            new StringContent("series,date,value\nQ1,1994-10-01,7000\nQ1,1995-01-01,41000\n", Encoding.UTF8, "text/csv"));

        var live = await (await Client.GetAsync($"/api/models/{model}/accuracy?series=Q1")).ReadAsync<LiveAccuracyResponse>();
        var evaluation = await (await Client.GetAsync($"/api/models/{model}/members/Q1")).ReadAsync<MemberEvaluationResponse>();

        Assert.Equal(("Q1", 2, 8), (live.Series, live.SeriesVersion, live.Horizon));
        Assert.Equal(evaluation.ForecastOrigin, live.FirstOrigin);
        // 55 points before the test tail, 65 now: ten origins, the newest with one actual.
        Assert.Equal((10, 1), (live.Origins.Count, live.Origins[^1].Points));
        Assert.Equal(evaluation.Metrics.Mase!.Value, live.Origins[0].Model.Mase!.Value, 1e-6);
        await (await Client.GetAsync($"/api/models/{model}/accuracy")).ReadProblemAsync(HttpStatusCode.BadRequest);
        var anomalies = await (await Client.GetAsync($"/api/series/{evaluation.SeriesId}/anomalies")).ReadAsync<AnomaliesResponse>();
        Assert.Equal((model, evaluation.ForecastOrigin), (anomalies.ModelId, anomalies.CheckedFrom));
        Assert.Contains(anomalies.Anomalies, a => a.Timestamp == "1995-01-01" && a.Score > 1);
    }

    [Fact]
    public async Task A_refused_member_leaves_every_member_untouched()
    {
        var collection = await UploadAsync();

        var unknown = await (await Client.PostAsync($"/api/collections/{collection.Id}/observations",
            new StringContent("series,date,value\nQ1,1994-10-01,7000\nQ9,1994-10-01,1\n", Encoding.UTF8, "text/csv")))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var conflict = await (await Client.PostJsonAsync($"/api/collections/{collection.Id}/observations",
            new { series = new object[] { new { key = "Q1", values = new[] { 7000.0 } }, new { key = "Q2", values = new[] { 1.0 }, timestamps = new[] { "1994-07-01" } } } }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var read = await (await Client.GetAsync($"/api/collections/{collection.Id}")).ReadAsync<CollectionResponse>();

        Assert.StartsWith("Member 'Q9' (from CSV line 3) is not a member of this collection", unknown.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.StartsWith("Member 'Q2' (series[1]) is refused: The series holds 199405.116 at 1994-07-01", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(126, read.TotalPoints);
    }

    private async Task<CollectionResponse> UploadAsync() =>
        await TrainingFlow.UploadCollectionAsync(Client, TourismCsv.Quarterly(2));

    private async Task<ForecastResponse> MemberForecastAsync(Guid model, string key, string query = "") =>
        await (await Client.GetAsync($"/api/models/{model}/forecast?series={key}&horizon=2&level=80{query}")).ReadAsync<ForecastResponse>();

    public void Dispose() => factory.Dispose();
}
