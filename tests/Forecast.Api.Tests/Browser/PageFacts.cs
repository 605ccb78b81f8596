using Microsoft.Playwright;

namespace Forecast.Api.Tests.Browser;

/// <summary>The facts list (dl.facts) every page opens with.</summary>
public static class PageFacts
{
    /// <summary>The description beside a term of the page's facts.</summary>
    public static ILocator Fact(this IPage page, string term) => page.Locator($"dl.facts dt:text-is('{term}') + dd");
}
