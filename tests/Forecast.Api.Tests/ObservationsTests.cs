using System.Net;
using System.Text;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

/// <summary>A series that keeps growing: observations appended, and forecasts that start after the newest one without retraining.</summary>
public sealed class ObservationsTests : IDisposable
{
    private readonly ForecastApiFactory factory = ForecastApiFactory.With(("Limits:MaxObservationsPerAppend", "24"));

    private HttpClient Client => factory.CreateClient();

    [Fact]
    public async Task After_an_append_the_forecast_starts_after_the_newest_observation_and_nothing_is_retrained()
    {
        var (series, model) = await HeldOutYear.TrainedAsync(Client);
        var before = await HeldOutYear.ForecastAsync(Client, model);

        var appended = await HeldOutYear.AppendAsync(Client, series, new { values = HeldOutYear.Values(HeldOutYear.Withheld[..3]) });
        var after = await HeldOutYear.ForecastAsync(Client, model);
        var asOfBefore = await HeldOutYear.ForecastAsync(Client, model, "&origin=1960-01-01");

        Assert.Equal((2, 135, "1960-03-01", 3), (appended.Version, appended.Count, appended.End, appended.Appended));
        Assert.Equal(("1960-01-01", 1), (before.Origin, before.SeriesVersion));
        Assert.Equal(("1960-04-01", 2), (after.Origin, after.SeriesVersion));
        Assert.Equal("1960-04-01", after.Points[0].Timestamp);
        // What the model would have said at the old end is what it said then.
        Assert.Equal(System.Text.Json.JsonSerializer.Serialize(before.Points), System.Text.Json.JsonSerializer.Serialize(asOfBefore.Points));
        Assert.Equal(1, (await factory.CountRowsAsync()).Runs);
    }

    [Fact]
    public async Task An_append_through_one_host_is_seen_at_once_by_another_on_the_same_database()
    {
        var (series, model) = await HeldOutYear.TrainedAsync(Client);
        using var second = factory.OnSameDatabase();
        using var secondClient = second.CreateClient();
        Assert.Equal("1960-01-01", (await HeldOutYear.ForecastAsync(secondClient, model)).Origin);

        await HeldOutYear.AppendAsync(Client, series, new { values = HeldOutYear.Values(HeldOutYear.Withheld[..1]) });

        var seen = await HeldOutYear.ForecastAsync(secondClient, model);
        Assert.Equal(("1960-02-01", 2), (seen.Origin, seen.SeriesVersion));
    }

    [Fact]
    public async Task A_bad_line_in_a_csv_append_leaves_the_series_untouched()
    {
        var series = await HeldOutYear.UploadAsync(Client);
        var csv = $"date,value\n{HeldOutYear.Withheld[0]}\n{HeldOutYear.Withheld[1]}\n1960-03-01,lots\n";

        var problem = await (await Client.PostAsync($"/api/series/{series}/observations", new StringContent(csv, Encoding.UTF8, "text/csv")))
            .ReadProblemAsync(HttpStatusCode.BadRequest);
        var stored = await (await Client.GetAsync($"/api/series/{series}")).ReadAsync<SeriesResponse>();

        Assert.Contains("line 4", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal((132, 1), (stored.Count, stored.Version));
    }

    [Fact]
    public async Task A_repeated_observation_is_a_no_op_another_value_a_conflict_and_revise_replaces_it()
    {
        var series = await HeldOutYear.UploadAsync(Client);
        var last = HeldOutYear.Rows[131].Split(',');

        var same = await HeldOutYear.AppendAsync(Client, series, new { values = new[] { double.Parse(last[1], System.Globalization.CultureInfo.InvariantCulture) }, timestamps = new[] { last[0] } });
        var conflict = await (await Client.PostJsonAsync($"/api/series/{series}/observations", new { values = new[] { 999.0 }, timestamps = new[] { last[0] } }))
            .ReadProblemAsync(HttpStatusCode.Conflict);
        var revised = await HeldOutYear.AppendAsync(Client, series, new { values = new[] { 999.0 }, timestamps = new[] { last[0] } }, "?revise=true");
        var stored = await (await Client.GetAsync($"/api/series/{series}?includeValues=true")).ReadAsync<SeriesResponse>();

        Assert.Equal((1, 1, 0), (same.Version, same.Unchanged, same.Appended));
        Assert.Contains("send revise=true", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(2, revised.Version);
        Assert.Equal(["1959-12-01"], revised.Revised);
        Assert.Equal(999.0, stored.Values![^1]);
    }

    [Fact]
    public async Task A_gap_before_the_new_observations_is_filled_by_the_series_policy_and_reported()
    {
        var series = await HeldOutYear.UploadAsync(Client);

        var appended = await HeldOutYear.AppendAsync(Client, series, new { values = new[] { 420.0 }, timestamps = new[] { "1960-03-01" } });

        Assert.Equal(["1960-01-01", "1960-02-01"], appended.FilledGaps);
        var stored = await (await Client.GetAsync($"/api/series/{series}")).ReadAsync<SeriesResponse>();
        Assert.Equal(["1960-01-01", "1960-02-01"], stored.FilledGaps);
    }

    [Fact]
    public async Task An_append_repeated_with_its_idempotency_key_is_applied_once()
    {
        var series = await HeldOutYear.UploadAsync(Client);

        var first = await SendWithKeyAsync(series, "append-1");
        var again = await SendWithKeyAsync(series, "append-1");

        Assert.Equal(first, again);
        Assert.Equal(133, (await (await Client.GetAsync($"/api/series/{series}")).ReadAsync<SeriesResponse>()).Count);
    }

    [Theory]
    [InlineData("{\"values\": []}", HttpStatusCode.BadRequest, "values is empty")]
    [InlineData("{\"values\": [1, 2], \"timestamps\": [\"1960-01-01\"]}", HttpStatusCode.BadRequest, "2 values")]
    [InlineData("{\"values\": [1], \"timestamps\": [\"1960-01-15\"]}", HttpStatusCode.BadRequest, "not on the series' monthly grid")]
    [InlineData("{\"values\": [1], \"timestamps\": [\"1948-12-01\"]}", HttpStatusCode.BadRequest, "before the series' start")]
    [InlineData("{\"values\": [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25]}", HttpStatusCode.BadRequest, "at most 24 observations")]
    [InlineData("{\"values\": [1e200]}", HttpStatusCode.BadRequest, "Limits:MaxAbsoluteValue")]
    public async Task A_malformed_append_is_refused_with_a_problem_and_changes_nothing(string body, HttpStatusCode status, string expected)
    {
        var series = await HeldOutYear.UploadAsync(Client);

        var problem = await (await Client.PostAsync($"/api/series/{series}/observations", new StringContent(body, Encoding.UTF8, "application/json")))
            .ReadProblemAsync(status);

        Assert.Contains(expected, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(1, (await (await Client.GetAsync($"/api/series/{series}")).ReadAsync<SeriesResponse>()).Version);
    }

    [Fact]
    public async Task An_origin_the_model_cannot_forecast_from_is_refused_with_the_range_it_can()
    {
        var (_, model) = await HeldOutYear.TrainedAsync(Client);

        var problem = await (await Client.GetAsync($"/api/models/{model}/forecast?origin=1961-01-01")).ReadProblemAsync(HttpStatusCode.BadRequest);

        Assert.Contains("to 1960-01-01 (after the newest point)", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private async Task<string> SendWithKeyAsync(Guid series, string key)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/series/{series}/observations")
        {
            Content = new StringContent("{\"values\": [417]}", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Idempotency-Key", key);
        var response = await Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadAsStringAsync();
    }


    public void Dispose() => factory.Dispose();
}
