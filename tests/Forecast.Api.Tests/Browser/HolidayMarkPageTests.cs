using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Forecast.Api.Tests.Browser;

/// <summary>A model of a series with US holidays on the web page: its forecast chart marks Thanksgiving by name.</summary>
public sealed class HolidayMarkPageTests : IClassFixture<WebPageHost>
{
    private readonly WebPageHost host;

    public HolidayMarkPageTests(WebPageHost host)
    {
        this.host = host;
        // Training and forecasting on a shared 2-core machine may take longer than Playwright's default 5 s.
        SetDefaultExpectTimeout(60_000);
    }

    [BrowserFact]
    public async Task An_arima_model_with_us_holidays_marks_thanksgiving_on_its_forecast_and_no_other_day()
    {
        var key = await host.NewKeyAsync();
        using var client = host.Service.ClientFor(key);
        var series = await HolidaySales.UploadAsync(client, new { holidays = new { country = "US" } });
        var run = await TrainingFlow.TrainAsync(client, series.Id, HolidaySales.Arima);
        await using var tab = await host.OpenAsync(key: key);
        var page = tab.Page;

        await page.GotoAsync($"/#/models/{run.ModelId}");

        // Twelve days from 2024-11-21: Thanksgiving, the 28th, is the only US holiday among them.
        var mark = page.Locator("#forecast .chart-mark");
        await Expect(mark).ToHaveCountAsync(1);
        await Expect(mark).ToHaveAttributeAsync("data-timestamp", "2024-11-28");
        await Expect(mark).ToHaveAttributeAsync("title", new Regex("^2024-11-28: Thanksgiving"));
        await Expect(mark).ToContainTextAsync("Thanksgiving");
        await Expect(page.Locator("#forecast figure")).ToHaveAttributeAsync("aria-label", new Regex("marked: 2024-11-28 Thanksgiving"));
        await tab.LookAsync("holiday-mark");
        Assert.Empty(tab.Errors);
    }
}
