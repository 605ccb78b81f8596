using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Training.Transforms;

namespace Forecast.Training.Lstm;

/// <param name="EpochsRun">Epochs trained, fewer than asked when early stopping ended the run.</param>
/// <param name="BestEpoch">The epoch whose weights the model keeps: lowest validation loss, or the last without validation.</param>
public sealed record TrainingResult(ModelArtifact Artifact, int EpochsRun, int BestEpoch, bool StoppedEarly);

/// <summary>Trains an ensemble of <see cref="LstmNetwork"/>s on one series: Adam, MSE, chronological split.</summary>
/// <remarks>
/// The networks see the series through <see cref="Hyperparameters.Transform"/> (a concrete pipeline, not
/// "auto") and a MinMax scaler fitted on the transformed training part; losses are on that scale.
/// The <see cref="Hyperparameters.EnsembleSize"/> members train side by side, epoch by epoch, each from
/// its own seed (member 0 from the run's); the training loss is their mean and the validation loss that
/// of their mean prediction, so early stopping judges the ensemble that will forecast.
/// Every source of randomness is derived from the seed and the epoch number, never carried from
/// epoch to epoch, so a run resumed from a checkpoint ends bit for bit where an uninterrupted run would.
/// </remarks>
public static class LstmTrainer
{
    /// <param name="series">The whole series; the test tail given by the split is never seen.</param>
    /// <param name="resumeFrom">A checkpoint of this same run to continue from, or null to start afresh.</param>
    /// <exception cref="UnprocessableException">The transform and lookback leave fewer than two training windows.</exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires; checked at every batch.</exception>
    public static TrainingResult Train(
        IReadOnlyList<double> series,
        Hyperparameters hp,
        ITrainingObserver observer,
        CancellationToken cancellation,
        TrainingCheckpoint? resumeFrom = null)
    {
        var split = DataSplit.For(series.Count, hp.TestSize, hp.ValidationFraction);
        var pipeline = hp.Transform.Pipeline
            ?? throw new ArgumentException("The trainer trains one concrete pipeline; resolve transform auto first (ForecastModelBuilder).", nameof(hp));
        if (split.TrainEnd < pipeline.HistoryNeeded(hp.SeasonalPeriod))
        {
            throw new UnprocessableException(
                $"transform {pipeline} needs {pipeline.HistoryNeeded(hp.SeasonalPeriod)} training points (two seasons); the training part has {split.TrainEnd}.",
                "transform");
        }
        // Seasonal indices come from the training part alone, so the validation loss judges them out of sample.
        var history = new TransformedHistory(pipeline, hp.SeasonalPeriod, series.Take(split.ValidationEnd).ToArray(), indicesFrom: split.TrainEnd);
        var first = history.Consumed;
        if (split.TrainEnd - first - hp.Lookback < HyperparameterResolver.MinimumTrainingWindows)
        {
            throw new UnprocessableException(
                $"{split.TrainEnd} training points, less {first} consumed by the transform {pipeline}, leave fewer than {HyperparameterResolver.MinimumTrainingWindows} windows of lookback {hp.Lookback}.",
                "lookback");
        }
        var scaler = MinMaxScaler.Fit(history.Slice(first, split.TrainEnd));
        // Scaled index i holds original index first + i.
        var scaled = scaler.Transform(history.Slice(first, split.ValidationEnd));
        var train = Windows.ForTargets(scaled, hp.Lookback, 0, split.TrainEnd - first);
        var validation = Windows.ForTargets(scaled, hp.Lookback, split.TrainEnd - first, split.ValidationEnd - first);

        var members = Enumerable.Range(0, hp.EnsembleSize)
            .Select(k => new TrainingMember(Seeds.Member(hp.Seed, k), hp.HiddenSize, hp.Layers, hp.Dropout, hp.LearningRate))
            .ToArray();
        try
        {
            var state = resumeFrom is null ? new BestState() : Restore(resumeFrom, members);
            var batchSize = Math.Min(hp.BatchSize ?? train.Count, train.Count);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var epoch = resumeFrom?.Epoch ?? 0;
            var stoppedEarly = false;

            while (epoch < hp.Epochs && !stoppedEarly)
            {
                epoch++;
                var current = epoch;
                var trainLoss = members.Average(m => m.TrainEpoch(train, batchSize, current, cancellation));
                double? validationLoss = validation.Count > 0 ? EnsembleLoss(members, validation) : null;
                state.Update(epoch, validationLoss, () => SaveWeights(members));
                stoppedEarly = hp.EarlyStoppingPatience is { } patience && state.EpochsWithoutImprovement >= patience;

                observer.OnEpoch(
                    new EpochReport(epoch, hp.Epochs, trainLoss, validationLoss, clock.Elapsed),
                    () => state.ToCheckpoint(current, SaveWeights(members), WeightBundle.Pack(members.Select(m => m.SaveOptimizer()))));
            }

            // With early stopping the model keeps its best validation weights; otherwise, as in the
            // tutorial, the weights of the last epoch.
            var keepBest = hp.EarlyStoppingPatience is not null && state.BestNetwork is not null;
            var weights = keepBest ? state.BestNetwork! : SaveWeights(members);
            return new TrainingResult(
                new ModelArtifact(weights, scaler, hp.Lookback, hp.HiddenSize, hp.Layers, ModelArtifact.CurrentTorchSharpVersion,
                    pipeline, hp.SeasonalPeriod),
                epoch,
                keepBest ? state.BestEpoch : epoch,
                stoppedEarly);
        }
        finally
        {
            foreach (var member in members)
            {
                member.Dispose();
            }
        }
    }

    /// <summary>Mean squared error of the members' mean prediction.</summary>
    private static double EnsembleLoss(TrainingMember[] members, Windows windows)
    {
        var predictions = members.Select(m => m.Predict(windows)).ToArray();
        double sum = 0;
        for (var i = 0; i < windows.Count; i++)
        {
            var mean = predictions.Average(p => (double)p[i]);
            var error = mean - windows.Targets[i];
            sum += error * error;
        }
        return sum / windows.Count;
    }

    private static byte[] SaveWeights(TrainingMember[] members) => WeightBundle.Pack(members.Select(m => m.SaveWeights()));

    private static BestState Restore(TrainingCheckpoint checkpoint, TrainingMember[] members)
    {
        var weights = WeightBundle.Unpack(checkpoint.Network);
        var optimizers = WeightBundle.Unpack(checkpoint.Optimizer);
        if (weights.Length != members.Length || optimizers.Length != members.Length)
        {
            throw new InvalidOperationException($"The checkpoint holds {weights.Length} ensemble members; this run has {members.Length}.");
        }
        for (var k = 0; k < members.Length; k++)
        {
            members[k].LoadWeights(weights[k]);
            members[k].LoadOptimizer(optimizers[k]);
        }
        return new BestState
        {
            BestNetwork = checkpoint.BestNetwork,
            BestEpoch = checkpoint.BestEpoch,
            BestValidationLoss = checkpoint.BestValidationLoss ?? double.PositiveInfinity,
            EpochsWithoutImprovement = checkpoint.EpochsWithoutImprovement,
        };
    }

    /// <summary>The best validation loss so far and the weights that reached it.</summary>
    private sealed class BestState
    {
        public byte[]? BestNetwork { get; set; }
        public int BestEpoch { get; set; }
        public double BestValidationLoss { get; set; } = double.PositiveInfinity;
        public int EpochsWithoutImprovement { get; set; }

        public void Update(int epoch, double? validationLoss, Func<byte[]> weights)
        {
            if (validationLoss is not { } loss)
            {
                return;
            }
            if (loss < BestValidationLoss)
            {
                BestValidationLoss = loss;
                BestEpoch = epoch;
                BestNetwork = weights();
                EpochsWithoutImprovement = 0;
            }
            else
            {
                EpochsWithoutImprovement++;
            }
        }

        public TrainingCheckpoint ToCheckpoint(int epoch, byte[] network, byte[] optimizer) =>
            new(epoch, network, optimizer, BestNetwork, BestEpoch,
                double.IsFinite(BestValidationLoss) ? BestValidationLoss : null, EpochsWithoutImprovement);
    }
}
