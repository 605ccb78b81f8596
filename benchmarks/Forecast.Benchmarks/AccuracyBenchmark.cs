using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training;
using Forecast.Training.Collections;
using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;

namespace Forecast.Benchmarks;

/// <summary>
/// Trains the service's default configuration (a client's <c>{}</c> plus <c>testSize = h</c>) on the
/// four single series in data/ and prints, as a markdown table, its multi-step MASE beside R's seasonal naive, ETS
/// and auto.arima on the same held-out tail, the training time and the intervals' coverage.
/// </summary>
/// <remarks>
/// Arguments: <c>seeds=1,2,3</c> repeats every data set per seed (default 1); <c>only=nottem,air</c> keeps
/// the data sets whose name contains one of these; <c>core=global</c> trains each series as a collection of one instead
/// (<see cref="AsCollectionOfOne"/>); any other <c>name=value</c> is a hyperparameter (JSON value), for
/// measuring alternatives to the defaults: <c>accuracy learningRate=0.01 transform="none"</c>. With several
/// seeds a further row per data set scores the mean of the seeds' forecasts: what an ensemble of that
/// many seeds would score, at that many times the training time.
/// </remarks>
internal static class AccuracyBenchmark
{
    private static readonly string[] DataSets =
        ["airpassengers.csv", "nottem.csv", "seattle-precipitation-monthly.csv", "seattle-precipitation-daily.csv"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static int Run(IReadOnlyList<string> args)
    {
        var options = BenchmarkOptions.Parse(args);
        var seeds = options.Remove("seeds", out var s) ? s.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray() : [1];
        var only = options.Remove("only", out var o) ? o.Split(',') : [""];
        var collectionOfOne = options.Remove("core", out var core) && core == "global";
        var references = RReference.Load();
        var resolver = new HyperparameterResolver(new HyperparameterBounds());
        var rows = new List<string>();
        var notes = new List<string>();
        var overall = Stopwatch.StartNew();

        foreach (var file in DataSets.Where(f => only.Any(name => f.Contains(name, StringComparison.Ordinal))))
        {
            var series = RepositoryData.Read(file);
            var reference = references.Where(r => r.Series == file).ToDictionary(r => r.Method, r => r.Mase);
            var horizon = references.First(r => r.Series == file).Horizon;
            var forecasts = new List<IReadOnlyList<double>>();
            var totalSeconds = 0.0;
            var period = 1;
            foreach (var seed in seeds.Where(_ => collectionOfOne))
            {
                var (mase, predicted, epochs, seconds, coverage, seasonalPeriod) = AsCollectionOfOne(series, file, horizon, seed, resolver);
                forecasts.Add(predicted);
                totalSeconds += seconds;
                period = seasonalPeriod;
                rows.Add(ScoreRow(reference, $"{Path.GetFileNameWithoutExtension(file)} (a collection of one)", series.Count.ToString(CultureInfo.InvariantCulture),
                    horizon.ToString(CultureInfo.InvariantCulture), "per member", epochs, mase, "", seconds, Percent(coverage, 80), Percent(coverage, 95)));
            }
            foreach (var seed in seeds.Where(_ => !collectionOfOne))
            {
                var hp = resolver.Resolve(Request(options, horizon, seed), series, () => seed).Hyperparameters;
                period = hp.SeasonalPeriod;
                var watch = Stopwatch.StartNew();
                var built = ForecastModelBuilder.Build(series.Values, hp, SilentObserver.Instance, CancellationToken.None);
                var seconds = watch.Elapsed.TotalSeconds;
                totalSeconds += seconds;
                var e = built.Evaluation;
                forecasts.Add(e.MultiStep.Predicted);
                var mase = e.MultiStep.Metrics.Mase!.Value;
                var coverage = e.Coverage.ToDictionary(c => c.Level);
                rows.Add(ScoreRow(reference, Path.GetFileNameWithoutExtension(file), series.Count.ToString(CultureInfo.InvariantCulture),
                    horizon.ToString(CultureInfo.InvariantCulture), built.Artifact!.Transform.ToString(), $"{built.EpochsRun} ({built.BestEpoch})",
                    mase, F(e.OneStep.Metrics.Mase!.Value), seconds, Percent(coverage, 80), Percent(coverage, 95)));
                notes.Add($"{file} (seed {seed}; lookback {hp.Lookback}): {string.Join(" ", built.Choices)}");
                Console.Error.WriteLine($"{file} seed {seed}: {built.Artifact!.Transform}, MASE {F(mase)} in {seconds:F1} s");
            }
            if (seeds.Length > 1)
            {
                var history = series.Values.Take(series.Count - horizon).ToArray();
                var mean = Enumerable.Range(0, horizon).Select(h => forecasts.Average(f => f[h])).ToArray();
                var ensemble = AccuracyMetrics.Compute(series.Values.Skip(history.Length).ToArray(), mean, AccuracyMetrics.MaseScale(history, period)).Mase!.Value;
                rows.Add(ScoreRow(reference, $"{Path.GetFileNameWithoutExtension(file)}: mean of {seeds.Length} seeds' forecasts", "", "", "", "",
                    ensemble, "", totalSeconds, "", ""));
            }
        }

        var table = new StringBuilder()
            .AppendLine(Row("series", "n", "h", "transform", "epochs (best)", "MASE", "one-step MASE", "R snaive", "R ETS", "R auto.arima",
                "beats snaive", "vs ETS", "train s", "80 % covered (width)", "95 % covered (width)"))
            .AppendLine(Row(Enumerable.Repeat("---", 15).ToArray()));
        rows.ForEach(r => table.AppendLine(r));
        Console.WriteLine(table);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total {overall.Elapsed.TotalSeconds:F0} s; hyperparameters beyond the defaults: {(options.Count == 0 ? "none" : string.Join(", ", options.Select(p => $"{p.Key}={p.Value}")))}"));
        Console.WriteLine();
        notes.ForEach(n => Console.WriteLine($"- {n}"));
        return 0;
    }

    /// <summary>
    /// The series trained by the global network as a collection of one (issue #25's "one core for both paths"): the
    /// collection defaults with the test tail at h, validated on the h points before it, scored as the other rows.
    /// </summary>
    private static (double Mase, double[] Predicted, string Epochs, double Seconds, Dictionary<double, IntervalCoverage> Coverage, int Period) AsCollectionOfOne(
        Forecast.Domain.Series.RegularSeries series, string name, int horizon, int seed, HyperparameterResolver resolver)
    {
        var shape = new CollectionShape(series.Frequency, 1, name, series.Count, series.Count);
        var hp = resolver.ResolveForCollection(new HyperparameterRequest(TestSize: horizon, Seed: seed), shape, () => seed).Hyperparameters;
        var watch = Stopwatch.StartNew();
        var built = CollectionModelBuilder.Build([new GlobalMember(name, series.Values)], hp, SilentObserver.Instance, CancellationToken.None);
        var seconds = watch.Elapsed.TotalSeconds;
        var member = built.Evaluation.Members.Single().Score;
        Console.Error.WriteLine($"{name} seed {seed} as a collection of one: MASE {F(built.Evaluation.Accuracy.Model.Mase!.Value)} in {seconds:F1} s");
        return (built.Evaluation.Accuracy.Model.Mase!.Value, [.. member.Predicted], $"{built.EpochsRun} ({built.BestEpoch})", seconds,
            built.Evaluation.Coverage.ToDictionary(c => c.Level), hp.SeasonalPeriod);
    }

    private static HyperparameterRequest Request(Dictionary<string, string> overrides, int horizon, int seed)
    {
        var json = new JsonObject { ["testSize"] = horizon, ["seed"] = seed };
        foreach (var (name, value) in overrides)
        {
            json[name] = JsonNode.Parse(value);
        }
        return json.Deserialize<HyperparameterRequest>(Json)!;
    }

    private static string Row(params string[] cells) => $"| {string.Join(" | ", cells)} |";

    /// <summary>A table row: the model's description, its MASE beside R's, the verdicts, the time and the coverage.</summary>
    private static string ScoreRow(
        Dictionary<string, double> reference, string series, string n, string h, string transform, string epochs,
        double mase, string oneStepMase, double seconds, string covered80, string covered95) =>
        Row(series, n, h, transform, epochs, F(mase), oneStepMase, F(reference["snaive"]), F(reference["ets"]), F(reference["auto_arima"]),
            mase < reference["snaive"] ? "yes" : "**no**",
            $"{(mase / reference["ets"] - 1) * 100:+0;-0;0} %",
            seconds.ToString("F1", CultureInfo.InvariantCulture), covered80, covered95);

    private static string F(double value) => value.ToString("0.000", CultureInfo.InvariantCulture);

    /// <summary>Coverage and, in brackets, the mean width of the intervals at <paramref name="level"/>.</summary>
    private static string Percent(Dictionary<double, IntervalCoverage> coverage, double level) =>
        coverage.TryGetValue(level, out var c) ? string.Create(CultureInfo.InvariantCulture, $"{c.Coverage * 100:0} % ({c.MeanWidth:0.#})") : "n/a";
}
