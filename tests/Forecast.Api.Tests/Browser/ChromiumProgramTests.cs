namespace Forecast.Api.Tests.Browser;

/// <summary>A machine without Chromium skips the browser tests with the install command; CI fails instead.</summary>
public sealed class ChromiumProgramTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("forecast-no-chromium-").FullName;

    private string Absent => Path.Combine(folder, "chromium");

    [Fact]
    public void Without_chromium_the_browser_tests_are_skipped_with_the_reason_and_the_install_command()
    {
        var (executable, missing) = ChromiumProgram.Locate(Absent, underCi: false);

        Assert.Null(executable);
        Assert.Contains($"not found at {Absent}", missing, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", missing, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_ci_a_missing_chromium_fails_the_run_instead_of_skipping()
    {
        var error = Assert.Throws<InvalidOperationException>(() => ChromiumProgram.Locate(Absent, underCi: true));

        Assert.Contains("CI=true", error.Message, StringComparison.Ordinal);
        Assert.Contains("apt-get install chromium", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_executable_named_by_the_variable_is_the_one_used()
    {
        File.WriteAllText(Absent, "");

        Assert.Equal((Absent, (string?)null), ChromiumProgram.Locate(Absent, underCi: true));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
