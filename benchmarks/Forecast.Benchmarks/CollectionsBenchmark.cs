using System.Diagnostics;
using System.Globalization;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
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
/// for the time to forecast a large collection; <c>loss</c>, <c>scale</c>, <c>perSeries</c> and <c>seasons</c> change how the network trains
/// (<see cref="Training"/>); <c>warm=true</c> measures a warm start instead (<see cref="RunWarm"/>); <c>parts=FILE</c> writes an
/// ensemble's component forecasts (<see cref="WriteParts"/>); any other <c>name=value</c> overrides a hyperparameter of
/// <see cref="Defaults"/>.
/// </remarks>
internal static class CollectionsBenchmark
{
    private static readonly (string Name, string File, int Horizon, Frequency Frequency)[] Sets =
        [("monthly", "tourism-monthly.csv", 24, Frequency.Monthly), ("quarterly", "tourism-quarterly.csv", 8, Frequency.Quarterly)];

    public static int Run(IReadOnlyList<string> args)
    {
        var options = BenchmarkOptions.Parse(args);
        var only = options.Remove("set", out var set) ? set : null;
        var onValidation = options.Remove("holdout", out var holdout) && holdout == "validation";
        var copies = options.Remove("replicate", out var replicate) ? int.Parse(replicate, CultureInfo.InvariantCulture) : 1;
        var training = Training(options);
        var parts = options.Remove("parts", out var partsFile) ? partsFile : null;
        if (options.Remove("warm", out var warm) && warm == "true")
        {
            return RunWarm(options, only);
        }
        Console.WriteLine($"| set | scored on | model MASE | sMAPE | R snaive | R ETS | R Theta | R auto.arima | our Theta | beats snaive | beats Theta | 80 % / 95 % coverage | MSIS 95 % | fallbacks | epochs (best) | windows | build s | forecast all s |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, file, horizon, frequency) in Sets.Where(s => only is null || s.Name == only))
        {
            var members = TourismCollection.Read(file)
                .Select(m => onValidation ? m with { Values = m.Values.Take(m.Values.Count - horizon).ToArray() } : m)
                .SelectMany(m => Enumerable.Range(1, copies).Select(k => k == 1 ? m : new GlobalMember($"{m.Key}#{k}", m.Values.Select(v => v * k).ToArray())))
                .ToList();
            var hp = Defaults(options, members, horizon, frequency);
            var watch = Stopwatch.StartNew();
            var built = CollectionModelBuilder.Build(members, hp, new EpochPrinter(), CancellationToken.None, options: training);
            var buildSeconds = watch.Elapsed.TotalSeconds;
            using var model = Forecast.Training.Methods.ForecastingMethods.RestoreCollection(built.Stored);
            var evaluation = built.Evaluation;
            var forecastCalls = ForecastAllSeconds(model, members, horizon);
            var forecastSeconds = forecastCalls.Order().ElementAt(1);
            var a = evaluation.Accuracy;
            var r = onValidation ? null : TourismReference.MeanMase($"tourism-{name}");
            string R(string method) => r is null ? "-" : F(r[method]);
            Console.WriteLine(
                $"| {name} | {(onValidation ? "validation" : "test")} | {F(a.Model.Mase)} | {F(a.Model.Smape)} | {R("snaive")} | {R("ets")} | {R("theta")} | {R("arima")} | {F(a.Theta.Mase)} | {a.ShareBeatingSeasonalNaive:P0} | {a.ShareBeatingTheta:P0} | {Coverage(evaluation)} | {F(evaluation.IntervalScores.FirstOrDefault(score => score.Level == 95)?.Msis)} | {evaluation.Fallbacks} | {built.EpochsRun} ({built.BestEpoch}) | {built.TrainingWindows} | {buildSeconds:F0} | {forecastSeconds:F2} ({members.Count} members) |");
            Console.WriteLine($"forecast all members, three calls: {string.Join(" / ", forecastCalls.Select(c => c.ToString("F2", CultureInfo.InvariantCulture)))} s");
            if (parts is not null && model is CollectionEnsemble ensemble)
            {
                WriteParts(parts, name, members, horizon, hp.SeasonalPeriod, ensemble);
            }
            if (built.Validation is { } scores)
            {
                Console.WriteLine($"validation mean MASE ({name}, the {horizon} points before each test tail): " +
                    string.Join(", ", scores.Select(v => $"{v.Method} {F(v.Mase)}")));
            }
        }
        return 0;
    }

    /// <summary>
    /// The seconds to forecast every member from the end of its history, three calls in order: the table shows their
    /// median, so that one call slowed by what training left behind (a garbage collection of its tensors' memory, say)
    /// does not stand for them all.
    /// </summary>
    private static double[] ForecastAllSeconds(ICollectionForecaster model, List<GlobalMember> members, int horizon)
    {
        var asked = members.Select(m => (m.Key, m.Values)).ToList();
        return [.. Enumerable.Range(0, 3).Select(_ =>
        {
            var watch = Stopwatch.StartNew();
            model.PointForecasts(asked, horizon);
            return watch.Elapsed.TotalSeconds;
        })];
    }

    /// <summary>
    /// Appends to <paramref name="file"/> every ensemble component's forecast of every member's scored tail, step by step,
    /// with the actual value and the member's MASE scale (<c>set,member,method,step,forecast,actual,scale</c>), so that other
    /// combinations of the same forecasts can be scored without training again: on the validation parts to choose one, then
    /// on the test tails once.
    /// </summary>
    private static void WriteParts(string file, string set, List<GlobalMember> members, int horizon, int period, CollectionEnsemble ensemble)
    {
        var histories = members.Select(m => (m.Key, (IReadOnlyList<double>)m.Values.Take(m.Values.Count - horizon).ToArray())).ToList();
        var each = ensemble.ComponentForecasts(histories, horizon);
        using var writer = new StreamWriter(file, append: true);
        for (var i = 0; i < members.Count; i++)
        {
            var scale = Forecast.Domain.Evaluation.AccuracyMetrics.MaseScale(histories[i].Item2, period);
            foreach (var (method, forecasts) in each)
            {
                for (var k = 0; k < horizon; k++)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{set},{members[i].Key},{method},{k + 1},{forecasts[i][k]:R},{members[i].Values[members[i].Values.Count - horizon + k]:R},{scale:R}"));
                }
            }
        }
    }

    /// <summary>
    /// Issue #13's warm start on a collection: yesterday's global model is trained on every member without its last h
    /// points; then every member whole (grown by h) is trained cold and warm from yesterday's model, with the service's
    /// defaults and early stopping, and both are scored on the test tails. The pooled validation losses compare only
    /// roughly: the warm run sees each member through yesterday's scaler, the cold run through one fitted on its longer
    /// training part.
    /// </summary>
    private static int RunWarm(Dictionary<string, string> options, string? only)
    {
        Console.WriteLine("| set | yesterday: epochs (best) | cold: epochs (best), validation loss | warm: epochs (best), validation loss | warm: first epoch at or below the cold's | warm / cold epochs | test MASE, cold | test MASE, warm |");
        Console.WriteLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, file, horizon, frequency) in Sets.Where(s => only is null || s.Name == only))
        {
            var members = TourismCollection.Read(file);
            var yesterday = members.Select(m => m with { Values = m.Values.Take(m.Values.Count - horizon).ToArray() }).ToList();
            var hp = Defaults(options, [.. members], horizon, frequency);
            var start = CollectionModelBuilder.Build(yesterday, hp, new EpochPrinter(), CancellationToken.None);
            var (coldLosses, warmLosses) = (new EpochPrinter(), new EpochPrinter());
            var cold = CollectionModelBuilder.Build(members, hp, coldLosses, CancellationToken.None);
            var warm = CollectionModelBuilder.Build(members, hp, warmLosses, CancellationToken.None, warmStart: GlobalWarmStart.From(start.Artifact!));
            var best = coldLosses.Losses[cold.BestEpoch - 1];
            var reached = warmLosses.Losses.FindIndex(loss => loss <= best) is var index and >= 0 ? index + 1 : (int?)null;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {start.EpochsRun} ({start.BestEpoch}) | {cold.EpochsRun} ({cold.BestEpoch}), {best:G4} | {warm.EpochsRun} ({warm.BestEpoch}), {(warm.BestEpoch > 0 ? warmLosses.Losses[warm.BestEpoch - 1] : double.NaN):G4} | {reached?.ToString(CultureInfo.InvariantCulture) ?? "never"} | {(reached is { } r ? ((double)r / cold.BestEpoch).ToString("F2", CultureInfo.InvariantCulture) : "-")} | {F(cold.Evaluation.Accuracy.Model.Mase)} | {F(warm.Evaluation.Accuracy.Model.Mase)} |"));
        }
        return 0;
    }

    /// <summary>
    /// The service's own defaults for a collection run (<see cref="HyperparameterResolver.ResolveForCollection"/>), with
    /// the test tail at the competition's horizon and seed 1; every field may be overridden from the command line by name.
    /// </summary>
    private static Hyperparameters Defaults(Dictionary<string, string> options, List<GlobalMember> members, int horizon, Frequency frequency)
    {
        int? Int(string key) => options.TryGetValue(key, out var v) ? int.Parse(v, CultureInfo.InvariantCulture) : null;
        double? Double(string key) => options.TryGetValue(key, out var v) ? double.Parse(v, CultureInfo.InvariantCulture) : null;
        var shortest = members.MinBy(m => m.Values.Count)!;
        var shape = new CollectionShape(frequency, members.Count, shortest.Key, shortest.Values.Count, members.Max(m => m.Values.Count));
        var resolver = new HyperparameterResolver(new HyperparameterBounds());
        var method = options.GetValueOrDefault("method");
        if (method is not (null or Hyperparameters.NetworkMethod or Hyperparameters.EnsembleMethod))
        {
            // A statistical method (method=ets, for its intervals beside the network's) takes only the test tail and season.
            return resolver.ResolveStatisticalForCollection(
                new HyperparameterRequest(TestSize: horizon, SeasonalPeriod: Int("seasonalPeriod")), shape, method).Hyperparameters;
        }
        var request = new HyperparameterRequest(
            Lookback: Int("lookback"), HiddenSize: Int("hiddenSize"), Layers: Int("layers"), Dropout: Double("dropout"),
            Epochs: Int("epochs"), BatchSize: Int("batchSize"), LearningRate: Double("learningRate"),
            ValidationFraction: Double("validationFraction"), TestSize: horizon, Seed: Int("seed") ?? 1,
            EarlyStoppingPatience: Int("earlyStoppingPatience"), Transform: options.GetValueOrDefault("transform"),
            SeasonalPeriod: Int("seasonalPeriod"), EnsembleSize: Int("ensembleSize"), WindowsPerEpoch: Int("windowsPerEpoch"));
        return method == Hyperparameters.EnsembleMethod
            ? resolver.ResolveEnsembleForCollection(request, shape, () => 1).Hyperparameters
            : resolver.ResolveForCollection(request, shape, () => 1).Hyperparameters;
    }

    /// <summary>
    /// The service's <see cref="GlobalTrainingOptions.Default"/>, or <c>loss=absolute|squared</c>, <c>scale=level|range|seasonal</c>,
    /// <c>perSeries=N</c> windows of each member per epoch and <c>seasons=indices|stl</c>.
    /// </summary>
    private static GlobalTrainingOptions Training(Dictionary<string, string> options)
    {
        var defaults = GlobalTrainingOptions.Default;
        return new GlobalTrainingOptions(
            options.Remove("loss", out var loss) ? Enum.Parse<Forecast.Training.Lstm.TrainingLoss>(loss == "squared" ? "MeanSquared" : "Absolute") : defaults.Loss,
            options.Remove("scale", out var scale) ? scale switch { "range" => MemberScale.Range, "seasonal" => MemberScale.SeasonalDifferences, _ => MemberScale.Level } : defaults.Scale,
            options.Remove("perSeries", out var perSeries) ? int.Parse(perSeries, CultureInfo.InvariantCulture) : defaults.WindowsPerSeries,
            options.Remove("seasons", out var seasons) ? seasons == "stl" : defaults.EvolvingSeasons);
    }

    private static string F(double? value) => value?.ToString("F3", CultureInfo.InvariantCulture) ?? "-";

    private static string Coverage(CollectionEvaluation evaluation) =>
        evaluation.Coverage.Count == 0 ? "-" : string.Join(" / ", evaluation.Coverage.Select(c => c.Coverage.ToString("P0", CultureInfo.InvariantCulture)));

    /// <summary>Prints each epoch's losses, and keeps the validation losses.</summary>
    private sealed class EpochPrinter : Forecast.Training.Lstm.ITrainingObserver
    {
        public List<double> Losses { get; } = [];

        public void OnEpoch(Forecast.Training.Lstm.EpochReport report, Func<Forecast.Training.Lstm.TrainingCheckpoint> checkpoint)
        {
            Losses.Add(report.ValidationLoss ?? double.NaN);
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"epoch {report.Epoch}: train {report.TrainLoss:G4}, validation {report.ValidationLoss:G4}, {report.Elapsed.TotalSeconds:F1} s"));
        }
    }
}

/// <summary>A tourism collection from data/ (long format series,date,value), each member whole.</summary>
internal static class TourismCollection
{
    public static IReadOnlyList<GlobalMember> Read(string file) =>
        RepositoryData.Lines(file).Skip(1).Where(line => line.Length > 0)
            .Select(line => line.Split(','))
            .GroupBy(f => f[0])
            .OrderBy(g => g.Key, StringComparer.Ordinal)
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
