using System.Net;
using System.Text;
using Forecast.Api.Contracts;
using Forecast.Domain.Runs;

namespace Forecast.Api.Tests;

/// <summary>The registry: every run and model of a key, listed newest first, by series, by collection or all, never another key's.</summary>
public sealed class RegistryTests : IDisposable
{
    private readonly ForecastApiFactory factory = new();

    [Fact]
    public async Task Runs_and_models_are_listed_newest_first_per_series_and_for_the_whole_key_paged_and_filtered_by_status()
    {
        var client = factory.ClientFor((await factory.CreateKeyAsync("lister")).Key);
        var air = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var nottem = await TrainingFlow.UploadAsync(client, "nottem.csv");
        var first = await TrainingFlow.WaitUntilFinishedAsync(client, (await TrainingFlow.StartAsync(client, air.Id, TrainingFlow.Tiny(epochs: 1, transform: "none"))).Id);
        var second = await TrainingFlow.WaitUntilFinishedAsync(client, (await TrainingFlow.StartAsync(client, air.Id, TrainingFlow.Tiny(epochs: 1, transform: "log"))).Id);
        var other = await TrainingFlow.WaitUntilFinishedAsync(client, (await TrainingFlow.StartAsync(client, nottem.Id, TrainingFlow.Tiny(epochs: 1, transform: "none"))).Id);
        var cancelled = await TrainingFlow.StartAsync(client, nottem.Id, new { epochs = 5000, hiddenSize = 4, lookback = 12, transform = "none", earlyStoppingPatience = 0 });
        await client.PostAsync($"/api/training-runs/{cancelled.Id}/cancel", null);
        await TrainingFlow.WaitUntilFinishedAsync(client, cancelled.Id);

        var airRuns = await ListAsync<TrainingRunListItem>(client, $"/api/series/{air.Id}/training-runs");
        var airModels = await ListAsync<ModelListItem>(client, $"/api/series/{air.Id}/models");
        var allRuns = await ListAsync<TrainingRunListItem>(client, "/api/training-runs");
        var succeeded = await ListAsync<TrainingRunListItem>(client, "/api/training-runs?status=succeeded");
        var pageTwo = await ListAsync<TrainingRunListItem>(client, "/api/training-runs?page=2&pageSize=3");
        var allModels = await ListAsync<ModelListItem>(client, "/api/models");

        Assert.Equal([second.Id, first.Id], airRuns.Items.Select(r => r.Id));
        Assert.Equal([second.ModelId, first.ModelId], airModels.Items.Select(m => (Guid?)m.Id));
        Assert.Equal([cancelled.Id, other.Id, second.Id, first.Id], allRuns.Items.Select(r => r.Id));
        Assert.Equal([other.Id, second.Id, first.Id], succeeded.Items.Select(r => r.Id));
        Assert.Equal((3, 4), (succeeded.Total, pageTwo.Total));
        Assert.Equal([first.Id], pageTwo.Items.Select(r => r.Id));
        Assert.Equal([other.ModelId, second.ModelId, first.ModelId], allModels.Items.Select(m => (Guid?)m.Id));
        Assert.All(allModels.Items, m => Assert.True(m.Mase > 0));
        Assert.Equal(TrainingRunStatus.Cancelled, allRuns.Items[0].Status);
    }

    [Fact]
    public async Task A_collection_s_global_runs_and_models_are_listed_under_it_and_among_the_key_s_models()
    {
        var client = factory.ClientFor((await factory.CreateKeyAsync("collector")).Key);
        var collection = await (await client.PostAsync("/api/collections", new StringContent(TourismCsv.Quarterly(4), Encoding.UTF8, "text/csv")))
            .ReadAsync<CollectionResponse>();
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        var seriesRun = await TrainingFlow.WaitUntilFinishedAsync(client, (await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny(epochs: 1, transform: "none"))).Id);
        var started = await (await client.PostJsonAsync($"/api/collections/{collection.Id}/training-runs", new { epochs = 1, hiddenSize = 4 })).ReadAsync<TrainingRunResponse>();
        var globalRun = await TrainingFlow.WaitUntilFinishedAsync(client, started.Id);

        var runs = await ListAsync<TrainingRunListItem>(client, $"/api/collections/{collection.Id}/training-runs");
        var models = await ListAsync<ModelListItem>(client, $"/api/collections/{collection.Id}/models");
        var all = await ListAsync<ModelListItem>(client, "/api/models");

        Assert.Equal([(globalRun.Id, (Guid?)collection.Id)], runs.Items.Select(r => (r.Id, r.CollectionId)));
        Assert.Equal([(globalRun.ModelId!.Value, (Guid?)collection.Id, 8)], models.Items.Select(m => (m.Id, m.CollectionId, m.TestSize)));
        Assert.Equal([globalRun.ModelId, seriesRun.ModelId], all.Items.Select(m => (Guid?)m.Id));
    }

    [Fact]
    public async Task Another_key_s_runs_and_models_are_never_listed_and_its_series_answers_404()
    {
        var owner = factory.ClientFor((await factory.CreateKeyAsync("owner")).Key);
        var stranger = factory.ClientFor((await factory.CreateKeyAsync("stranger")).Key);
        var series = await TrainingFlow.UploadAsync(owner, "airpassengers.csv");
        await TrainingFlow.WaitUntilFinishedAsync(owner, (await TrainingFlow.StartAsync(owner, series.Id, TrainingFlow.Tiny(epochs: 1, transform: "none"))).Id);

        Assert.Equal(0, (await ListAsync<TrainingRunListItem>(stranger, "/api/training-runs")).Total);
        Assert.Equal(0, (await ListAsync<ModelListItem>(stranger, "/api/models")).Total);
        await (await stranger.GetAsync($"/api/series/{series.Id}/training-runs")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/series/{series.Id}/models")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(1, (await ListAsync<ModelListItem>(owner, "/api/models")).Total);
    }

    [Theory]
    [InlineData("/api/training-runs?status=done", "status")]
    [InlineData("/api/training-runs?status=1", "status")]
    [InlineData("/api/models?pageSize=0", "pageSize")]
    public async Task A_bad_filter_or_page_is_refused_naming_it(string url, string field)
    {
        var problem = await (await factory.CreateClient().GetAsync(url)).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Equal(field, problem.GetProperty("field").GetString());
    }

    private static async Task<PagedList<T>> ListAsync<T>(HttpClient client, string url) =>
        await (await client.GetAsync(url)).ReadAsync<PagedList<T>>();

    public void Dispose() => factory.Dispose();
}
