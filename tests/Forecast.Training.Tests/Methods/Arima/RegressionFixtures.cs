using System.Globalization;
using Forecast.Domain.Series;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Arima;
using MathNet.Numerics.Distributions;

namespace Forecast.Training.Tests.Methods.Arima;

/// <summary>A target with its covariates over the same points, its last <see cref="Horizon"/> points held out.</summary>
public sealed record CovariateCase(string Name, double[] Values, Covariates Covariates, int Horizon, int Period)
{
    public double[] History => Values[..^Horizon];

    public double[] Actual => Values[^Horizon..];

    public FitInput Input => new(History, Period, Horizon) { Covariates = Covariates };

    /// <summary>The covariates known only up to <paramref name="points"/>: a future not yet known beyond it.</summary>
    public Covariates KnownTo(int points) => new([.. Covariates.Columns.Select(c => c with { Values = c.Values.Take(points).ToArray() })]);

    /// <summary>The covariates with <paramref name="change"/> applied to each value from point <paramref name="from"/> on.</summary>
    public Covariates ChangedFrom(int from, Func<double, double> change) =>
        new([.. Covariates.Columns.Select(c => c with { Values = c.Values.Select((v, t) => t >= from ? change(v) : v).ToArray() })]);

    public override string ToString() => Name;
}

/// <summary>
/// The data the tests of regression with ARIMA errors share: the two sets of issue 26 (data/), and regressions simulated
/// with known coefficients.
/// </summary>
public static class RegressionData
{
    /// <summary>US real consumption with real disposable income, quarterly 1959-2009, the last 8 quarters held out.</summary>
    public static CovariateCase UsMacro { get; } = Read("us-macro-quarterly.csv", rows => rows, "realcons", ["realdpi"], horizon: 8, period: 4);

    /// <summary>General Electric's yearly investment with its market value and capital stock, 1935-1954, the last 4 years held out.</summary>
    public static CovariateCase GeneralElectric { get; } =
        Read("grunfeld-investment.csv", rows => rows.Where(r => r["series"] == "General-Electric"), "invest", ["value", "capital"], horizon: 4, period: 1);

    /// <summary>
    /// y_t = <paramref name="intercept"/> + Σ β_j x_jt + η_t, η an AR(1) with coefficient <paramref name="phi"/> and unit
    /// innovations; x_1 a slow wave with noise, x_2 white noise of standard deviation 2. Seeded, so every run sees the same draw.
    /// </summary>
    public static (double[] Y, double[][] X) Simulated(int n, double intercept, double[] beta, double phi, int seed)
    {
        var random = new Random(seed);
        double Draw() => Normal.Sample(random, 0, 1);
        double[][] x =
        [
            [.. Enumerable.Range(0, n).Select(t => 3 * Math.Sin(t / 10.0) + Draw())],
            [.. Enumerable.Range(0, n).Select(_ => 2 * Draw())],
        ];
        var y = new double[n];
        var error = Draw() / Math.Sqrt(1 - phi * phi);
        for (var t = 0; t < n; t++)
        {
            error = t == 0 ? error : phi * error + Draw();
            y[t] = intercept + beta[0] * x[0][t] + beta[1] * x[1][t] + error;
        }
        return (y, x);
    }

    private static CovariateCase Read(
        string file, Func<IEnumerable<Dictionary<string, string>>, IEnumerable<Dictionary<string, string>>> select,
        string target, string[] covariates, int horizon, int period)
    {
        var lines = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "data", file)).Where(l => l.Length > 0).Select(l => l.Split(',')).ToList();
        var rows = select(lines.Skip(1).Select(fields => lines[0].Zip(fields).ToDictionary(p => p.First, p => p.Second))).ToList();
        double[] Column(string name) => [.. rows.Select(r => double.Parse(r[name], CultureInfo.InvariantCulture))];
        return new CovariateCase(target, Column(target), new Covariates([.. covariates.Select(c => new Covariate(c, Column(c)))]), horizon, period);
    }
}

/// <summary>The method's fits of the two data sets with their covariates, made once for the tests that share them.</summary>
public sealed class RegressionFits
{
    public FittedMethod UsMacro { get; } = new ArimaMethod().Fit(RegressionData.UsMacro.Input, CancellationToken.None);

    public FittedMethod GeneralElectric { get; } = new ArimaMethod().Fit(RegressionData.GeneralElectric.Input, CancellationToken.None);
}
