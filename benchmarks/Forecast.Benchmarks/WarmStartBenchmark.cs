using System.Globalization;
using System.Text;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training;
using Forecast.Training.Lstm;

namespace Forecast.Benchmarks;

/// <summary>
/// Issue #13's warm start, measured: each single series in data/ is trained with the service's defaults without its last
/// h points (a model of yesterday's data); then, on the whole series (the data grown by h new observations), a cold run
/// from random weights and a warm run from yesterday's model train the same configuration. The table gives the epoch at
/// which the cold run reached its lowest validation loss, the first epoch at which the warm run reached that loss (the
/// issue's criterion), and the first at which it came within 5 % of it.
/// Both run every epoch (no early stopping), so neither stops before the other could catch up. Writes docs/warm-start.md.
/// </summary>
/// <remarks>Arguments: <c>seeds=1,2,3</c> (default 1,2,3).</remarks>
internal static class WarmStartBenchmark
{
    private static readonly (string File, int Horizon)[] DataSets =
        [("airpassengers.csv", 12), ("nottem.csv", 12), ("seattle-precipitation-monthly.csv", 12), ("seattle-precipitation-daily.csv", 28)];

    public static int Run(IReadOnlyList<string> args)
    {
        var options = args.Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
        var seeds = options.TryGetValue("seeds", out var s) ? s.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray() : [1, 2, 3];
        var only = options.TryGetValue("only", out var o) ? o.Split(',') : [""];
        double? learningRate = options.TryGetValue("warmLearningRate", out var l) ? double.Parse(l, CultureInfo.InvariantCulture) : null;
        var resolver = new HyperparameterResolver(new HyperparameterBounds());
        var table = new StringBuilder()
            .AppendLine("| series | seed | epochs | transform | cold: lowest validation loss (epoch) | warm: first epoch at or below it | warm / cold epochs | warm: first epoch within 5 % | warm at epoch 1 |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var ratios = new List<double>();
        foreach (var (file, horizon) in DataSets.Where(d => only.Any(name => d.File.Contains(name, StringComparison.Ordinal))))
        {
            var whole = RepositoryData.Read(file);
            var yesterday = whole with { Values = whole.Values.Take(whole.Count - horizon).ToArray() };
            foreach (var seed in seeds)
            {
                var (cold, warm, hp) = Measure(resolver, yesterday, whole, horizon, seed, learningRate);
                var (best, bestEpoch) = cold.Select((loss, i) => (loss, i + 1)).MinBy(p => p.loss);
                var reached = warm.FindIndex(loss => loss <= best) + 1;
                var near = warm.FindIndex(loss => loss <= best * 1.05) + 1;
                var ratio = reached > 0 ? (double)reached / bestEpoch : double.NaN;
                ratios.Add(reached > 0 ? ratio : 1);
                table.AppendLine(CultureInfo.InvariantCulture,
                    $"| {Path.GetFileNameWithoutExtension(file)} | {seed} | {hp.Epochs} | {hp.Transform} | {best:G4} ({bestEpoch}) | {(reached > 0 ? reached.ToString(CultureInfo.InvariantCulture) : "never")} | {(reached > 0 ? ratio.ToString("F2", CultureInfo.InvariantCulture) : "-")} | {(near > 0 ? near.ToString(CultureInfo.InvariantCulture) : "never")} | {warm[0]:G4} |");
                Console.Error.WriteLine($"{file} seed {seed}: cold best {best:G4} at {bestEpoch}, warm reached it at {reached}");
            }
        }
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Warm runs needed {ratios.Average():P0} of the cold runs' epochs on average (median {ratios.Order().ElementAt(ratios.Count / 2):P0}; a run that never got there counts as 100 %).");
        Console.Write(table);
        Console.WriteLine(summary);
        File.WriteAllText(RepositoryData.InRepository("docs/warm-start.md"), $"""
            # Warm starts, measured

            `dotnet run -c Release --project benchmarks/Forecast.Benchmarks -- warmstart` on {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores.
            Each series is trained with the service's defaults (a client's request with only `testSize` = h) without its last h points, as a model of yesterday's
            data; then the whole series, grown by h observations, is trained twice with the same configuration: cold, from random weights,
            and warm, from yesterday's model (`warmStartFrom`: its weights and its scaler). Both run every epoch, without early stopping.
            Validation losses are MSE on the cold run's scaled validation part (the warm run's, on yesterday's scaler, are rescaled to it),
            so within a row they compare; across rows they do not.

            {table}
            {summary}

            """);
        return 0;
    }

    private static (List<double> Cold, List<double> Warm, Hyperparameters Hp) Measure(
        HyperparameterResolver resolver, RegularSeries yesterday, RegularSeries whole, int horizon, int seed, double? warmLearningRate)
    {
        var hp = resolver.Resolve(new HyperparameterRequest(TestSize: horizon, Seed: seed), yesterday, () => seed).Hyperparameters;
        // The first model chooses its transform as the service does; the warm run keeps it, and so does the cold one to compare.
        var transform = hp.Transform.Pipeline ?? ForecastModelBuilder.ChooseTransform(yesterday.Values, hp, [], CancellationToken.None);
        hp = hp with { Transform = TransformChoice.Of(transform), EarlyStoppingPatience = null };
        var first = LstmTrainer.Train(yesterday.Values, hp, SilentObserver.Instance, CancellationToken.None);
        var cold = new ValidationLosses();
        var coldScaler = LstmTrainer.Train(whole.Values, hp, cold, CancellationToken.None).Artifact.Scaler;
        var warm = new ValidationLosses();
        LstmTrainer.Train(whole.Values, hp with { LearningRate = warmLearningRate ?? hp.LearningRate }, warm, CancellationToken.None,
            warmStart: WarmStart.From(first.Artifact));
        // The warm run keeps yesterday's scaler: its losses, on that scale, are brought to the cold run's (MSE scales with the range squared).
        var toCold = Math.Pow((first.Artifact.Scaler.Max - first.Artifact.Scaler.Min) / (coldScaler.Max - coldScaler.Min), 2);
        return (cold.Losses, warm.Losses.Select(loss => loss * toCold).ToList(), hp);
    }

    private sealed class ValidationLosses : ITrainingObserver
    {
        public List<double> Losses { get; } = [];

        public void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint) => Losses.Add(report.ValidationLoss!.Value);
    }
}
