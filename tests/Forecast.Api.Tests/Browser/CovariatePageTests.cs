using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Forecast.Api.Tests.Browser;

/// <summary>A series with a covariate on the web page: the covariate's chart under the series' and its cross-correlations.</summary>
public sealed class CovariatePageTests : IClassFixture<WebPageHost>
{
    private readonly WebPageHost host;

    public CovariatePageTests(WebPageHost host)
    {
        this.host = host;
        // Diagnostics on a shared 2-core machine may take longer than Playwright's default 5 s.
        SetDefaultExpectTimeout(60_000);
    }

    [BrowserFact]
    public async Task The_us_macro_upload_shows_its_income_under_the_series_with_its_known_future_and_its_cross_correlations()
    {
        await using var tab = await host.OpenAsync();
        var page = tab.Page;

        await page.Locator("#upload-file").SetInputFilesAsync(new FilePayload
        {
            Name = "us-macro.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(UsMacro.Csv(future: 4)),
        });
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Open the series" }).ClickAsync();

        var covariate = page.Locator("#covariates figure");
        await Expect(covariate).ToHaveCountAsync(1);
        await Expect(covariate).ToHaveAttributeAsync("aria-label",
            new Regex("^realdpi: 203 values from 1959-01-01 to 2009-07-01, the last 4 its known future past the series’ end$"));
        await Expect(covariate.Locator(".u-legend")).ToContainTextAsync("realdpi, known future");
        var correlograms = page.Locator("#cross-correlations figure");
        await Expect(correlograms).ToHaveCountAsync(2);
        await Expect(correlograms.First).ToHaveAttributeAsync("aria-label", new Regex("^realdpi and the series: values: cross-correlations for lags -20 to 20 over 199 periods"));
        await Expect(correlograms.Last).ToHaveAttributeAsync("aria-label", new Regex("^realdpi and the series: changes: .* over 198 periods"));
        await tab.LookAsync("series-covariates");
        Assert.Empty(tab.Errors);
    }
}
