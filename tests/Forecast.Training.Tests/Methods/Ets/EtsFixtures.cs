using System.Collections.Concurrent;
using System.Globalization;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Ets;

namespace Forecast.Training.Tests.Methods.Ets;

/// <summary>The histories the ets tests fit, and their fits, each made once for all tests.</summary>
internal static class EtsFixtures
{
    private static readonly ConcurrentDictionary<string, Lazy<FittedMethod>> Fits = new(StringComparer.Ordinal);

    public static EtsMethod Method { get; } = new();

    /// <summary>R's datasets::AirPassengers, 144 monthly points.</summary>
    public static double[] AirPassengers { get; } = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "airpassengers.csv"))
        .Skip(1).Where(line => line.Length > 0)
        .Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture))
        .ToArray();

    /// <summary>The ets fit of a tourism series' history (everything before its test tail).</summary>
    public static FittedMethod FitOf(string key) => Fits.GetOrAdd(key, k => new Lazy<FittedMethod>(() =>
    {
        var series = TourismReference.Get(k);
        return Method.Fit(new FitInput(series.History, series.Period, series.Actual.Length), CancellationToken.None);
    })).Value;

    /// <summary>The stored form of a fit, such as ETS(M,Ad,M).</summary>
    public static string FormOf(FittedMethod fit) => fit.State.GetProperty("form").GetString()!;

    /// <summary>A number the fit's snapshot holds; null where it holds none.</summary>
    public static double? StoredNumber(FittedMethod fit, string name) =>
        fit.State.GetProperty(name).ValueKind == System.Text.Json.JsonValueKind.Number ? fit.State.GetProperty(name).GetDouble() : null;

    public static FittedMethod Fit(double[] history, int period) => Method.Fit(new FitInput(history, period, Horizon: 12), CancellationToken.None);
}
