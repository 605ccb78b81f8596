using System.Diagnostics;
using System.Globalization;
using CsvHelper;
using Forecast.Domain.Evaluation;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Ets;

namespace Forecast.Benchmarks;

/// <summary>
/// Fits the ets method to every tourism series' history (all but its last h = 24 monthly, 8 quarterly points), forecasts the
/// test tail and prints, per set, the mean MASE beside R's ets() on the same tails (data/reference/tourism-r-scores.csv), the
/// share of series where the chosen form is R's (tourism-r-models.csv), and the fitting time per series on one thread beside
/// R's 0.523 s (tourism-r-timing.txt).
/// </summary>
/// <remarks>
/// Arguments: <c>set=monthly</c> or <c>set=quarterly</c> (default both); <c>first=50</c> keeps the first 50 series of each set,
/// for a quick look. MASE's scale is the history's in-sample seasonal-naive MAE, as R's scores have it.
/// </remarks>
internal static class EtsBenchmark
{
    private const double RSecondsPerSeries = 0.523;

    private static readonly (string Name, string File, int Horizon, int Period)[] Sets =
        [("monthly", "tourism-monthly.csv", 24, 12), ("quarterly", "tourism-quarterly.csv", 8, 4)];

    public static int Run(IReadOnlyList<string> args)
    {
        var options = BenchmarkOptions.Parse(args);
        var only = options.GetValueOrDefault("set");
        var first = options.TryGetValue("first", out var f) ? int.Parse(f, CultureInfo.InvariantCulture) : int.MaxValue;
        var rForms = ReadR("tourism-r-models.csv", r => (Key: r.GetField("series")!, Value: r.GetField("ets")!)).ToDictionary(r => r.Key, r => r.Value);
        var rMase = ReadR("tourism-r-scores.csv", r => (Key: r.GetField("series")!, Method: r.GetField("method")!, Mase: r.GetField("mase")!))
            .Where(r => r.Method == "ets")
            .ToDictionary(r => r.Key, r => double.Parse(r.Mase, CultureInfo.InvariantCulture));
        var method = new EtsMethod();

        Console.WriteLine("| set | series | our mean MASE | R's ETS mean MASE | ratio | same form as R | fallbacks | fit s per series (one thread) | R's s per series / ours |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, file, horizon, period) in Sets.Where(s => only is null || s.Name == only))
        {
            var members = TourismCollection.Read(file).Take(first).ToList();
            double ourMase = 0, theirMase = 0, fitSeconds = 0;
            int scored = 0, sameForm = 0, fallbacks = 0;
            var forms = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var member in members)
            {
                var history = member.Values.Take(member.Values.Count - horizon).ToArray();
                var actual = member.Values.Skip(history.Length).ToArray();
                var watch = Stopwatch.StartNew();
                var fitted = method.Fit(new FitInput(history, period, horizon), CancellationToken.None);
                fitSeconds += watch.Elapsed.TotalSeconds;
                var form = fitted.State.GetProperty("form").GetString()!;
                sameForm += form == rForms[member.Key] ? 1 : 0;
                fallbacks += fitted.State.GetProperty("fallback").ValueKind == System.Text.Json.JsonValueKind.String ? 1 : 0;
                forms[$"{rForms[member.Key]} -> {form}"] = forms.GetValueOrDefault($"{rForms[member.Key]} -> {form}") + 1;
                var forecast = fitted.Model.PointForecast(history, horizon);
                if (AccuracyMetrics.Compute(actual, forecast, AccuracyMetrics.MaseScale(history, period)).Mase is double mase)
                {
                    ourMase += mase;
                    theirMase += rMase[member.Key];
                    scored++;
                }
            }
            ourMase /= scored;
            theirMase /= scored;
            var perSeries = fitSeconds / members.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {members.Count} | {ourMase:F3} | {theirMase:F3} | {ourMase / theirMase:F3} | {(double)sameForm / members.Count:P1} | {fallbacks} | {perSeries:F4} | {RSecondsPerSeries / perSeries:F1}x |"));
            foreach (var (change, count) in forms.Where(p => p.Key.Split(" -> ") is var pair && pair[0] != pair[1]).OrderByDescending(p => p.Value))
            {
                Console.Error.WriteLine($"  {name}: R {change}: {count}");
            }
        }
        return 0;
    }

    private static List<T> ReadR<T>(string file, Func<CsvReader, T> read) => RepositoryData.ReferenceRows(file, read);
}
