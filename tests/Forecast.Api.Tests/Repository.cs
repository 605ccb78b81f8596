namespace Forecast.Api.Tests;

/// <summary>The repository the tests were built from: the folder above the test output that holds Forecast.sln.</summary>
public static class Repository
{
    public static string Root { get; } = FindRoot();

    // Build output, tool state and folders the tests create are not the repository's files.
    private static readonly string[] NotSource = ["bin", "obj", ".git", "artifacts", "TestResults", "node_modules", ".vs"];

    /// <summary>Every file a clone holds, as paths relative to the root.</summary>
    public static IEnumerable<string> Files() => FilesUnder(new DirectoryInfo(Root))
        .Select(file => Path.GetRelativePath(Root, file.FullName));

    private static IEnumerable<FileInfo> FilesUnder(DirectoryInfo folder) =>
        folder.EnumerateFiles().Concat(folder.EnumerateDirectories()
            .Where(sub => !NotSource.Contains(sub.Name) && !(sub.Name == "data" && sub.Parent?.Name == "Forecast.Api"))
            .SelectMany(FilesUnder));

    private static string FindRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Forecast.sln")))
        {
            folder = folder.Parent;
        }
        return folder?.FullName ?? throw new InvalidOperationException("Forecast.sln not found above the test output.");
    }
}
