using System.Diagnostics;
using System.Globalization;
using Forecast.Domain.Runs;
using Forecast.Training.Collections;

namespace Forecast.Benchmarks;

/// <summary>
/// Trains the global model on the tourism competition's monthly (366 series, h = 24) and quarterly (427 series, h = 8)
/// sets and prints, per set, its mean MASE and sMAPE beside R's seasonal naive, ETS, Theta and auto.arima on the same
/// tails (data/reference/tourism-r-forecast.csv), with the training time and the time to forecast every member.
/// </summary>
/// <remarks>
/// Arguments: <c>set=monthly</c> or <c>set=quarterly</c> (default both); <c>holdout=validation</c> scores on the h points
/// before each test tail instead (the test tail is cut off first), which is how the defaults are chosen without
/// looking at the test tails; <c>replicate=4</c> makes each member four (scaled 1, 2, 3, 4 times, keys <c>M1#2</c>...),
/// for the time to forecast a large collection; any other <c>name=value</c> overrides a hyperparameter of
/// <see cref="Defaults"/>.
/// </remarks>
internal static class CollectionsBenchmark
{
    private static readonly (string Name, string File, int Horizon, int Period)[] Sets =
        [("monthly", "tourism-monthly.csv", 24, 12), ("quarterly", "tourism-quarterly.csv", 8, 4)];

    public static int Run(IReadOnlyList<string> args)
    {
        var options = args.Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        var only = options.Remove("set", out var set) ? set : null;
        var onValidation = options.Remove("holdout", out var holdout) && holdout == "validation";
        var copies = options.Remove("replicate", out var replicate) ? int.Parse(replicate, CultureInfo.InvariantCulture) : 1;
        var training = new GlobalTrainingOptions(
            options.Remove("windowsPerEpoch", out var w) ? int.Parse(w, CultureInfo.InvariantCulture) : null,
            RelativeWindows: !options.Remove("relative", out var relative) || relative != "false");
        Console.WriteLine($"| set | scored on | model MASE | sMAPE | R snaive | R ETS | R Theta | R auto.arima | our Theta | beats snaive | beats Theta | fallbacks | epochs (best) | windows | train s | evaluate s | forecast all s |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, file, horizon, period) in Sets.Where(s => only is null || s.Name == only))
        {
            var members = TourismCollection.Read(file)
                .Select(m => onValidation ? m with { Values = m.Values.Take(m.Values.Count - horizon).ToArray() } : m)
                .SelectMany(m => Enumerable.Range(1, copies).Select(k => k == 1 ? m : new GlobalMember($"{m.Key}#{k}", m.Values.Select(v => v * k).ToArray())))
                .ToList();
            var hp = Defaults(options, horizon, period);
            var watch = Stopwatch.StartNew();
            var trained = GlobalTrainer.Train(members, hp, training, new EpochPrinter(), CancellationToken.None);
            var trainSeconds = watch.Elapsed.TotalSeconds;
            using var model = new GlobalModel(trained.Artifact);
            watch.Restart();
            var evaluation = CollectionEvaluator.Evaluate(model, members, horizon);
            var evaluateSeconds = watch.Elapsed.TotalSeconds;
            watch.Restart();
            model.ForecastAll(members.Select(m => (m.Key, m.Values)).ToList(), horizon);
            var forecastSeconds = watch.Elapsed.TotalSeconds;
            var a = evaluation.Accuracy;
            var r = onValidation ? null : TourismReference.MeanMase($"tourism-{name}");
            string R(string method) => r is null ? "-" : F(r[method]);
            Console.WriteLine(
                $"| {name} | {(onValidation ? "validation" : "test")} | {F(a.Model.Mase)} | {F(a.Model.Smape)} | {R("snaive")} | {R("ets")} | {R("theta")} | {R("arima")} | {F(a.Theta.Mase)} | {a.ShareBeatingSeasonalNaive:P0} | {a.ShareBeatingTheta:P0} | {evaluation.Fallbacks.Count} | {trained.EpochsRun} ({trained.BestEpoch}) | {trained.TrainingWindows} | {trainSeconds:F0} | {evaluateSeconds:F1} | {forecastSeconds:F2} ({members.Count} members) |");
        }
        return 0;
    }

    /// <summary>The global configuration measured here; every name may be overridden from the command line.</summary>
    private static Hyperparameters Defaults(Dictionary<string, string> options, int horizon, int period)
    {
        int Int(string key, int value) => options.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : value;
        double Double(string key, double value) => options.TryGetValue(key, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : value;
        return new Hyperparameters(
            Lookback: Int("lookback", 3 * period),
            HiddenSize: Int("hiddenSize", 32),
            Layers: Int("layers", 1),
            Dropout: Double("dropout", 0),
            Epochs: Int("epochs", 50),
            BatchSize: Int("batchSize", 512),
            LearningRate: Double("learningRate", 0.005),
            ValidationFraction: Double("validationFraction", 0.2),
            TestSize: horizon,
            Seed: Int("seed", 1),
            Transform: options.TryGetValue("transform", out var t) ? TransformChoice.Parse(t) : TransformChoice.Auto,
            EarlyStoppingPatience: Int("patience", 10),
            SeasonalPeriod: period,
            EnsembleSize: Int("ensembleSize", 1));
    }

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);

    private sealed class EpochPrinter : Forecast.Training.Lstm.ITrainingObserver
    {
        public void OnEpoch(Forecast.Training.Lstm.EpochReport report, Func<Forecast.Training.Lstm.TrainingCheckpoint> checkpoint) =>
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {report.Epoch}: train {report.TrainLoss:G4}, validation {report.ValidationLoss:G4}, {report.Elapsed.TotalSeconds:F1} s"));
    }
}

/// <summary>A tourism collection from data/ (long format series,date,value), each member whole.</summary>
internal static class TourismCollection
{
    public static IReadOnlyList<GlobalMember> Read(string file) =>
        RepositoryData.Lines(file).Skip(1).Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .GroupBy(f => f[0])
            .Select(g => new GlobalMember(g.Key, g.Select(f => double.Parse(f[2], CultureInfo.InvariantCulture)).ToArray()))
            .ToList();
}

/// <summary>Means over series of R's MASE per method, from data/reference/tourism-r-forecast.csv.</summary>
internal static class TourismReference
{
    public static IReadOnlyDictionary<string, double> MeanMase(string collection) =>
        RepositoryData.Reference("tourism-r-forecast.csv").Skip(1).Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .Where(f => f[0] == collection)
            .GroupBy(f => f[2])
            .ToDictionary(g => g.Key, g => g.Average(f => double.Parse(f[6], CultureInfo.InvariantCulture)));
}
