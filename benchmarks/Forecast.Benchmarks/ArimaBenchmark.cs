using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CsvHelper;
using Forecast.Domain.Evaluation;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Arima;

namespace Forecast.Benchmarks;

/// <summary>
/// Fits the <c>arima</c> method to every tourism series' history (everything before its last h = 24 / 8 points),
/// forecasts the test tail and prints, per set, the mean MASE beside R's auto.arima on the same tails
/// (data/reference/tourism-r-scores.csv), the share of series given R's exact model (orders and constant,
/// data/reference/tourism-r-models.csv) and R's differences, and the time per series beside R's
/// (data/reference/tourism-r-timing.txt: monthly only).
/// </summary>
/// <remarks>
/// Arguments: <c>set=monthly</c> or <c>set=quarterly</c> (default both); <c>limit=N</c> fits the first N series of each
/// set only; <c>list=true</c> prints every series whose model differs from R's.
/// </remarks>
internal static class ArimaBenchmark
{
    private static readonly (string Name, string File, int Horizon, int Period)[] Sets =
        [("monthly", "tourism-monthly.csv", 24, 12), ("quarterly", "tourism-quarterly.csv", 8, 4)];

    /// <summary>R 4.2.2's auto.arima on tourism monthly, one core of this machine (tourism-r-timing.txt).</summary>
    private const double RSecondsPerMonthlySeries = 0.730;

    public static int Run(IReadOnlyList<string> args)
    {
        var options = BenchmarkOptions.Parse(args);
        var only = options.GetValueOrDefault("set");
        var limit = options.TryGetValue("limit", out var l) ? int.Parse(l, CultureInfo.InvariantCulture) : int.MaxValue;
        var list = options.GetValueOrDefault("list") == "true";
        var scores = RArima.Scores();
        var models = RArima.Models();
        var method = new ArimaMethod();
        var differing = new List<string>();

        Console.WriteLine("| set | series | MASE | R auto.arima MASE | ratio | R's model | R's d and D | fallbacks | s per series | R s per series |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, file, horizon, period) in Sets.Where(s => only is null || s.Name == only))
        {
            var members = TourismCollection.Read(file).OrderBy(m => int.Parse(m.Key[1..], CultureInfo.InvariantCulture)).Take(limit).ToList();
            double ours = 0, theirs = 0, seconds = 0;
            int sameModel = 0, sameDifferences = 0, fallbacks = 0;
            foreach (var member in members)
            {
                var history = member.Values.Take(member.Values.Count - horizon).ToArray();
                var actual = member.Values.Skip(history.Length).ToArray();
                var watch = Stopwatch.StartNew();
                var fitted = method.Fit(new FitInput(history, period, horizon), CancellationToken.None);
                var forecast = fitted.Model.PointForecast(history, horizon);
                seconds += watch.Elapsed.TotalSeconds;

                ours += AccuracyMetrics.Compute(actual, forecast, AccuracyMetrics.MaseScale(history, period)).Mase ?? double.NaN;
                theirs += scores[member.Key];
                var model = Model.Of(fitted.State);
                var reference = models[member.Key];
                sameModel += model.Label == reference.Label ? 1 : 0;
                sameDifferences += model.Differences == reference.Differences ? 1 : 0;
                fallbacks += fitted.Choices[0].StartsWith("Fallback", StringComparison.Ordinal) ? 1 : 0;
                if (model.Label != reference.Label)
                {
                    differing.Add($"{member.Key}: R {reference.Label}, ours {model.Label}");
                }
            }
            var count = members.Count;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {count} | {ours / count:F3} | {theirs / count:F3} | {ours / theirs:F3} | {sameModel * 100.0 / count:F0} % | {sameDifferences * 100.0 / count:F0} % | {fallbacks} | {seconds / count:F3} | {(name == "monthly" ? RSecondsPerMonthlySeries.ToString("F3", CultureInfo.InvariantCulture) : "-")} |"));
        }
        if (list)
        {
            Console.WriteLine();
            differing.ForEach(d => Console.WriteLine($"- {d}"));
        }
        return 0;
    }

    /// <summary>A model as R's forecast package prints it, ARIMA(3,0,2)(1,1,0)[12] with drift, and its (d, D).</summary>
    private sealed record Model(string Label, (int D, int SeasonalD) Differences)
    {
        /// <summary>From the method's stored state: orders, season and constant.</summary>
        public static Model Of(JsonElement state)
        {
            var order = state.GetProperty("order").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var seasonal = state.GetProperty("seasonalOrder").EnumerateArray().Select(e => e.GetInt32()).ToArray();
            var period = state.GetProperty("period").GetInt32();
            var label = $"ARIMA({order[0]},{order[1]},{order[2]})";
            if (seasonal.Any(o => o != 0))
            {
                label += $"({seasonal[0]},{seasonal[1]},{seasonal[2]})[{period}]";
            }
            return new Model(label + (state.GetProperty("constant").GetString() == "drift" ? " with drift" : ""), (order[1], seasonal[1]));
        }
    }

    /// <summary>R's auto.arima on the tourism sets: its MASE per series and its model per series.</summary>
    private static class RArima
    {
        public static Dictionary<string, double> Scores() =>
            Rows("tourism-r-scores.csv", r => (Key: r.GetField(1)!, Method: r.GetField(2)!, Mase: r.GetField<double>(3)))
                .Where(r => r.Method == "arima")
                .ToDictionary(r => r.Key, r => r.Mase);

        public static Dictionary<string, Model> Models() =>
            Rows("tourism-r-models.csv", r => (Key: r.GetField(1)!, Arima: r.GetField(9)!, Drift: r.GetField(10) == "TRUE"))
                .ToDictionary(r => r.Key, r =>
                {
                    var orders = r.Arima.Where(char.IsAsciiDigit).Select(c => c - '0').ToArray();
                    return new Model(r.Arima + (r.Drift ? " with drift" : ""), (orders[1], orders.Length > 3 ? orders[4] : 0));
                });

        private static List<T> Rows<T>(string file, Func<CsvReader, T> read) => RepositoryData.ReferenceRows(file, read);
    }
}
