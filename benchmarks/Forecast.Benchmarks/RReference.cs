using System.Globalization;

namespace Forecast.Benchmarks;

/// <summary>R forecast 8.20's MASE for one data set and method, from <c>reference/baselines-r-forecast.csv</c>.</summary>
internal sealed record RReference(string Series, int Horizon, string Method, double Mase)
{
    public static IReadOnlyList<RReference> Load() =>
        RepositoryData.Reference("baselines-r-forecast.csv").Skip(1).Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Select(f => new RReference(f[0], int.Parse(f[3], CultureInfo.InvariantCulture), f[4], double.Parse(f[8], CultureInfo.InvariantCulture)))
            .ToArray();
}
