using Forecast.Api.Contracts;
using Forecast.Domain.Calendars;

namespace Forecast.Api.Tests;

/// <summary>A series uploaded with a calendar: its generated covariates, and an arima model that forecasts with them and nothing more from the client.</summary>
public class CalendarTests(ForecastApiFactory factory) : IClassFixture<ForecastApiFactory>
{
    private readonly HttpClient client = factory.CreateClient();

    [Fact]
    public async Task An_upload_with_us_holidays_forecasts_thanksgiving_above_the_days_around_it_and_names_the_holiday_coefficient()
    {
        var series = await HolidaySales.UploadAsync(client, new { holidays = new { country = "US" } });
        var run = await TrainingFlow.TrainAsync(client, series.Id, HolidaySales.Arima);

        Assert.Contains(run.Choices, c => c.StartsWith("Regression with ARIMA errors", StringComparison.Ordinal) && c.Contains("holiday", StringComparison.Ordinal));
        var forecast = await (await client.GetAsync($"/api/models/{run.ModelId}/forecast?horizon=14")).ReadAsync<ForecastResponse>();
        var byDay = forecast.Points.ToDictionary(p => p.Timestamp, p => p.Value);
        Assert.True(byDay["2024-11-28"] - byDay["2024-11-27"] > HolidaySales.Jump / 2, $"Thanksgiving {byDay["2024-11-28"]}, the day before {byDay["2024-11-27"]}");
        Assert.True(byDay["2024-11-28"] - byDay["2024-11-29"] > HolidaySales.Jump / 2, $"Thanksgiving {byDay["2024-11-28"]}, the day after {byDay["2024-11-29"]}");
    }

    [Fact]
    public async Task The_calendar_marks_of_a_forecast_s_horizon_name_thanksgiving_and_an_event_s_days()
    {
        var series = await HolidaySales.UploadAsync(client, new
        {
            holidays = new { country = "US" },
            events = new[] { new { name = "sale", dates = new[] { "2024-11-29" }, before = 0, after = 1 } },
        });

        var marks = await (await client.GetAsync($"/api/series/{series.Id}/calendar/marks?from=2024-11-21&to=2024-12-04")).ReadAsync<CalendarMarksResponse>();

        Assert.Equal(
            [("2024-11-28", "Thanksgiving", CalendarMarkKind.Holiday), ("2024-11-29", "sale", CalendarMarkKind.Event), ("2024-11-30", "sale", CalendarMarkKind.Event)],
            marks.Marks.Select(m => (m.Timestamp, m.Name, m.Kind)));
    }

    [Fact]
    public async Task A_csv_upload_takes_holidays_and_features_as_query_parameters_and_the_series_shows_its_calendar_and_columns()
    {
        var csv = string.Join('\n', ["date,value", .. Enumerable.Range(0, 30).Select(d => $"2024-01-{d + 1:00},{d}")]);

        var created = await (await client.PostCsvAsync(csv, "?name=calendar-csv&holidays=de&holidayRegion=by&calendarFeatures=dayOfWeek")).ReadAsync<SeriesResponse>();

        var read = await (await client.GetAsync($"/api/series/{created.Id}")).ReadAsync<SeriesResponse>();
        var calendar = Assert.IsType<CalendarResponse>(read.Calendar);
        Assert.Equal(new HolidaysRequest("DE", "BY"), calendar.Holidays);
        Assert.Equal([CalendarFeature.DayOfWeek], calendar.Features);
        Assert.Equal(["holiday", "dayOfWeek:sin1", "dayOfWeek:cos1", "dayOfWeek:sin2", "dayOfWeek:cos2", "dayOfWeek:sin3", "dayOfWeek:cos3"], calendar.Columns);
        Assert.Empty(read.Covariates);
    }

    [Fact]
    public async Task An_event_is_stored_with_its_dates_and_window_and_generates_its_column()
    {
        var series = await HolidaySales.UploadAsync(client, new { events = new[] { new { name = "promo", dates = new[] { "2024-11-29" }, before = 1, after = 2 } } });

        var calendar = Assert.IsType<CalendarResponse>(series.Calendar);
        var promo = Assert.Single(calendar.Events);
        Assert.Equal(("promo", "2024-11-29", 1, 2), (promo.Name, Assert.Single(promo.Dates), promo.Before, promo.After));
        Assert.Equal(["event:promo"], calendar.Columns);
    }
}
