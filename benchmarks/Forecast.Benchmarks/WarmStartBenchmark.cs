using System.Globalization;
using System.Text;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training;
using Forecast.Training.Lstm;

namespace Forecast.Benchmarks;

/// <summary>
/// Issue #13's warm start, measured: each single series in data/ is trained with the service's defaults without its last
/// h points (yesterday's model, as a client would have it); then, on the whole series (the data grown by h new
/// observations), a cold run from random weights and a warm run from yesterday's model train the same configuration,
/// twice: as the service runs them (early stopping, the best epoch kept, scored on the test tail), and every epoch
/// without early stopping, so that neither stops before the other could catch up; and as served once more with the old
/// model's momentum kept, to show why a warm start resets it. The criterion is the first epoch at which the warm
/// run's validation loss is at or below the lowest the cold run reached. Writes docs/warm-start.md.
/// </summary>
/// <remarks>Arguments: <c>seeds=1,2,3</c> (default 1 to 5), <c>only=name,...</c> (data files whose names contain one).</remarks>
internal static class WarmStartBenchmark
{
    private static readonly (string File, int Horizon)[] DataSets =
        [("airpassengers.csv", 12), ("nottem.csv", 12), ("seattle-precipitation-monthly.csv", 12), ("seattle-precipitation-daily.csv", 28)];

    public static int Run(IReadOnlyList<string> args)
    {
        var options = BenchmarkOptions.Parse(args);
        var seeds = options.TryGetValue("seeds", out var s) ? s.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray() : [1, 2, 3, 4, 5];
        var only = options.TryGetValue("only", out var o) ? o.Split(',') : [""];
        var resolver = new HyperparameterResolver(new HyperparameterBounds());
        var asServed = new StringBuilder()
            .AppendLine("| series | seed | transform | cold: epochs run, best epoch, validation loss | warm: epochs run, best epoch, validation loss | warm: first epoch at or below the cold's | warm / cold epochs | test MASE, cold | test MASE, warm | momentum kept: epochs run, first epoch at or below the cold's, test MASE |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
        var everyEpoch = new StringBuilder()
            .AppendLine("| series | seed | cold: lowest validation loss (epoch) | warm: first epoch at or below it | warm / cold epochs | warm: first epoch within 5 % | warm at epoch 0 | warm at epoch 1 |")
            .AppendLine("| --- | --- | --- | --- | --- | --- | --- | --- |");
        var (servedMet, everyMet, keptMet, trials) = (0, 0, 0, 0);
        var (cold, warm, kept) = (new List<ServedRun>(), new List<ServedRun>(), new List<ServedRun>());
        foreach (var (file, horizon) in DataSets.Where(d => only.Any(name => d.File.Contains(name, StringComparison.Ordinal))))
        {
            var whole = RepositoryData.Read(file);
            var yesterday = whole with { Values = whole.Values.Take(whole.Count - horizon).ToArray() };
            var name = Path.GetFileNameWithoutExtension(file);
            foreach (var seed in seeds)
            {
                var trial = Trial.Measure(resolver, yesterday, whole, horizon, seed);
                trials++;

                var served = Criterion.Of(trial.ServedCold.Losses, trial.ServedWarm.Losses);
                var momentum = Criterion.Of(trial.ServedCold.Losses, trial.ServedKept.Losses);
                servedMet += served.Met ? 1 : 0;
                keptMet += momentum.Met ? 1 : 0;
                cold.Add(trial.ServedCold);
                warm.Add(trial.ServedWarm);
                kept.Add(trial.ServedKept);
                asServed.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} | {seed} | {trial.Transform} | {trial.ServedCold.Summary} | {trial.ServedWarm.Summary} | {served.Reached} | {served.Ratio} | {trial.ServedCold.Mase:F3} | {trial.ServedWarm.Mase:F3} | {trial.ServedKept.EpochsRun}, {momentum.Reached}, {trial.ServedKept.Mase:F3} |");

                var every = Criterion.Of(trial.EveryCold, trial.EveryWarm);
                everyMet += every.Met ? 1 : 0;
                everyEpoch.AppendLine(CultureInfo.InvariantCulture,
                    $"| {name} | {seed} | {every.Best:G4} ({every.BestEpoch}) | {every.Reached} | {every.Ratio} | {every.Near} | {trial.EveryWarm[0]:G4} | {trial.EveryWarm[1]:G4} |");
                Console.Error.WriteLine($"{file} seed {seed}: as served {served.Reached} of {served.BestEpoch}; every epoch {every.Reached} of {every.BestEpoch}");
            }
        }
        var summary = string.Create(CultureInfo.InvariantCulture, $"""
            As the service runs them, the warm run reached the cold run's validation loss within half its epochs in {servedMet} of {trials} trials,
            training {warm.Sum(r => r.EpochsRun)} epochs in all against the cold runs' {cold.Sum(r => r.EpochsRun)}; the mean test MASE was
            {warm.Average(r => r.Mase):F3} warm against {cold.Average(r => r.Mase):F3} cold. Training every epoch: {everyMet} of {trials}. With the old
            model's momentum kept, as served: {keptMet} of {trials}, {kept.Sum(r => r.EpochsRun)} epochs, mean test MASE {kept.Average(r => r.Mase):F3}.
            """);
        Console.Write(asServed);
        Console.Write(everyEpoch);
        Console.WriteLine(summary);
        File.WriteAllText(RepositoryData.InRepository("docs/warm-start.md"), $"""
            # Warm starts, measured

            `dotnet run -c Release --project benchmarks/Forecast.Benchmarks -- warmstart` on {DateTime.UtcNow:yyyy-MM-dd}, {Environment.ProcessorCount} cores, seeds {string.Join(", ", seeds)}.
            Each series is trained with the service's defaults (a client's request with only `testSize` = h) without its last h points:
            yesterday's model. Then the whole series, grown by h observations, is trained with the same configuration cold, from
            random weights, and warm, from yesterday's model (`warmStartFrom`: its weights, its Adam state less its momentum, and
            its scaler).
            Validation losses are MSE on the cold run's scaled validation part (the warm run's, on yesterday's scaler, are rescaled
            to it), so within a row they compare; across rows they do not. The criterion (issue #13) is met when the warm run's
            validation loss is at or below the cold run's lowest by half the epochs the cold run took to reach it. A warm run's
            epoch 0 is the model it starts from, scored before any training: early stopping keeps it unless an epoch beats it.

            ## As the service runs them

            Early stopping after 20 epochs without improvement, the best epoch's weights kept, the test tail scored. The last
            column trains the warm run once more with the old model's Adam momentum kept, as the service did before it reset
            it: that momentum is the direction the old run was moving in at its best epoch, and it carries the weights past
            the new data's minimum.

            {asServed}
            ## Every epoch

            100 epochs each without early stopping, so that neither run stops before the other could catch up.

            {everyEpoch}
            {summary}

            """);
        return 0;
    }

    /// <summary>One series and seed: yesterday's model, then the cold and warm runs on today's data, both ways.</summary>
    private sealed record Trial(
        TransformPipeline Transform, ServedRun ServedCold, ServedRun ServedWarm, ServedRun ServedKept, List<double> EveryCold, List<double> EveryWarm)
    {
        public static Trial Measure(HyperparameterResolver resolver, RegularSeries yesterday, RegularSeries whole, int horizon, int seed)
        {
            var hp = resolver.Resolve(new HyperparameterRequest(TestSize: horizon, Seed: seed), yesterday, () => seed).Hyperparameters;
            // Yesterday's model chooses its transform as the service does; a warm run keeps it, and the cold one does too, to compare.
            var transform = hp.Transform.Pipeline ?? ForecastModelBuilder.ChooseTransform(yesterday.Values, Covariates.None, hp, [], CancellationToken.None);
            hp = hp with { Transform = TransformChoice.Of(transform) };
            var start = WarmStart.From(LstmTrainer.Train(yesterday.Values, hp, SilentObserver.Instance, CancellationToken.None).Artifact);

            var servedCold = ServedRun.Train(whole, hp, null);
            var servedWarm = ServedRun.Train(whole, hp, start);
            var servedKept = ServedRun.Train(whole, hp, start with { ResetsMomentum = false });
            var toCold = ToColdScale(start.Scaler, servedCold.Scaler);
            var everyEpoch = hp with { EarlyStoppingPatience = null };
            var everyCold = new ValidationLosses();
            LstmTrainer.Train(whole.Values, everyEpoch, everyCold, CancellationToken.None);
            var everyWarm = new ValidationLosses();
            var warm = LstmTrainer.Train(whole.Values, everyEpoch, everyWarm, CancellationToken.None, warmStart: start);
            return new Trial(transform, servedCold, servedWarm.Rescaled(toCold), servedKept.Rescaled(toCold),
                [double.NaN, .. everyCold.Losses], [warm.StartValidationLoss!.Value * toCold, .. everyWarm.Losses.Select(l => l * toCold)]);
        }

        // A warm run keeps yesterday's scaler: its losses, on that scale, are brought to the cold run's (MSE scales with the range squared).
        private static double ToColdScale(MinMaxScaler warm, MinMaxScaler cold) => Math.Pow((warm.Max - warm.Min) / (cold.Max - cold.Min), 2);
    }

    /// <summary>A run as the service trains it: its validation losses from epoch 0 (a warm start's own weights; NaN for a cold one), its epochs and its test MASE.</summary>
    private sealed record ServedRun(List<double> Losses, int EpochsRun, int BestEpoch, double Mase, MinMaxScaler Scaler)
    {
        public string Summary => string.Create(CultureInfo.InvariantCulture, $"{EpochsRun}, {BestEpoch}, {Losses[BestEpoch]:G4}");

        public ServedRun Rescaled(double factor) => this with { Losses = Losses.Select(l => l * factor).ToList() };

        public static ServedRun Train(RegularSeries series, Hyperparameters hp, WarmStart? warmStart)
        {
            var losses = new ValidationLosses();
            var built = ForecastModelBuilder.Build(series.Values, hp, losses, CancellationToken.None, warmStart: warmStart);
            return new ServedRun([built.StartValidationLoss ?? double.NaN, .. losses.Losses], built.EpochsRun, built.BestEpoch,
                built.Evaluation.MultiStep.Metrics.Mase ?? double.NaN, built.Artifact!.Scaler);
        }
    }

    /// <summary>Issue #13's criterion on two validation-loss curves, each from epoch 0 (NaN for a cold run, which has no weights of its own to start from).</summary>
    private sealed record Criterion(double Best, int BestEpoch, int? ReachedAt, int? NearAt)
    {
        public bool Met => ReachedAt * 2 <= BestEpoch;
        public string Reached => ReachedAt?.ToString(CultureInfo.InvariantCulture) ?? "never";
        public string Near => NearAt?.ToString(CultureInfo.InvariantCulture) ?? "never";
        public string Ratio => ReachedAt is { } epoch ? ((double)epoch / BestEpoch).ToString("F2", CultureInfo.InvariantCulture) : "-";

        public static Criterion Of(List<double> cold, List<double> warm)
        {
            var (best, bestEpoch) = cold.Select((loss, epoch) => (loss, epoch)).Skip(1).MinBy(p => p.loss);
            return new Criterion(best, bestEpoch, FirstEpoch(warm, best), FirstEpoch(warm, best * 1.05));
        }

        private static int? FirstEpoch(List<double> losses, double atMost) =>
            losses.FindIndex(loss => loss <= atMost) is var epoch and >= 0 ? epoch : null;
    }

    private sealed class ValidationLosses : ITrainingObserver
    {
        public List<double> Losses { get; } = [];

        public void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint) => Losses.Add(report.ValidationLoss!.Value);
    }
}
