using System.Globalization;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Arima;

namespace Forecast.Benchmarks;

/// <summary>
/// The <c>arima</c> method with and without covariates beside R's <c>auto.arima(xreg = )</c> and <c>auto.arima</c>, as
/// issue 26 measured them: US real consumption (data/us-macro-quarterly.csv) with real disposable income, the last 8
/// quarters held out, MASE with m = 4; Grunfeld's investment of 11 firms (data/grunfeld-investment.csv) with market
/// value and capital stock, the last 4 years of each held out, the mean MASE over the firms with m = 1. The future
/// covariates are the held-out years' own values, as R was given them. Prints each figure beside R's and their ratio,
/// then each fit's model and regression coefficients.
/// </summary>
internal static class ArimaXregBenchmark
{
    // R 4.2.2, forecast 8.20, as issue 26 reports them.
    private const double RUsMacroWith = 1.549;
    private const double RUsMacroWithout = 2.023;
    private const double RGrunfeldWith = 1.792;
    private const double RGrunfeldWithout = 3.409;

    public static int Run()
    {
        var macro = CovariateData.UsMacro();
        var macroWith = Score(macro, 8, 4, withCovariates: true);
        var macroWithout = Score(macro, 8, 4, withCovariates: false);
        var firms = CovariateData.Grunfeld();
        var grunfeldWith = firms.Select(f => Score(f, 4, 1, withCovariates: true)).ToList();
        var grunfeldWithout = firms.Select(f => Score(f, 4, 1, withCovariates: false)).ToList();

        Console.WriteLine("| data | model | MASE | R's MASE | ratio to R |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        Row("us-macro realcons, h = 8, m = 4", "arima with realdpi", macroWith.Mase, RUsMacroWith);
        Row("us-macro realcons, h = 8, m = 4", "arima", macroWithout.Mase, RUsMacroWithout);
        Row("Grunfeld invest, 11 firms, h = 4, m = 1", "arima with value, capital", grunfeldWith.Average(s => s.Mase), RGrunfeldWith);
        Row("Grunfeld invest, 11 firms, h = 4, m = 1", "arima", grunfeldWithout.Average(s => s.Mase), RGrunfeldWithout);

        Console.WriteLine();
        foreach (var score in new[] { macroWith, macroWithout }.Concat(grunfeldWith).Concat(grunfeldWithout))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"- {score.Key}: MASE {score.Mase:F3}; {string.Join(" ", score.Choices)}"));
        }
        return 0;
    }

    private sealed record Scored(string Key, double Mase, IReadOnlyList<string> Choices);

    private static Scored Score(SeriesWithCovariates series, int horizon, int period, bool withCovariates)
    {
        var history = series.Values[..^horizon];
        var actual = series.Values[^horizon..];
        var covariates = withCovariates ? series.Covariates : Covariates.None;
        var fitted = new ArimaMethod().Fit(new FitInput(history, period, horizon) { Covariates = covariates }, CancellationToken.None);
        var forecast = fitted.Model.ForecastAfter(history, covariates, horizon, IntervalLevels.None).Select(s => s.Value).ToArray();
        var mase = AccuracyMetrics.Compute(actual, forecast, AccuracyMetrics.MaseScale(history, period)).Mase ?? double.NaN;
        return new Scored(series.Key + (withCovariates ? " with covariates" : ""), mase,
            [.. fitted.Choices.Where(c => c.StartsWith("ARIMA", StringComparison.Ordinal) || c.StartsWith("Regression", StringComparison.Ordinal) || c.StartsWith("Coefficients", StringComparison.Ordinal))]);
    }

    private static void Row(string data, string model, double ours, double r) =>
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {data} | {model} | {ours:F3} | {r:F3} | {ours / r:F3} |"));
}
