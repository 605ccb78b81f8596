using System.Net;
using Forecast.Api.Contracts;
using Forecast.Domain.Runs;

namespace Forecast.Api.Tests;

/// <summary>Key B's series with a finished run and a model, and key A, a stranger to them.</summary>
public sealed class TwoKeys : IAsyncLifetime
{
    public ForecastApiFactory Factory { get; } = new();

    public HttpClient Admin { get; private set; } = null!;
    public HttpClient A { get; private set; } = null!;
    public HttpClient B { get; private set; } = null!;
    public SeriesResponse Series { get; private set; } = null!;
    public TrainingRunResponse Run { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Admin = Factory.CreateClient();
        A = Factory.ClientFor((await Factory.CreateKeyAsync("a")).Key);
        B = Factory.ClientFor((await Factory.CreateKeyAsync("b")).Key);
        Series = await TrainingFlow.UploadAsync(B, "airpassengers.csv");
        var started = await TrainingFlow.StartAsync(B, Series.Id, TrainingFlow.Tiny(epochs: 2, transform: "none"));
        Run = await TrainingFlow.WaitUntilFinishedAsync(B, started.Id);
        Assert.True(Run.Status == TrainingRunStatus.Succeeded, Run.Error);
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
    }
}

public class OwnershipTests(TwoKeys keys) : IClassFixture<TwoKeys>
{
    private IEnumerable<string> ReadsOfB()
    {
        var (series, run, model) = (keys.Series.Id, keys.Run.Id, keys.Run.ModelId);
        return
        [
            $"/api/series/{series}", $"/api/series/{series}/diagnostics",
            $"/api/training-runs/{run}", $"/api/training-runs/{run}/loss-curve",
            $"/api/models/{model}", $"/api/models/{model}/evaluation", $"/api/models/{model}/forecast?horizon=3",
            $"/api/models/{model}/residual-diagnostics",
        ];
    }

    [Fact]
    public async Task Key_a_cannot_read_what_key_b_made_and_b_and_the_admin_can()
    {
        foreach (var url in ReadsOfB())
        {
            // B first, so that the model is in the shared cache when A asks.
            Assert.True((await keys.B.GetAsync(url)).IsSuccessStatusCode, $"B: {url}");
            await (await keys.A.GetAsync(url)).ReadProblemAsync(HttpStatusCode.NotFound);
            Assert.True((await keys.Admin.GetAsync(url)).IsSuccessStatusCode, $"admin: {url}");
        }
    }

    [Fact]
    public async Task Key_a_cannot_train_on_cancel_or_delete_what_key_b_made()
    {
        var before = await keys.Factory.CountRowsAsync();

        await (await keys.A.PostJsonAsync($"/api/series/{keys.Series.Id}/training-runs", new { epochs = 1 })).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await keys.A.PostAsync($"/api/training-runs/{keys.Run.Id}/cancel", null)).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await keys.A.DeleteAsync($"/api/models/{keys.Run.ModelId}")).ReadProblemAsync(HttpStatusCode.NotFound);
        await (await keys.A.DeleteAsync($"/api/series/{keys.Series.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);

        Assert.Equal(before, await keys.Factory.CountRowsAsync());
        // What B gets for the same cancel shows the run was found: it has finished.
        await (await keys.B.PostAsync($"/api/training-runs/{keys.Run.Id}/cancel", null)).ReadProblemAsync(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Lists_show_a_key_its_own_series_and_the_admin_everyone_s()
    {
        var mine = await (await keys.A.PostJsonAsync("/api/series", new { name = "a-only", values = new[] { 1.0, 2, 3 }, start = "2024-01-01", frequency = "daily" }))
            .ReadAsync<SeriesResponse>();

        var seenByA = await (await keys.A.GetAsync("/api/series?pageSize=100")).ReadAsync<PagedList<SeriesListItem>>();
        var seenByB = await (await keys.B.GetAsync("/api/series?pageSize=100")).ReadAsync<PagedList<SeriesListItem>>();
        var seenByAdmin = await (await keys.Admin.GetAsync("/api/series?pageSize=100")).ReadAsync<PagedList<SeriesListItem>>();

        Assert.Equal([mine.Id], seenByA.Items.Select(s => s.Id));
        Assert.Equal(1, seenByA.Total);
        Assert.DoesNotContain(mine.Id, seenByB.Items.Select(s => s.Id));
        Assert.Contains(keys.Series.Id, seenByB.Items.Select(s => s.Id));
        Assert.Superset(new HashSet<Guid> { mine.Id, keys.Series.Id }, seenByAdmin.Items.Select(s => s.Id).ToHashSet());
    }

    [Fact]
    public async Task What_the_admin_makes_is_not_a_client_s()
    {
        var adminSeries = await (await keys.Admin.PostJsonAsync("/api/series", new { name = "operator", values = new[] { 1.0, 2, 3 }, start = "2024-01-01", frequency = "daily" }))
            .ReadAsync<SeriesResponse>();

        await (await keys.B.GetAsync($"/api/series/{adminSeries.Id}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_run_the_admin_starts_on_b_s_series_is_b_s()
    {
        var started = await TrainingFlow.StartAsync(keys.Admin, keys.Series.Id, TrainingFlow.Tiny(epochs: 1, transform: "none"));
        var run = await TrainingFlow.WaitUntilFinishedAsync(keys.B, started.Id);

        Assert.Equal(TrainingRunStatus.Succeeded, run.Status);
        Assert.True((await keys.B.GetAsync($"/api/models/{run.ModelId}")).IsSuccessStatusCode);
        await (await keys.A.GetAsync($"/api/models/{run.ModelId}")).ReadProblemAsync(HttpStatusCode.NotFound);
    }
}
