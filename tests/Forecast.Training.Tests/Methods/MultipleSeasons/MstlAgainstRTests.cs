using System.Globalization;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;
using Forecast.Training.Methods.MultipleSeasons;
using Forecast.Training.Tests.Diagnostics;

namespace Forecast.Training.Tests.Methods.MultipleSeasons;

/// <summary>
/// The mstl method against R's forecast(mstl(x), method = "ets") (data/reference/mstl-r-forecasts.csv, made by the R script
/// beside it) on daily rain with a week and a year, and on airpassengers with its year.
/// </summary>
/// <remarks>
/// The decomposition agrees with R's to 1e-6 (Forecast.Domain.Tests' StlAgainstRTests), so the seasonal part of each step
/// does too; what may differ is the ETS fit of the adjusted series, whose optimiser stops where R's Nelder-Mead does only
/// to its tolerance (here a level 0.0015 apart on rain, 0.012 on airpassengers). The same ETS form is required; every step's
/// mean within 1 % of R's 80 % half-width of it, a gap negligible against the forecast's own uncertainty (a relative gap
/// would be meaningless where rain's forecast nears 0); and each interval's width, the fitted sigma's, within 0.2 % of R's.
/// </remarks>
public sealed class MstlAgainstRTests
{
    private sealed record RStep(string Ets, double Mean, double Lower80, double Upper80, double Lower95, double Upper95, double AdjustedMean);

    private static RStep[] Reference(string caseName) =>
        File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", "reference", "mstl-r-forecasts.csv")).Skip(1)
            .Select(line => line.Split(','))
            .Where(f => f[0] == caseName)
            .Select(f => new RStep(f[2].Replace(";", ",", StringComparison.Ordinal), D(f[3]), D(f[4]), D(f[5]), D(f[6]), D(f[7]), D(f[8])))
            .ToArray();

    private static double D(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    private static void AssertWithin(double expected, double actual, double relative, string what) =>
        Assert.True(Math.Abs(expected - actual) <= relative * Math.Abs(expected), $"{what}: R {expected}, ours {actual}.");

    /// <summary>Within 1 % of R's 80 % half-width at the step.</summary>
    private static void AssertNegligible(double expected, double actual, RStep r, string what) =>
        Assert.True(Math.Abs(expected - actual) <= 0.01 * (r.Upper80 - r.Lower80) / 2, $"{what}: R {expected}, ours {actual}.");

    [Theory]
    [InlineData("seattle-7-365", "seattle-precipitation-daily.csv", new[] { 7, 365 }, 28)]
    [InlineData("airpassengers-12", "airpassengers.csv", new[] { 12 }, 12)]
    public void Forecasts_agree_with_Rs_forecast_of_mstl_with_ets(string caseName, string file, int[] periods, int horizon)
    {
        var series = RepositoryData.Series(file);
        var history = series[..^horizon];
        var expected = Reference(caseName);

        var fitted = new MstlMethod().Fit(new FitInput(history, periods[^1], horizon) { SeasonalPeriods = periods }, CancellationToken.None);
        var forecast = fitted.Model.ForecastAfter(history, horizon, IntervalLevels.Of([80, 95]));

        Assert.Contains(fitted.Choices, c => c.StartsWith(expected[0].Ets, StringComparison.Ordinal));
        for (var h = 0; h < horizon; h++)
        {
            var (r, step) = (expected[h], forecast[h]);
            AssertNegligible(r.Mean, step.Value, r, $"step {h + 1}'s mean");
            AssertWithin(r.Upper80 - r.Lower80, step.Intervals![0].Upper - step.Intervals[0].Lower, 0.002, $"step {h + 1}'s 80 % width");
            AssertWithin(r.Upper95 - r.Lower95, step.Intervals[1].Upper - step.Intervals[1].Lower, 0.002, $"step {h + 1}'s 95 % width");
        }
    }

    [Theory]
    [InlineData("seattle-7-365", "seattle-precipitation-daily.csv", new[] { 7, 365 }, 28)]
    [InlineData("airpassengers-12", "airpassengers.csv", new[] { 12 }, 12)]
    public void The_seasons_forecast_is_Rs_to_1e6_whatever_the_ets_fit(string caseName, string file, int[] periods, int horizon)
    {
        var series = RepositoryData.Series(file);
        var history = series[..^horizon];
        var expected = Reference(caseName);

        var forecast = new MstlMethod().Fit(new FitInput(history, periods[^1], horizon) { SeasonalPeriods = periods }, CancellationToken.None)
            .Model.PointForecast(history, horizon);

        // R's mean is the adjusted series' ETS forecast plus the seasons': the seasons' part alone carries no fit.
        var ours = new EtsSeasonsOnly(history, periods).Seasons(horizon);
        for (var h = 0; h < horizon; h++)
        {
            Assert.Equal(expected[h].Mean - expected[h].AdjustedMean, ours[h], 6);
            AssertNegligible(expected[h].AdjustedMean, forecast[h] - ours[h], expected[h], $"step {h + 1}'s adjusted forecast");
        }
    }

    /// <summary>The seasonal naive forecast of each MSTL season of a history, summed: the part of mstl's forecast that is not ETS's.</summary>
    private sealed class EtsSeasonsOnly(double[] history, int[] periods)
    {
        public double[] Seasons(int horizon)
        {
            var mstl = Domain.Seasonality.Mstl.Decompose(history, periods);
            return [.. Enumerable.Range(0, horizon).Select(h => mstl.Seasonals.Sum(s => s.Values[^s.Period..][h % s.Period]))];
        }
    }
}
