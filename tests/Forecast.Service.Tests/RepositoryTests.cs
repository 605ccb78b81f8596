using Forecast.Api.Tests;

namespace Forecast.Service.Tests;

/// <summary>A fresh clone holds everything its tests, benchmarks and scripts read.</summary>
public sealed class RepositoryTests
{
    // Spelt in pieces so that this file does not name the folder it forbids.
    private static readonly string[] OutsideFolder = [string.Join('/', "..", "shared"), string.Join('\\', "..", "shared")];

    [Fact]
    public void No_file_in_the_repository_refers_to_the_shared_folder_beside_it()
    {
        var offenders = Repository.Files()
            .Where(file => OutsideFolder.Any(File.ReadAllText(Path.Combine(Repository.Root, file)).Contains))
            .ToList();

        Assert.NotEmpty(Repository.Files());
        Assert.True(offenders.Count == 0, $"these files refer to a folder outside the repository: {string.Join(", ", offenders)}");
    }

    [Fact]
    public void The_data_sets_and_reference_values_are_in_the_repository()
    {
        string[] expected =
        [
            "airpassengers.csv", "nottem.csv", "seattle-precipitation-daily.csv", "seattle-precipitation-monthly.csv",
            "tourism-monthly.csv", "tourism-quarterly.csv", "README.md",
            "reference/diagnostics-statsmodels.json", "reference/baselines-r-forecast.csv", "reference/tourism-r-forecast.csv",
        ];

        Assert.All(expected, file => Assert.True(File.Exists(Path.Combine(Repository.Root, "data", file)), $"data/{file} is missing"));
    }
}
