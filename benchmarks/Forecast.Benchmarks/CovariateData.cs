using System.Globalization;
using Forecast.Domain.Series;

namespace Forecast.Benchmarks;

/// <summary>A target series with its covariates over the same points, as a CSV of data/ holds them.</summary>
internal sealed record SeriesWithCovariates(string Key, double[] Values, Covariates Covariates);

/// <summary>The data sets of data/ with covariates: US macro quarterly and Grunfeld's investment by firm.</summary>
internal static class CovariateData
{
    /// <summary>data/us-macro-quarterly.csv: real consumption with real disposable income as its covariate.</summary>
    public static SeriesWithCovariates UsMacro() => Single(Table("us-macro-quarterly.csv"), "realcons", "realdpi");

    /// <summary>data/grunfeld-investment.csv: each firm's investment with its market value and capital stock.</summary>
    public static IReadOnlyList<SeriesWithCovariates> Grunfeld()
    {
        var rows = Table("grunfeld-investment.csv");
        return [.. rows.GroupBy(r => r["series"]).Select(firm => Single([.. firm], "invest", "value", "capital") with { Key = firm.Key })];
    }

    private static SeriesWithCovariates Single(IReadOnlyList<Dictionary<string, string>> rows, string target, params string[] covariates) =>
        new(target, Column(rows, target), new Covariates([.. covariates.Select(name => new Covariate(name, Column(rows, name)))]));

    private static double[] Column(IReadOnlyList<Dictionary<string, string>> rows, string name) =>
        [.. rows.OrderBy(r => r["date"], StringComparer.Ordinal).Select(r => double.Parse(r[name], CultureInfo.InvariantCulture))];

    private static List<Dictionary<string, string>> Table(string file)
    {
        var lines = RepositoryData.Lines(file).Where(line => line.Length > 0).Select(line => line.Split(',')).ToList();
        var header = lines[0];
        return [.. lines.Skip(1).Select(fields => header.Zip(fields).ToDictionary(p => p.First, p => p.Second))];
    }
}
