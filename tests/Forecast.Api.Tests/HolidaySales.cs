using System.Globalization;
using Forecast.Api.Contracts;

namespace Forecast.Api.Tests;

/// <summary>
/// The calendar tests' series: daily sales from 2023-06-01 to 2024-11-20 around 100, with noise, that jump by 50 on US
/// federal holidays (their dates and the weekdays they were observed on, listed here by hand, not by the library under test).
/// Its next US holiday is Thanksgiving, 2024-11-28, eight days after its end.
/// </summary>
public static class HolidaySales
{
    public const double Jump = 50;

    private static readonly DateOnly Start = new(2023, 6, 1);

    private static readonly DateOnly End = new(2024, 11, 20);

    private static readonly HashSet<DateOnly> UsHolidays = [.. new[]
    {
        "2023-06-19", "2023-07-04", "2023-09-04",
        "2023-10-09", "2023-11-10", "2023-11-11", "2023-11-23", "2023-12-25",
        "2024-01-01", "2024-01-15", "2024-02-19", "2024-05-27", "2024-06-19", "2024-07-04", "2024-09-02", "2024-10-14",
        "2024-11-11",
    }.Select(d => DateOnly.ParseExact(d, "yyyy-MM-dd", CultureInfo.InvariantCulture))];

    public static double[] Values()
    {
        var noise = new Random(26);
        return [.. Enumerable.Range(0, End.DayNumber - Start.DayNumber + 1)
            .Select(t => 100 + 2 * (noise.NextDouble() - 0.5) + (UsHolidays.Contains(Start.AddDays(t)) ? Jump : 0))];
    }

    /// <summary>Uploads the sales as JSON with <paramref name="calendar"/>.</summary>
    public static async Task<SeriesResponse> UploadAsync(HttpClient client, object calendar) =>
        await (await client.PostJsonAsync("/api/series", new { name = "holiday-sales", start = "2023-06-01", frequency = "daily", values = Values(), calendar }))
            .ReadAsync<SeriesResponse>();

    /// <summary>An arima run on it: the last two weeks held out, no seasonal part, so that the holidays alone explain the jumps.</summary>
    public static object Arima => new { method = "arima", testSize = 14, seasonalPeriod = 1 };
}
