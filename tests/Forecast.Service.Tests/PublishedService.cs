using System.Diagnostics;
using Forecast.Api.Tests;

namespace Forecast.Service.Tests;

/// <summary>
/// Publishes the API once per test run (<c>dotnet publish -c Release -r linux-x64</c>, as the README
/// says) so the tests exercise what is deployed, TorchSharp patch included. It publishes when a test first asks for
/// it, so that a run whose tests are all skipped (no PostgreSQL on the machine) does not wait for a publish.
/// </summary>
/// <remarks>
/// One publish for the whole assembly rather than a fixture of one test collection: each test class is a collection of
/// its own, and xunit runs as many side by side as the machine has cores, since their tests spend much of their time
/// waiting for processes to start, runs to train and kills to come. Classes that start together wait for the same publish.
/// </remarks>
internal static class PublishedService
{
    private static readonly Lazy<string> Published = new(Publish);

    public static string Directory => Published.Value;

    public static string Executable => Path.Combine(Directory, "Forecast.Api");

    private static string Publish()
    {
        var directory = Path.Combine(Repository.Root, "artifacts", "service-under-test");
        var publish = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", Path.Combine(Repository.Root, "src", "Forecast.Api"), "-c", "Release", "-r", "linux-x64",
             "--self-contained", "false", "-o", directory, "-nologo", "-v", "quiet"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = publish.StandardOutput.ReadToEndAsync();
        var errors = publish.StandardError.ReadToEnd();
        publish.WaitForExit();
        if (publish.ExitCode != 0)
        {
            throw new InvalidOperationException($"dotnet publish failed ({publish.ExitCode}): {output.Result}{errors}");
        }
        return directory;
    }
}
