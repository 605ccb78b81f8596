using System.Globalization;
using CsvHelper;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;

namespace Forecast.Training.Tests.Methods.Simple;

/// <summary>
/// The closed-form methods' forecasts and 80 % and 95 % intervals on airpassengers and nottem, their last 12 months held out,
/// against R's naive, snaive, rwf(drift = TRUE) and thetaf (data/reference/simple-methods-r-intervals.csv, written by the R
/// script beside it).
/// </summary>
public sealed class SimpleMethodsAgainstRTests
{
    private sealed record RStep(string Series, string Method, int Step, double Mean, double Lower80, double Upper80, double Lower95, double Upper95);

    private static readonly Lazy<List<RStep>> Reference = new(() =>
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "data", "reference", "simple-methods-r-intervals.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var rows = new List<RStep>();
        while (csv.Read())
        {
            rows.Add(new RStep(csv.GetField(0)!, csv.GetField(1)!, csv.GetField<int>(2), csv.GetField<double>(3), csv.GetField<double>(4),
                csv.GetField<double>(5), csv.GetField<double>(6), csv.GetField<double>(7)));
        }
        return rows;
    });

    [Theory]
    [InlineData("airpassengers", "naive", 1e-9)]
    [InlineData("airpassengers", "snaive", 1e-9)]
    [InlineData("airpassengers", "drift", 1e-9)]
    [InlineData("airpassengers", "theta", 1e-4)]
    [InlineData("nottem", "naive", 1e-9)]
    [InlineData("nottem", "snaive", 1e-9)]
    [InlineData("nottem", "drift", 1e-9)]
    [InlineData("nottem", "theta", 1e-4)]
    public void Each_step_and_its_80_and_95_percent_intervals_are_Rs(string series, string method, double relativeTolerance)
    {
        var history = ReadSeries(series)[..^12];
        var fitted = ((IStatisticalMethod)ForecastingMethods.Find(method)).Fit(new FitInput(history, 12, Horizon: 12), CancellationToken.None);

        var forecast = fitted.Model.ForecastAfter(history, 12, IntervalLevels.Of([80, 95]));

        foreach (var r in Reference.Value.Where(r => r.Series == series && r.Method == method))
        {
            var step = forecast[r.Step - 1];
            AssertClose(r.Mean, step.Value, relativeTolerance);
            AssertClose(r.Lower80, step.Intervals![0].Lower, relativeTolerance);
            AssertClose(r.Upper80, step.Intervals[0].Upper, relativeTolerance);
            AssertClose(r.Lower95, step.Intervals[1].Lower, relativeTolerance);
            AssertClose(r.Upper95, step.Intervals[1].Upper, relativeTolerance);
        }
    }

    private static void AssertClose(double expected, double actual, double relativeTolerance) =>
        Assert.True(Math.Abs(expected - actual) <= relativeTolerance * Math.Abs(expected), $"expected {expected}, got {actual}");

    internal static double[] ReadSeries(string name) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", name + ".csv")).Skip(1)
            .Select(line => double.Parse(line.Split(',')[1], CultureInfo.InvariantCulture)).ToArray();
}
