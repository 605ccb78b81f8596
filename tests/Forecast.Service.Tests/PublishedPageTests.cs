namespace Forecast.Service.Tests;

/// <summary>The web page comes with the published executable: no front-end build or server beside it.</summary>
public sealed class PublishedPageTests : IDisposable
{
    private readonly string database = Path.Combine(Path.GetTempPath(), $"forecast-service-{Guid.NewGuid():N}.db");

    // In Production, where Swagger is off unless enabled.
    [Fact]
    public async Task The_published_service_serves_the_page_and_every_file_it_loads_without_swagger()
    {
        using var service = await ServiceProcess.StartAsync(database);
        using var browser = new HttpClient { BaseAddress = service.Client.BaseAddress };
        browser.DefaultRequestHeaders.Accept.ParseAdd("text/html");

        var html = await browser.GetStringAsync("/");
        var loaded = System.Text.RegularExpressions.Regex.Matches(html, "(?:src|href)=\"(/[^\"#]+)\"").Select(m => m.Groups[1].Value).ToList();

        Assert.Contains("/app/main.js", loaded);
        // The chart library is imported by the page's modules rather than named in the document.
        foreach (var path in loaded.Append("/lib/uplot/uPlot.esm.js"))
        {
            Assert.True((await browser.GetAsync(path)).IsSuccessStatusCode, $"{path} is not served");
        }
    }

    public void Dispose() => ServiceProcess.DeleteDatabase(database);
}
