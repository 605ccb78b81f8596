using Forecast.Domain.Runs;

namespace Forecast.Training.Lstm;

/// <summary>The weights an <see cref="EpochLoop"/> ends with, the optimiser's state that goes with them, and how it ended.</summary>
/// <param name="StartValidationLoss">A warm start's validation loss before its first epoch; null otherwise, and when resumed.</param>
internal sealed record TrainedWeights(byte[] Weights, byte[]? Optimizer, int EpochsRun, int BestEpoch, bool StoppedEarly, double? StartValidationLoss);

/// <summary>
/// The training loop shared by one series (<see cref="LstmTrainer"/>) and a collection's global model: an ensemble
/// of networks trained side by side on the same windows, epoch by epoch, with early stopping on the validation
/// windows and a checkpoint offered to the observer after every epoch.
/// </summary>
/// <remarks>
/// The members train from their own seeds (member 0 from the run's); the training loss is their mean and the
/// validation judges their combined forecast, so early stopping judges the ensemble that will forecast. Every
/// source of randomness is derived from the seed and the epoch number, never carried from epoch to epoch, so a run
/// resumed from a checkpoint ends bit for bit where an uninterrupted run would.
/// </remarks>
internal static class EpochLoop
{
    /// <param name="validation">What early stopping judges the ensemble by after each epoch; null for no validation.</param>
    /// <param name="loss">What training minimises; the validation has its own measure.</param>
    /// <param name="sampling">Which windows each epoch trains on; by default all, or <c>hp.WindowsPerEpoch</c> of them.</param>
    public static TrainedWeights Run(
        Windows train,
        IValidation? validation,
        Hyperparameters hp,
        TrainingCheckpoint? resumeFrom,
        ITrainingObserver observer,
        CancellationToken cancellation,
        NetworkStart? warmStart = null,
        TrainingLoss loss = TrainingLoss.MeanSquared,
        WindowSampling? sampling = null)
    {
        sampling ??= new WindowSampling(hp.WindowsPerEpoch);
        var members = Enumerable.Range(0, hp.EnsembleSize)
            .Select(k => new TrainingMember(Seeds.Member(hp.Seed, k), hp.HiddenSize, hp.Layers, hp.Dropout, hp.LearningRate, train.Horizon, loss, train.Covariates, train.KnownAhead))
            .ToArray();
        using var halves = new BatchHalves();
        try
        {
            var state = resumeFrom is null ? new BestState() : Restore(resumeFrom, members);
            double? startLoss = null;
            if (resumeFrom is null && warmStart is not null)
            {
                LoadStart(warmStart, members);
                // The weights it starts from are epoch 0's: early stopping keeps them unless an epoch beats them, so
                // a retrain never ends worse on validation than the model it started from.
                startLoss = validation?.Score(members);
                state.Update(0, startLoss, () => SaveWeights(members), () => SaveOptimizers(members));
            }
            var epochWindows = sampling.Count(train);
            var batchSize = Math.Min(hp.BatchSize ?? epochWindows, epochWindows);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var epoch = resumeFrom?.Epoch ?? 0;
            var stoppedEarly = false;

            while (epoch < hp.Epochs && !stoppedEarly)
            {
                epoch++;
                var current = epoch;
                var trainLoss = members.Average(m => m.TrainEpoch(train, batchSize, sampling, current, halves, cancellation));
                var validationLoss = validation?.Score(members);
                state.Update(epoch, validationLoss, () => SaveWeights(members), () => SaveOptimizers(members));
                stoppedEarly = hp.EarlyStoppingPatience is { } patience && state.EpochsWithoutImprovement >= patience;

                observer.OnEpoch(
                    new EpochReport(epoch, hp.Epochs, trainLoss, validationLoss, clock.Elapsed),
                    () => state.ToCheckpoint(current, SaveWeights(members), SaveOptimizers(members)));
            }

            // With early stopping the model keeps its best validation weights; otherwise, as in the
            // tutorial, the weights of the last epoch.
            var keepBest = hp.EarlyStoppingPatience is not null && state.BestNetwork is not null;
            return keepBest
                ? new TrainedWeights(state.BestNetwork!, state.BestOptimizer, epoch, state.BestEpoch, stoppedEarly, startLoss)
                : new TrainedWeights(SaveWeights(members), SaveOptimizers(members), epoch, epoch, stoppedEarly, startLoss);
        }
        finally
        {
            foreach (var member in members)
            {
                member.Dispose();
            }
        }
    }

    private static byte[] SaveWeights(TrainingMember[] members) => WeightBundle.Pack(members.Select(m => m.SaveWeights()));

    private static byte[] SaveOptimizers(TrainingMember[] members) => WeightBundle.Pack(members.Select(m => m.SaveOptimizer()));

    // A warm start: each member begins from a trained member's weights and, where the model kept it, the Adam state
    // that went with them, less its momentum. A checkpoint of the warm run itself holds what it has reached since, so a
    // resumed run restores that instead, momentum included.
    private static void LoadStart(NetworkStart start, TrainingMember[] members)
    {
        var weights = WeightBundle.Unpack(start.Weights);
        var optimizers = start.Optimizer is { } state ? WeightBundle.Unpack(state) : null;
        if (weights.Length != members.Length || (optimizers is not null && optimizers.Length != members.Length))
        {
            throw new InvalidOperationException($"The weights to start from hold {weights.Length} ensemble members; this run has {members.Length}.");
        }
        for (var k = 0; k < members.Length; k++)
        {
            members[k].LoadWeights(weights[k]);
            if (optimizers is not null && start.ResetsMomentum)
            {
                members[k].ContinueOptimizer(optimizers[k]);
            }
            else if (optimizers is not null)
            {
                members[k].LoadOptimizer(optimizers[k]);
            }
        }
    }

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
            BestOptimizer = checkpoint.BestOptimizer,
            BestEpoch = checkpoint.BestEpoch,
            BestValidationLoss = checkpoint.BestValidationLoss ?? double.PositiveInfinity,
            EpochsWithoutImprovement = checkpoint.EpochsWithoutImprovement,
        };
    }

    /// <summary>The best validation loss so far and the weights that reached it.</summary>
    private sealed class BestState
    {
        public byte[]? BestNetwork { get; set; }
        public byte[]? BestOptimizer { get; set; }
        public int BestEpoch { get; set; }
        public double BestValidationLoss { get; set; } = double.PositiveInfinity;
        public int EpochsWithoutImprovement { get; set; }

        public void Update(int epoch, double? validationLoss, Func<byte[]> weights, Func<byte[]> optimizers)
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
                BestOptimizer = optimizers();
                EpochsWithoutImprovement = 0;
            }
            else
            {
                EpochsWithoutImprovement++;
            }
        }

        public TrainingCheckpoint ToCheckpoint(int epoch, byte[] network, byte[] optimizer) =>
            new(epoch, network, optimizer, BestNetwork, BestEpoch,
                double.IsFinite(BestValidationLoss) ? BestValidationLoss : null, EpochsWithoutImprovement, BestOptimizer);
    }
}
