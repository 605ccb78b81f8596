using System.Diagnostics;

namespace Forecast.Service.Tests;

/// <summary>
/// Publishes the API once per test run (<c>dotnet publish -c Release -r linux-x64</c>, as the README
/// says) so the tests exercise what is deployed, TorchSharp patch included.
/// </summary>
public sealed class PublishedService
{
    public PublishedService()
    {
        var repository = FindRepository();
        Directory = Path.Combine(repository, "artifacts", "service-under-test");
        var publish = Process.Start(new ProcessStartInfo("dotnet",
            ["publish", Path.Combine(repository, "src", "Forecast.Api"), "-c", "Release", "-r", "linux-x64",
             "--self-contained", "false", "-o", Directory, "-nologo", "-v", "quiet"])
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
    }

    public string Directory { get; }

    public string Executable => Path.Combine(Directory, "Forecast.Api");

    private static string FindRepository()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Forecast.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Forecast.sln not found above the test output.");
    }
}

[CollectionDefinition(Name)]
public sealed class PublishedServiceGroup : ICollectionFixture<PublishedService>, ICollectionFixture<Forecast.Api.Tests.PostgreSql.PostgreSqlServer>
{
    public const string Name = "published service";
}
