using System.Diagnostics;
using System.Globalization;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Series;
using Forecast.Training.Collections;
using Forecast.Training.Methods;

namespace Forecast.Benchmarks;

/// <summary>
/// Every statistical method in the registry on every tourism series, through the forecaster contract: each fitted on
/// the points before its validation part (the h points before the test tail) and scored there, then fitted on everything
/// before the test tail and scored on it once, beside R's MASE on the same tails (data/reference/tourism-r-forecast.csv)
/// and the time per series on one thread to fit and forecast (the closed-form methods do all their work in the forecast).
/// Then the four single series of data/, their last h points held out, beside R's MASE there
/// (data/reference/baselines-r-forecast.csv), as the accuracy benchmark scores the LSTM.
/// </summary>
internal static class MethodsBenchmark
{
    private static readonly (string Name, string File, int Horizon, int Period)[] Sets =
        [("monthly", "tourism-monthly.csv", 24, 12), ("quarterly", "tourism-quarterly.csv", 8, 4)];

    /// <param name="args"><c>only=ets,theta</c> for some methods; every statistical method by default.</param>
    public static int Run(string[] args)
    {
        var only = args.FirstOrDefault(a => a.StartsWith("only=", StringComparison.Ordinal))?["only=".Length..].Split(',');
        var methods = ForecastingMethods.All.OfType<IStatisticalMethod>().Where(m => only is null || only.Contains(m.Name)).ToList();
        Console.WriteLine("| set | method | validation mean MASE | test mean MASE | test mean sMAPE | R's test mean MASE | ratio to R | fit and forecast s/series |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, file, horizon, period) in Sets)
        {
            var members = TourismCollection.Read(file);
            var r = TourismReference.MeanMase($"tourism-{name}");
            foreach (var method in methods)
            {
                var validation = Score(method, members.Select(m => m.Values.Take(m.Values.Count - horizon).ToArray()).ToList(), horizon, period, out _);
                var test = Score(method, members.Select(m => m.Values.ToArray()).ToList(), horizon, period, out var seconds);
                var rMase = r.TryGetValue(method.Name, out var value) ? value : (double?)null;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {name} | {method.Name} | {validation.Mase:F3} | {test.Mase:F3} | {test.Smape:F2} | {(rMase is { } x ? x.ToString("F3", CultureInfo.InvariantCulture) : "–")} | {(rMase is { } y ? (test.Mase / y).ToString("F3", CultureInfo.InvariantCulture) : "–")} | {seconds / members.Count:F4} |"));
            }
        }
        SingleSeries(methods);
        return 0;
    }

    private static void SingleSeries(IReadOnlyList<IStatisticalMethod> methods)
    {
        var references = RReference.Load();
        Console.WriteLine();
        Console.WriteLine("| series | h | method | MASE | R's MASE | ratio to R |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- |");
        foreach (var file in references.Select(r => r.Series).Distinct())
        {
            var series = RepositoryData.Read(file);
            var horizon = references.First(r => r.Series == file).Horizon;
            var period = series.Frequency.SeasonalPeriod();
            var values = series.Values.ToArray();
            foreach (var method in methods)
            {
                var history = values[..^horizon];
                var forecast = method.Fit(new FitInput(history, period, horizon), CancellationToken.None).Model.PointForecast(history, horizon);
                var mase = AccuracyMetrics.Compute(values[^horizon..], forecast, AccuracyMetrics.MaseScale(history, period)).Mase!.Value;
                // R's file calls auto.arima auto_arima.
                var r = references.FirstOrDefault(r => r.Series == file && r.Method.Replace("auto_", "", StringComparison.Ordinal) == method.Name)?.Mase;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {Path.GetFileNameWithoutExtension(file)} | {horizon} | {method.Name} | {mase:F3} | {(r is { } x ? x.ToString("F3", CultureInfo.InvariantCulture) : "–")} | {(r is { } y ? (mase / y).ToString("F3", CultureInfo.InvariantCulture) : "–")} |"));
            }
        }
    }

    /// <summary>Mean MASE and sMAPE over series of the method's forecast of each series' last <paramref name="horizon"/> points.</summary>
    private static (double Mase, double Smape) Score(IStatisticalMethod method, IReadOnlyList<double[]> series, int horizon, int period, out double seconds)
    {
        var scores = new List<AccuracyMetrics>();
        var clock = new Stopwatch();
        foreach (var values in series)
        {
            var history = values[..^horizon];
            clock.Start();
            var forecast = method.Fit(new FitInput(history, period, horizon), CancellationToken.None).Model.PointForecast(history, horizon);
            clock.Stop();
            scores.Add(AccuracyMetrics.Compute(values[^horizon..], forecast, AccuracyMetrics.MaseScale(history, period)));
        }
        seconds = clock.Elapsed.TotalSeconds;
        return (scores.Average(s => s.Mase ?? double.NaN), scores.Average(s => s.Smape ?? double.NaN));
    }
}
