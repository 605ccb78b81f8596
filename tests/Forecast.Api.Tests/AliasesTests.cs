using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Forecast.Api.Contracts;
using Forecast.Api.Persistence;
using Forecast.Api.Registry;
using Forecast.Domain.Registry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests;

/// <summary>Aliases a client forecasts through: moved atomically, kept in a history, answering as the model they point at.</summary>
public sealed class AliasesTests : IDisposable
{
    private readonly ForecastApiFactory factory = new();

    private HttpClient Client => factory.CreateClient();

    [Fact]
    public async Task A_forecast_through_an_alias_is_the_forecast_of_the_model_it_points_at_and_production_is_the_default()
    {
        var (series, first, second) = await TwoModelsAsync();

        await MoveAsync($"/api/series/{series}/aliases/production", first);
        var byAlias = await Client.GetStringAsync($"/api/series/{series}/forecast?alias=production&horizon=6&level=80");
        var byDefault = await Client.GetStringAsync($"/api/series/{series}/forecast?horizon=6&level=80");
        var byId = await Client.GetStringAsync($"/api/models/{first}/forecast?horizon=6&level=80");

        Assert.Equal(byId, byAlias);
        Assert.Equal(byId, byDefault);
        await Client.DeleteAsync($"/api/series/{series}/aliases/production");
        Assert.Equal(await Client.GetStringAsync($"/api/models/{second}/forecast?horizon=6"), await Client.GetStringAsync($"/api/series/{series}/forecast?horizon=6"));
        await (await Client.GetAsync($"/api/series/{series}/forecast?alias=staging")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Every_move_is_kept_in_the_history_with_who_when_from_and_to()
    {
        var (series, first, second) = await TwoModelsAsync();

        await MoveAsync($"/api/series/{series}/aliases/staging", first);
        await MoveAsync($"/api/series/{series}/aliases/staging", second);
        var alias = await (await Client.GetAsync($"/api/series/{series}/aliases/staging")).ReadAsync<AliasResponse>();
        var list = await (await Client.GetAsync($"/api/series/{series}/aliases")).ReadAsync<List<AliasResponse>>();

        Assert.Equal(second, alias.ModelId);
        Assert.Equal([((Guid?)first, (Guid?)second), (null, first)], alias.History.Select(m => (m.FromModelId, m.ToModelId)));
        Assert.All(alias.History, m => Assert.Equal("admin", m.MovedBy));
        Assert.Equal([("staging", second)], list.Select(a => (a.Name, a.ModelId)));
    }

    [Fact]
    public async Task Two_concurrent_moves_of_one_alias_both_land_one_after_the_other_and_the_history_chains_them()
    {
        var (series, first, second) = await TwoModelsAsync();
        await MoveAsync($"/api/series/{series}/aliases/production", first);

        var moves = await Task.WhenAll(Enumerable.Range(0, 6).Select(i =>
            Client.PutAsync($"/api/series/{series}/aliases/production", Json(new { modelId = i % 2 == 0 ? second : first }))));
        var alias = await (await Client.GetAsync($"/api/series/{series}/aliases/production")).ReadAsync<AliasResponse>();

        Assert.All(moves, m => Assert.Equal(HttpStatusCode.OK, m.StatusCode));
        var chain = alias.History.Reverse().ToList();
        Assert.Equal(alias.ModelId, chain[^1].ToModelId);
        Assert.All(chain.Zip(chain.Skip(1)), pair => Assert.Equal(pair.First.ToModelId, pair.Second.FromModelId));
        Assert.All(chain.Skip(1), move => Assert.NotEqual(move.FromModelId, move.ToModelId));
    }

    [Fact]
    public async Task An_alias_points_only_at_its_own_series_models_and_holds_its_model_against_deletion()
    {
        var (series, first, _) = await TwoModelsAsync();
        var other = await TrainingFlow.UploadAsync(Client, "nottem.csv");

        var foreign = await (await Client.PutAsync($"/api/series/{other.Id}/aliases/production", Json(new { modelId = first })))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var badName = await (await Client.PutAsync($"/api/series/{series}/aliases/Prod_1", Json(new { modelId = first })))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        await MoveAsync($"/api/series/{series}/aliases/production", first);
        var held = await (await Client.DeleteAsync($"/api/models/{first}")).ReadProblemAsync(HttpStatusCode.Conflict);

        Assert.Equal("modelId", foreign.GetProperty("field").GetString());
        Assert.Equal("name", badName.GetProperty("field").GetString());
        Assert.Contains("'production'", held.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await (await Client.GetAsync($"/api/series/{other.Id}/aliases")).ReadAsync<List<AliasResponse>>());
    }

    [Fact]
    public async Task A_collection_s_alias_forecasts_every_member_as_its_model_does_and_another_key_sees_none_of_it()
    {
        var owner = factory.ClientFor((await factory.CreateKeyAsync("owner")).Key);
        var stranger = factory.ClientFor((await factory.CreateKeyAsync("stranger")).Key);
        var collection = await (await owner.PostAsync("/api/collections", new StringContent(TourismCsv.Quarterly(3), Encoding.UTF8, "text/csv")))
            .ReadAsync<CollectionResponse>();
        var run = await TrainingFlow.WaitUntilFinishedAsync(owner,
            (await (await owner.PostJsonAsync($"/api/collections/{collection.Id}/training-runs", new { epochs = 1, hiddenSize = 4 })).ReadAsync<TrainingRunResponse>()).Id);
        Assert.Equal(HttpStatusCode.OK, (await owner.PutAsync($"/api/collections/{collection.Id}/aliases/production", Json(new { modelId = run.ModelId }))).StatusCode);

        var byAlias = await owner.SendAsync(Csv($"/api/collections/{collection.Id}/forecasts?alias=production&horizon=4&level=80"));
        var byId = await owner.SendAsync(Csv($"/api/models/{run.ModelId}/forecasts?horizon=4&level=80"));

        Assert.Equal(await byId.Content.ReadAsStringAsync(), await byAlias.Content.ReadAsStringAsync());
        await (await stranger.GetAsync($"/api/collections/{collection.Id}/aliases")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.GetAsync($"/api/collections/{collection.Id}/forecasts")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await stranger.PutAsync($"/api/collections/{collection.Id}/aliases/production", Json(new { modelId = run.ModelId })))
            .ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_promotion_decided_against_a_holder_that_moved_since_leaves_the_alias_where_the_other_move_put_it()
    {
        var (series, first, second) = await TwoModelsAsync();
        await MoveAsync($"/api/series/{series}/aliases/production", first);
        var aliases = factory.Services.GetRequiredService<AliasStore>();
        var subject = await aliases.SubjectAsync(AliasSubjectKind.Series, series, CancellationToken.None);
        var comparedWith = await aliases.CurrentAsync(subject, "production", CancellationToken.None);
        var plan = new PlannedPromotion(subject, "production", comparedWith, new PromotionDecision(true, "moved on merit"));
        await MoveAsync($"/api/series/{series}/aliases/production", second);
        await MoveAsync($"/api/series/{series}/aliases/production", first);

        var stale = await PromoteAsync(plan, second);
        var fresh = await PromoteAsync(plan with { Holder = await aliases.CurrentAsync(subject, "production", CancellationToken.None) }, second);
        var alias = await (await Client.GetAsync($"/api/series/{series}/aliases/production")).ReadAsync<AliasResponse>();

        Assert.StartsWith("left 'production' where another move put it", stale, StringComparison.Ordinal);
        Assert.Equal("moved on merit", fresh);
        Assert.Equal(second, alias.ModelId);
        Assert.Equal(["run test", "admin", "admin", "admin"], alias.History.Select(m => m.MovedBy));
    }

    [Fact]
    public async Task Deleting_a_series_takes_its_aliases_with_it()
    {
        var (series, first, _) = await TwoModelsAsync();
        await MoveAsync($"/api/series/{series}/aliases/production", first);

        Assert.Equal(HttpStatusCode.NoContent, (await Client.DeleteAsync($"/api/series/{series}")).StatusCode);

        await (await Client.GetAsync($"/api/series/{series}/aliases")).ReadProblemAsync(HttpStatusCode.NotFound);
        Assert.Equal(0, (await factory.CountRowsAsync()).Aliases);
    }

    private async Task<(Guid Series, Guid First, Guid Second)> TwoModelsAsync()
    {
        var series = await TrainingFlow.UploadAsync(Client, "airpassengers.csv");
        var first = await TrainingFlow.WaitUntilFinishedAsync(Client, (await TrainingFlow.StartAsync(Client, series.Id, TrainingFlow.Tiny(epochs: 1, transform: "none"))).Id);
        var second = await TrainingFlow.WaitUntilFinishedAsync(Client, (await TrainingFlow.StartAsync(Client, series.Id, TrainingFlow.Tiny(epochs: 1, transform: "log"))).Id);
        return (series.Id, first.ModelId!.Value, second.ModelId!.Value);
    }

    // As the store carries a promotion out: inside the transaction that stores the run's model.
    private async Task<string> PromoteAsync(PlannedPromotion plan, Guid modelId)
    {
        await using var db = await factory.Services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var outcome = await AliasStore.PromoteAsync(db, plan, modelId, "run test", DateTime.UtcNow, CancellationToken.None);
        await transaction.CommitAsync();
        return outcome;
    }

    private async Task MoveAsync(string url, Guid modelId) =>
        Assert.Equal(HttpStatusCode.OK, (await Client.PutAsync(url, Json(new { modelId }))).StatusCode);

    private static StringContent Json(object body) => new(System.Text.Json.JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");

    private static HttpRequestMessage Csv(string url)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        return request;
    }

    public void Dispose() => factory.Dispose();
}
