using System.Net.Http.Json;
using Microsoft.Playwright;
using static Forecast.Benchmarks.ServiceRequests;

namespace Forecast.Benchmarks;

/// <summary>
/// The web page's collection screenshots (docs/screenshots: <c>collection</c>, <c>collection-model</c>, <c>member</c>)
/// taken from a real default run, as issue #25 asks: the published service, tourism's 427 quarterly series uploaded as
/// one collection, a training run with every default (<c>{}</c>), and Chromium driven by Playwright as the browser tests
/// drive it. The browser tests take the same pages from a tiny run on six members, which shows less.
/// </summary>
/// <remarks>
/// Arguments: <c>publish=DIR</c> (the output of <c>dotnet publish src/Forecast.Api -c Release -r linux-x64</c>),
/// <c>out=DIR</c> (default docs/screenshots under the working directory), <c>chromium=PATH</c> (default /usr/bin/chromium)
/// and <c>seed=N</c> (the one field sent beside the defaults; the service draws one otherwise), so that the page shows
/// the collections benchmark's figure for that seed.
/// </remarks>
internal static class TourismScreenshots
{
    private const string Api = "http://127.0.0.1:5081";
    private const string AdminKey = "screenshots-admin-key-0123456789abcdefghij";

    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        var options = BenchmarkOptions.Parse(args);
        if (!options.TryGetValue("publish", out var publish))
        {
            Console.Error.WriteLine("usage: ... -- screenshots publish=DIR [out=docs/screenshots] [chromium=/usr/bin/chromium] [seed=1]");
            return 2;
        }
        var folder = Path.GetFullPath(options.GetValueOrDefault("out") ?? Path.Combine("docs", "screenshots"));
        await using var service = await ServiceProcess.StartAsync(Path.GetFullPath(publish), Api, AdminKey, ("Training__Niceness", "0"));
        using var http = NewHttpClient(Api);
        var key = await NewClientKeyAsync(http, AdminKey, "screenshots");
        var collection = (await PostAsync(http, "/api/collections?name=tourism-quarterly", Csv("tourism-quarterly.csv"), key)).GetProperty("id").GetGuid();
        var run = (await PostAsync(http, $"/api/collections/{collection}/training-runs", JsonContent.Create(Request(options)), key)).GetProperty("id").GetGuid();
        var model = await FinishedModelAsync(http, run, key);
        var best = (await GetAsync(http, $"/api/models/{model}/members?pageSize=1", key)).GetProperty("items")[0].GetProperty("key").GetString()!;
        // The figure the page rounds, to set beside the collections benchmark's for the same seed.
        var mase = (await GetAsync(http, $"/api/models/{model}", key)).GetProperty("accuracy").GetProperty("model").GetProperty("mase").GetDouble();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = options.GetValueOrDefault("chromium") ?? "/usr/bin/chromium",
            Headless = true,
            Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { BaseURL = Api, ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        await page.GotoAsync("/");
        await page.GetByLabel("API key").FillAsync(key);
        await page.GetByLabel("API key").PressAsync("Enter");
        await ShootAsync(page, $"#/collections/{collection}", "#models tbody tr", Path.Combine(folder, "collection.png"));
        await ShootAsync(page, $"#/models/{model}", "#member-table tbody tr", Path.Combine(folder, "collection-model.png"));
        await ShootAsync(page, $"#/models/{model}/members/{Uri.EscapeDataString(best)}", "#metrics tbody tr", Path.Combine(folder, "member.png"));
        Console.WriteLine($"collection, collection-model and member written to {folder}, from run {run} (model {model}: mean MASE {mase:R}; best member {best})");
        return 0;
    }

    /// <summary>Every default (<c>{}</c>), or every default but the seed.</summary>
    private static Dictionary<string, int> Request(Dictionary<string, string> options) =>
        options.TryGetValue("seed", out var seed) ? new() { ["seed"] = int.Parse(seed, System.Globalization.CultureInfo.InvariantCulture) } : [];

    /// <summary>The run's model once it has succeeded.</summary>
    /// <exception cref="InvalidOperationException">The run failed or was cancelled.</exception>
    private static async Task<Guid> FinishedModelAsync(HttpClient http, Guid run, string key)
    {
        while (true)
        {
            var state = await GetAsync(http, $"/api/training-runs/{run}", key);
            switch (state.GetProperty("status").GetString())
            {
                case "succeeded":
                    return state.GetProperty("modelId").GetGuid();
                case "failed" or "cancelled":
                    throw new InvalidOperationException($"The run ended {state.GetProperty("status")}: {state.GetProperty("error")}");
            }
            await Task.Delay(TimeSpan.FromSeconds(2));
        }
    }

    /// <summary>Opens <paramref name="route"/>, waits for <paramref name="loaded"/> and the page's requests to settle, and saves the whole page.</summary>
    private static async Task ShootAsync(IPage page, string route, string loaded, string file)
    {
        await page.GotoAsync($"/{route}");
        await page.Locator(loaded).First.WaitForAsync(new LocatorWaitForOptions { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true });
    }
}
