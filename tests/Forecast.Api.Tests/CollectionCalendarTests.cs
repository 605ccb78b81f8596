using System.Text;
using Forecast.Api.Contracts;
using Forecast.Domain.Calendars;

namespace Forecast.Api.Tests;

/// <summary>A collection uploaded with a calendar: every member carries its columns, and an arima model forecasts each member's holidays with them.</summary>
public class CollectionCalendarTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task An_arima_collection_with_us_holidays_forecasts_thanksgiving_above_the_days_around_it_for_every_member()
    {
        // Two shops with the holiday sales, the second at twice the scale: its jump is twice as high.
        var collection = await (await client.PostJsonAsync("/api/collections", new
        {
            name = "holiday-shops",
            frequency = "daily",
            calendar = new { holidays = new { country = "US" } },
            series = new[]
            {
                new { key = "small", start = "2023-06-01", values = HolidaySales.Values() },
                new { key = "large", start = "2023-06-01", values = HolidaySales.Values().Select(v => 2 * v).ToArray() },
            },
        })).ReadAsync<CollectionResponse>();
        var run = await TrainingFlow.TrainCollectionAsync(client, collection.Id, HolidaySales.Arima);

        foreach (var (shop, jump) in new[] { ("small", HolidaySales.Jump), ("large", 2 * HolidaySales.Jump) })
        {
            var forecast = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?series={shop}&horizon=14")).ReadAsync<ForecastResponse>();
            var byDay = forecast.Points.ToDictionary(p => p.Timestamp, p => p.Value);
            Assert.True(byDay["2024-11-28"] - byDay["2024-11-27"] > jump / 2, $"{shop}: Thanksgiving {byDay["2024-11-28"]}, the day before {byDay["2024-11-27"]}");
            Assert.True(byDay["2024-11-28"] - byDay["2024-11-29"] > jump / 2, $"{shop}: Thanksgiving {byDay["2024-11-28"]}, the day after {byDay["2024-11-29"]}");
        }
    }

    [Fact]
    public async Task A_long_csv_takes_the_calendar_as_query_parameters_and_every_member_shows_it_beside_its_uploaded_covariates()
    {
        var csv = string.Join('\n', ["series,date,value,price", .. new[] { "a", "b" }.SelectMany(key => Enumerable.Range(0, 30).Select(d => $"{key},2024-01-{d + 1:00},{d},{d % 3}"))]);

        var collection = await (await client.PostAsync("/api/collections?name=calendar-csv&holidays=de&holidayRegion=by&calendarFeatures=dayOfWeek",
            new StringContent(csv, Encoding.UTF8, "text/csv"))).ReadAsync<CollectionResponse>();

        var members = await (await client.GetAsync($"/api/collections/{collection.Id}/series")).ReadAsync<PagedList<CollectionMemberItem>>();
        foreach (var member in members.Items)
        {
            var read = await (await client.GetAsync($"/api/series/{member.Id}")).ReadAsync<SeriesResponse>();
            var calendar = Assert.IsType<CalendarResponse>(read.Calendar);
            Assert.Equal(new HolidaysRequest("DE", "BY"), calendar.Holidays);
            Assert.Equal(["holiday", "dayOfWeek:sin1", "dayOfWeek:cos1", "dayOfWeek:sin2", "dayOfWeek:cos2", "dayOfWeek:sin3", "dayOfWeek:cos3"], calendar.Columns);
            Assert.Equal(["price"], read.Covariates.Select(c => c.Name));
        }
    }

    [Fact]
    public async Task A_collection_s_read_shows_the_calendar_its_members_follow_and_null_without_one()
    {
        var calendar = new { holidays = new { country = "US" }, features = new[] { "dayOfWeek" } };
        var created = await (await client.PostJsonAsync("/api/collections", Shops("calendar-read", calendar))).ReadAsync<CollectionResponse>();
        var uncalendared = await (await client.PostJsonAsync("/api/collections", Shops("no-calendar", calendar: null))).ReadAsync<CollectionResponse>();

        var read = await (await client.GetAsync($"/api/collections/{created.Id}")).ReadAsync<CollectionResponse>();
        var readWithout = await (await client.GetAsync($"/api/collections/{uncalendared.Id}")).ReadAsync<CollectionResponse>();
        var members = await (await client.GetAsync($"/api/collections/{created.Id}/series")).ReadAsync<PagedList<CollectionMemberItem>>();
        var member = await (await client.GetAsync($"/api/series/{members.Items[0].Id}")).ReadAsync<SeriesResponse>();

        var shown = Assert.IsType<CalendarResponse>(read.Calendar);
        Assert.Equal(new HolidaysRequest("US"), shown.Holidays);
        Assert.Equal([CalendarFeature.DayOfWeek], shown.Features);
        Assert.Empty(shown.Events);
        Assert.Equal(["holiday", "dayOfWeek:sin1", "dayOfWeek:cos1", "dayOfWeek:sin2", "dayOfWeek:cos2", "dayOfWeek:sin3", "dayOfWeek:cos3"], shown.Columns);
        Assert.Equal(shown.Columns, created.Calendar?.Columns);
        Assert.Equal(shown.Columns, member.Calendar?.Columns);
        Assert.Null(uncalendared.Calendar);
        Assert.Null(readWithout.Calendar);
    }

    private static object Shops(string name, object? calendar) => new
    {
        name,
        frequency = "daily",
        calendar,
        series = new[] { "a", "b" }.Select(key => new { key, start = "2024-01-01", values = Enumerable.Range(0, 30).Select(d => (double)d).ToArray() }),
    };
}
