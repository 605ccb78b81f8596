using System.Text.RegularExpressions;
using Forecast.Api.Contracts;
using static Microsoft.Playwright.Assertions;

namespace Forecast.Api.Tests.Browser;

/// <summary>
/// Calendars on the web page: a model of a series with US holidays marks Thanksgiving by name on its forecast chart, and
/// a collection's page names the calendar its members follow, as a member's own page does.
/// </summary>
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

    [BrowserFact]
    public async Task A_collection_names_its_calendar_among_its_facts_and_so_does_each_member_s_page()
    {
        var key = await host.NewKeyAsync();
        using var client = host.Service.ClientFor(key);
        var calendar = new
        {
            holidays = new { country = "DE", region = "BY" },
            events = new[] { new { name = "sale", dates = new[] { "2024-07-05", "2024-11-29" }, before = 1, after = 0 } },
            features = new[] { "dayOfWeek" },
        };
        var collection = await (await client.PostJsonAsync("/api/collections", new
        {
            name = "calendar-shops",
            frequency = "daily",
            calendar,
            series = new[] { new { key = "north", start = "2024-06-01", values = HolidaySales.Values()[..200] } },
        })).ReadAsync<CollectionResponse>();
        var members = await (await client.GetAsync($"/api/collections/{collection.Id}/series")).ReadAsync<PagedList<CollectionMemberItem>>();
        await using var tab = await host.OpenAsync(key: key);
        var page = tab.Page;

        await page.GotoAsync($"/#/collections/{collection.Id}");
        await Expect(page.Fact("calendar")).ToHaveTextAsync("DE-BY public holidays; events sale (2 dates); features dayOfWeek, followed by every member");

        await page.GotoAsync($"/#/series/{members.Items[0].Id}");
        await Expect(page.Fact("calendar")).ToHaveTextAsync("DE-BY public holidays; events sale (2 dates); features dayOfWeek");
        Assert.Empty(tab.Errors);
    }
}
