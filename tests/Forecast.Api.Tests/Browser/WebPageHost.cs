using Microsoft.Playwright;

namespace Forecast.Api.Tests.Browser;

/// <summary>
/// The service on a loopback port with Swagger off, and one headless Chromium that Playwright drives, shared by the
/// web page's tests, each marked <see cref="BrowserFactAttribute"/>, which skips it with the install command where
/// Chromium is missing (under CI the host fails instead, see <see cref="ChromiumProgram"/>). Playwright never downloads
/// a browser of its own.
/// </summary>
public sealed class WebPageHost : IAsyncLifetime
{
    /// <summary>A folder the tests save their screenshots in (docs/screenshots to refresh the README's); the test output otherwise.</summary>
    public const string ScreenshotsVariable = "FORECAST_SCREENSHOTS";

    private readonly string? executable;
    private readonly string? missing;
    private IPlaywright? playwright;
    private IBrowser? browser;
    private ForecastApiFactory? service;

    public WebPageHost()
    {
        (executable, missing) = ChromiumProgram.Here();
    }

    /// <summary>The service the page talks to. Without Chromium the host starts none.</summary>
    public ForecastApiFactory Service => service ?? throw Unmarked();

    public string ScreenshotFolder { get; } = Environment.GetEnvironmentVariable(ScreenshotsVariable) is { Length: > 0 } folder
        ? Path.GetFullPath(folder, Repository.Root)
        : Path.Combine(AppContext.BaseDirectory, "screenshots");

    public async Task InitializeAsync()
    {
        if (executable is null)
        {
            return;
        }
        service = ForecastApiFactory.OnLoopback(("Swagger:Enabled", "false"));
        playwright = await Playwright.CreateAsync();
        browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            // This machine's network is closed: without these, Chromium keeps trying to reach Google's services.
            Args = ["--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        Directory.CreateDirectory(ScreenshotFolder);
    }

    /// <summary>
    /// A new tab of its own (its own sessionStorage) this many pixels wide, at the page, with a new client key typed
    /// into the key field unless <paramref name="key"/> says otherwise.
    /// </summary>
    public async Task<BrowserTab> OpenAsync(int width = 1280, string? key = null)
    {
        var context = await (browser ?? throw Unmarked()).NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Service.ServerAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
            AcceptDownloads = true,
        });
        var tab = new BrowserTab(context, await context.NewPageAsync(), ScreenshotFolder);
        await tab.Page.GotoAsync("/");
        await tab.UseKeyAsync(key ?? await NewKeyAsync());
        return tab;
    }

    /// <summary>A new client key, whose series no other test sees: for a test that also calls the API as the tab's user.</summary>
    public async Task<string> NewKeyAsync() => (await Service.CreateKeyAsync($"browser-{Guid.NewGuid():N}")).Key;

    // Only a test that is not marked [BrowserFact] reaches the host on a machine without Chromium.
    private InvalidOperationException Unmarked() =>
        new($"{missing} The test that asked for the browser or its service must be marked [BrowserFact], which skips it here.");

    public async Task DisposeAsync()
    {
        if (browser is not null)
        {
            await browser.DisposeAsync();
        }
        playwright?.Dispose();
        service?.Dispose();
    }
}
