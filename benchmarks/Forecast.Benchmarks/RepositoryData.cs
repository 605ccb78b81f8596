using System.Globalization;
using Forecast.Domain.Series;

namespace Forecast.Benchmarks;

/// <summary>The repository's data sets (<c>data/</c>), found from the working directory or the program's location.</summary>
internal static class RepositoryData
{
    /// <summary>A <c>date,value</c> CSV with a header, as the regular series it is (the files in data/ have no gaps).</summary>
    public static RegularSeries Read(string file)
    {
        var rows = File.ReadLines(Path.Combine(DataDirectory(), file)).Skip(1).Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .ToArray();
        var dates = rows.Select(r => DateTime.ParseExact(r[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)).ToArray();
        var frequency = FrequencyExtensions.Infer(dates) ?? throw new InvalidDataException($"{file}: no frequency.");
        return new RegularSeries(dates[0], frequency, rows.Select(r => double.Parse(r[1], CultureInfo.InvariantCulture)).ToArray());
    }

    /// <summary>The lines of a file under <c>data/</c>.</summary>
    public static IEnumerable<string> Lines(string file) => File.ReadLines(Path.Combine(DataDirectory(), file));

    /// <summary>The lines of a file under <c>data/reference</c>.</summary>
    public static IEnumerable<string> Reference(string file) => File.ReadLines(Path.Combine(DataDirectory(), "reference", file));

    /// <summary>The rows of a CSV file under <c>data/reference</c>, read after its header; R quotes fields that hold commas.</summary>
    public static List<T> ReferenceRows<T>(string file, Func<CsvHelper.CsvReader, T> read)
    {
        using var reader = new StreamReader(Path.Combine(DataDirectory(), "reference", file));
        using var csv = new CsvHelper.CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<T>();
        while (csv.Read())
        {
            rows.Add(read(csv));
        }
        return rows;
    }

    /// <summary>A path inside the repository.</summary>
    public static string InRepository(string relative) => Path.Combine(RepositoryRoot(), relative);

    private static string DataDirectory() => Path.Combine(RepositoryRoot(), "data");

    // The repository root holds Forecast.sln.
    private static string RepositoryRoot()
    {
        foreach (var start in new[] { Environment.CurrentDirectory, AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "Forecast.sln")))
                {
                    return dir.FullName;
                }
            }
        }
        throw new DirectoryNotFoundException("Run the benchmark from inside the repository: Forecast.sln was not found above the working directory.");
    }
}
