using Forecast.Api.Tests.Needs;

namespace Forecast.Api.Tests.Browser;

/// <summary>Where Chromium is, and what a machine without it does about the web page's browser tests.</summary>
public static class ChromiumProgram
{
    /// <summary>A Chromium or Chrome executable; when set, the only one looked at.</summary>
    public const string PathVariable = "FORECAST_CHROMIUM";

    public const string InstallHint = "install it with `apt-get install chromium` (Debian), or set FORECAST_CHROMIUM to a Chromium or Chrome executable";

    private static readonly string[] Names = ["chromium", "chromium-browser"];

    /// <summary>This machine's Chromium as the environment names it, or why there is none (an error under CI).</summary>
    public static (string? Executable, string? Missing) Here() => Locate(Environment.GetEnvironmentVariable(PathVariable), UnderCi.Value);

    /// <summary>Why this machine has no Chromium for the tests, or null when it has one.</summary>
    public static string? Missing => Locate(Environment.GetEnvironmentVariable(PathVariable), underCi: false).Missing;

    /// <summary>
    /// The executable, or why there is none. Under CI a missing browser is an error, not a reason to skip: CI installs
    /// it, so its absence means the run would pass without testing the page.
    /// </summary>
    public static (string? Executable, string? Missing) Locate(string? overridePath, bool underCi)
    {
        var executable = overridePath is { Length: > 0 }
            ? (File.Exists(overridePath) ? overridePath : null)
            : Names.Select(OnPath).FirstOrDefault(found => found is not null);
        if (executable is not null)
        {
            return (executable, null);
        }
        var looked = overridePath is { Length: > 0 } ? overridePath : $"PATH (as {string.Join(" or ", Names)})";
        var missing = $"Chromium was not found at {looked}: {InstallHint}.";
        return underCi
            ? throw new InvalidOperationException($"CI=true and {missing} .ci/run installs it; a CI run must not skip the browser tests.")
            : (null, missing);
    }

    private static string? OnPath(string name) => (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
        .Where(folder => folder.Length > 0).Select(folder => Path.Combine(folder, name)).FirstOrDefault(File.Exists);
}
