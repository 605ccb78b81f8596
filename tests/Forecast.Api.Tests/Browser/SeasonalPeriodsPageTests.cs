using System.Text;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forecast.Api.Tests.Browser;

/// <summary>Several seasons on the web page: a series' training form takes seasonalPeriods, a collection's does not offer it.</summary>
public sealed class SeasonalPeriodsPageTests : IClassFixture<WebPageHost>
{
    private readonly WebPageHost host;

    public SeasonalPeriodsPageTests(WebPageHost host)
    {
        this.host = host;
        // Fitting mstl on a shared 2-core machine may take longer than Playwright's default 5 s.
        SetDefaultExpectTimeout(60_000);
    }

    [BrowserFact]
    public async Task An_mstl_run_given_a_day_and_a_week_on_the_page_names_both_on_its_model_page_and_a_descending_list_shows_the_400()
    {
        await using var tab = await host.OpenAsync();
        var page = tab.Page;
        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = "hourly-weeks.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(HourlyWeeks.Csv(weeks: 4)),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the series" }).ClickAsync();
        await page.GetByLabel("Method").SelectOptionAsync("mstl");
        await page.GetByText("More settings").ClickAsync();
        var periods = page.GetByLabel("Seasonal periods", new() { Exact = true });

        await periods.FillAsync("168, 24");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start training" }).ClickAsync();
        await Expect(page.Locator("#train .error")).ToHaveTextAsync(
            "400 Invalid request: seasonalPeriods must be ascending, each period once; got 168, 24. (field: seasonalPeriods)");

        await periods.FillAsync("24, 168");
        await page.GetByRole(AriaRole.Button, new() { Name = "Start training" }).ClickAsync();
        await Expect(page.Locator("#run-status")).ToHaveTextAsync("Status: succeeded");
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the model" }).ClickAsync();

        await Expect(page.Locator("dt:text-is('seasonal periods') + dd")).ToHaveTextAsync("24, 168");
        await Expect(page.Locator("#test-tail .note")).ToContainTextAsync("period 168");
        await tab.LookAsync("model-seasonal-periods");
        Assert.Empty(tab.Errors);
    }

    [BrowserFact]
    public async Task A_collection_s_training_form_offers_one_seasonal_period_and_not_several()
    {
        var key = await host.NewKeyAsync();
        using var client = host.Service.ClientFor(key);
        var collection = await TrainingFlow.UploadCollectionAsync(client, TourismCsv.Quarterly(2));
        await using var tab = await host.OpenAsync(key: key);
        var page = tab.Page;

        await page.GotoAsync($"/#/collections/{collection.Id}");
        await page.GetByText("More settings").ClickAsync();

        await Expect(page.Locator("#field-seasonalPeriod")).ToBeVisibleAsync();
        await Expect(page.Locator("#field-seasonalPeriods")).ToBeHiddenAsync();
        Assert.Empty(tab.Errors);
    }
}
