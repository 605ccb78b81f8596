using Microsoft.Playwright;

namespace Forecast.Api.Tests.Browser;

/// <summary>One tab on the page, which records every script error and Content-Security-Policy violation it reports.</summary>
public sealed class BrowserTab : IAsyncDisposable
{
    private readonly IBrowserContext context;
    private readonly string screenshots;
    private readonly List<string> errors = [];

    public BrowserTab(IBrowserContext context, IPage page, string screenshots)
    {
        this.context = context;
        this.screenshots = screenshots;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };
        page.PageError += (_, error) => errors.Add(error);
    }

    public IPage Page { get; }

    /// <summary>What the browser's console reported as errors (a blocked script or style among them); the API's refusals the page shows are not.</summary>
    public IReadOnlyList<string> Errors => errors.Where(e => !e.StartsWith("Failed to load resource", StringComparison.Ordinal)).ToList();

    public async Task UseKeyAsync(string key)
    {
        await Page.GetByLabel("API key").FillAsync(key);
        await Page.GetByLabel("API key").PressAsync("Enter");
    }

    /// <summary>
    /// Looks at the page as a person would: no word a script writes for a missing value ('null', 'undefined', 'NaN')
    /// is shown, every control has a name a screen reader can say, and the whole page is saved as a PNG named after
    /// what it shows.
    /// </summary>
    public async Task LookAsync(string name)
    {
        var text = await Page.InnerTextAsync("main");
        foreach (var placeholder in new[] { "null", "undefined", "NaN" })
        {
            Assert.False(System.Text.RegularExpressions.Regex.IsMatch(text, $@"\b{placeholder}\b"), $"the {name} page shows '{placeholder}':\n{text}");
        }
        var unlabelled = await Page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input, select, textarea, button')]
              .filter((control) => control.labels?.length === 0 && !control.getAttribute('aria-label') && !control.textContent.trim())
              .map((control) => control.outerHTML)
            """);
        Assert.True(unlabelled.Length == 0, $"the {name} page has controls without a label: {string.Join(", ", unlabelled)}");
        await Page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(screenshots, $"{name}.png"), FullPage = true });
    }

    /// <summary>Whether anything is wider than the window, which would make a phone scroll sideways.</summary>
    public Task<bool> OverflowsAsync() => Page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");

    public async ValueTask DisposeAsync() => await context.DisposeAsync();
}
