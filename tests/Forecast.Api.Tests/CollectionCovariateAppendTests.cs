using System.Text;
using Forecast.Api.Contracts;
using Forecast.Api.Tests.BadRequests;

namespace Forecast.Api.Tests;

/// <summary>
/// Appends to a collection's members carry their covariates as a series' appends do: a value given past a member's old
/// end replaces its stored plan, rows past its new end extend its known future, and a member given none draws on its stored future.
/// </summary>
public class CollectionCovariateAppendTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task A_json_append_replaces_a_member_s_planned_prices_and_a_member_given_none_keeps_its_stored_future()
    {
        var collection = await UploadAsync();

        var appended = await AppendAsync(collection.Id, new StringContent(
            "{\"series\":[{\"key\":\"a\",\"values\":[6,7,8],\"covariates\":{\"price\":[30,31,32,33]}},{\"key\":\"b\",\"values\":[6,7]}]}",
            Encoding.UTF8, "application/json"));

        Assert.Equal(2, appended.Version);
        var (a, b) = (appended.Members.Single(m => m.Key == "a").Observations, appended.Members.Single(m => m.Key == "b").Observations);
        Assert.Equal(("price", "2024-01-09", 1), (a.Covariates[0].Name, a.Covariates[0].KnownUntil, a.Covariates[0].FuturePeriods));
        Assert.Equal(("2024-01-07", 0), (b.Covariates[0].KnownUntil, b.Covariates[0].FuturePeriods));
        Assert.Equal([10, 11, 12, 13, 14, 30, 31, 32, 33], await PricesAsync(a.SeriesId));
        Assert.Equal([20, 21, 22, 23, 24, 25, 26], await PricesAsync(b.SeriesId));
    }

    [Fact]
    public async Task A_long_csv_append_carries_each_member_s_prices_and_rows_without_a_value_extend_its_known_future()
    {
        var collection = await UploadAsync();

        var appended = await AppendAsync(collection.Id, new StringContent(
            "series,date,value,price\na,2024-01-06,6,40\na,2024-01-07,,41\nb,2024-01-06,6,50\nb,2024-01-07,7,51\nb,2024-01-08,,52\n", Encoding.UTF8, "text/csv"));

        var (a, b) = (appended.Members.Single(m => m.Key == "a").Observations, appended.Members.Single(m => m.Key == "b").Observations);
        Assert.Equal((6, 1), (a.Count, a.Covariates[0].FuturePeriods));
        Assert.Equal((7, 1), (b.Count, b.Covariates[0].FuturePeriods));
        Assert.Equal([10, 11, 12, 13, 14, 40, 41], await PricesAsync(a.SeriesId));
        Assert.Equal([20, 21, 22, 23, 24, 50, 51, 52], await PricesAsync(b.SeriesId));
    }

    private async Task<CollectionResponse> UploadAsync() =>
        await (await client.PostAsync("/api/collections", new StringContent(BadRequestTargets.CovariateCollection, Encoding.UTF8, "application/json")))
            .ReadAsync<CollectionResponse>();

    private async Task<CollectionObservationsResponse> AppendAsync(Guid collection, HttpContent body) =>
        await (await client.PostAsync($"/api/collections/{collection}/observations", body)).ReadAsync<CollectionObservationsResponse>();

    private async Task<IReadOnlyList<double>> PricesAsync(Guid member) =>
        (await (await client.GetAsync($"/api/series/{member}?includeValues=true")).ReadAsync<SeriesResponse>()).Covariates.Single(c => c.Name == "price").Values!;
}
