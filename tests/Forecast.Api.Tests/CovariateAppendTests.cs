using System.Net;
using System.Text;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

/// <summary>
/// Observations appended to a series with a covariate (us-macro: realcons with realdpi): each new period's realdpi given by
/// the append or already in its stored known future, which a value given replaces and rows after the new end extend.
/// </summary>
public class CovariateAppendTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task Quarters_appended_with_their_income_leave_the_rest_of_its_known_future_to_the_forecast_and_one_past_it_without_income_is_refused()
    {
        var series = await UsMacro.UploadAsync(client, future: 8);
        var run = await TrainingFlow.TrainAsync(client, series.Id, UsMacro.Arima);

        var appended = await (await PostCsvAsync(series.Id, UsMacro.AppendCsv(^8..^4))).ReadAsync<ObservationsResponse>();
        var forecast = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=4")).ReadAsync<ForecastResponse>();
        var withActualIncome = await ForecastWithAsync(run.ModelId!.Value, UsMacro.Realdpi[^4..]);
        var withHigherIncome = await ForecastWithAsync(run.ModelId!.Value, [.. UsMacro.Realdpi[^4..].Select(v => v + 500)]);

        Assert.Equal((2, 4, "2008-07-01"), (appended.Version, appended.Appended, appended.End));
        Assert.Equal([new SeriesCovariate("realdpi", "2009-07-01", 4)], appended.Covariates);
        Assert.Equal(("2008-10-01", 2), (forecast.Origin, forecast.SeriesVersion));
        Assert.Equal(withActualIncome, forecast.Points.Select(p => p.Value));
        Assert.NotEqual(withHigherIncome, forecast.Points.Select(p => p.Value));

        var problem = await (await client.PostJsonAsync($"/api/series/{series.Id}/observations", new { values = (double[])[.. UsMacro.Realcons[^4..], 9400] }))
            .ReadProblemAsync(HttpStatusCode.UnprocessableEntity);
        var stored = await (await client.GetAsync($"/api/series/{series.Id}")).ReadAsync<SeriesResponse>();

        Assert.Contains("'realdpi' has no value at 2009-10-01", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal("covariates", problem.GetProperty("field").GetString());
        Assert.Equal((2, "2008-07-01"), (stored.Version, stored.End));
        Assert.Equal([new SeriesCovariate("realdpi", "2009-07-01", 4)], stored.Covariates);
    }

    [Fact]
    public async Task A_value_given_for_a_period_of_the_known_future_replaces_the_stored_one()
    {
        var series = await UsMacro.UploadAsync(client, future: 8);
        var income = UsMacro.Realdpi;
        var first = income.Length - 8;

        var appended = await (await client.PostJsonAsync($"/api/series/{series.Id}/observations",
            new { values = new[] { UsMacro.Realcons[first] }, covariates = new { realdpi = new[] { income[first] + 100, income[first + 1] + 100 } } }))
            .ReadAsync<ObservationsResponse>();

        var stored = await ValuesAsync(series.Id);
        Assert.Equal(2, appended.Version);
        Assert.Equal([.. income[..first], income[first] + 100, income[first + 1] + 100, .. income[(first + 2)..]], stored);
    }

    [Fact]
    public async Task Rows_after_the_new_observations_extend_the_known_future_as_on_upload()
    {
        var series = await UsMacro.UploadAsync(client, future: 0);
        const string Csv = "date,value,realdpi\n2009-10-01,9400,10100\n2010-01-01,,10150\n2010-04-01,,10200\n";

        var appended = await (await PostCsvAsync(series.Id, Csv)).ReadAsync<ObservationsResponse>();

        Assert.Equal((1, "2009-10-01"), (appended.Appended, appended.End));
        Assert.Equal([new SeriesCovariate("realdpi", "2010-04-01", 2)], appended.Covariates);
        var stored = await ValuesAsync(series.Id);
        Assert.Equal([10100, 10150, 10200], stored[^3..]);
    }

    [Fact]
    public async Task Another_value_of_the_covariate_at_a_period_of_the_history_is_a_conflict_unless_the_append_revises()
    {
        var series = await UsMacro.UploadAsync(client, future: 0);
        var body = new { values = new[] { UsMacro.Realcons[^1] }, timestamps = new[] { "2009-07-01" }, covariates = new { realdpi = new[] { UsMacro.Realdpi[^1] + 1 } } };

        var conflict = await (await client.PostJsonAsync($"/api/series/{series.Id}/observations", body)).ReadProblemAsync(HttpStatusCode.Conflict);
        var unrevised = await ValuesAsync(series.Id);
        var revised = await (await client.PostJsonAsync($"/api/series/{series.Id}/observations?revise=true", body)).ReadAsync<ObservationsResponse>();

        Assert.Contains("'realdpi' holds", conflict.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(UsMacro.Realdpi, unrevised);
        // The observation repeats the stored one; the covariate's revision alone is a change, so the version goes up.
        Assert.Equal((2, 1, 0), (revised.Version, revised.Unchanged, revised.Appended));
        Assert.Equal(UsMacro.Realdpi[^1] + 1, (await ValuesAsync(series.Id))[^1]);
    }

    private Task<HttpResponseMessage> PostCsvAsync(Guid series, string csv) =>
        client.PostAsync($"/api/series/{series}/observations", new StringContent(csv, Encoding.UTF8, "text/csv"));

    private async Task<double[]> ForecastWithAsync(Guid model, double[] realdpi) =>
        [.. (await (await client.PostJsonAsync($"/api/models/{model}/forecast", new { horizon = 4, covariates = new { realdpi } })).ReadAsync<ForecastResponse>())
            .Points.Select(p => p.Value)];

    /// <summary>The stored realdpi, its known future too.</summary>
    private async Task<double[]> ValuesAsync(Guid series) =>
        [.. (await (await client.GetAsync($"/api/series/{series}?includeValues=true")).ReadAsync<SeriesResponse>()).Covariates.Single().Values!];
}
