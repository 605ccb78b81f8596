using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Training.Transforms;
using static TorchSharp.torch;

namespace Forecast.Training.Lstm;

/// <param name="EpochsRun">Epochs trained, fewer than asked when early stopping ended the run.</param>
/// <param name="BestEpoch">The epoch whose weights the model keeps: lowest validation loss, or the last without validation.</param>
public sealed record TrainingResult(ModelArtifact Artifact, int EpochsRun, int BestEpoch, bool StoppedEarly);

/// <summary>Trains an <see cref="LstmNetwork"/> on one series: Adam, MSE, chronological split.</summary>
/// <remarks>
/// The network sees the series through <see cref="Hyperparameters.Transform"/> (a concrete pipeline, not
/// "auto") and a MinMax scaler fitted on the transformed training part; losses are on that scale.
/// Every source of randomness is derived from the seed and the epoch number, never carried from
/// epoch to epoch, so a run resumed from a checkpoint ends bit for bit where an uninterrupted run would.
/// </remarks>
public static class LstmTrainer
{
    /// <param name="series">The whole series; the test tail given by the split is never seen.</param>
    /// <exception cref="UnprocessableException">The transform and lookback leave fewer than two training windows.</exception>
    /// <param name="resumeFrom">A checkpoint of this same run to continue from, or null to start afresh.</param>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires; checked at every batch.</exception>
    public static TrainingResult Train(
        IReadOnlyList<double> series,
        Hyperparameters hp,
        ITrainingObserver observer,
        CancellationToken cancellation,
        TrainingCheckpoint? resumeFrom = null)
    {
        var split = DataSplit.For(series.Count, hp.TestSize, hp.ValidationFraction);
        var pipeline = TransformPipeline.Parse(hp.Transform);
        var history = new TransformedHistory(pipeline, hp.SeasonalPeriod, series.Take(split.ValidationEnd).ToArray());
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

        using var generator = new Generator((ulong)hp.Seed);
        using var network = new LstmNetwork(hp.HiddenSize, hp.Layers, hp.Dropout);
        network.Initialize(generator);
        using var optimizer = optim.Adam(network.parameters(), hp.LearningRate);
        var state = resumeFrom is null ? new BestState() : Restore(resumeFrom, network, optimizer);
        var batchSize = Math.Min(hp.BatchSize ?? train.Count, train.Count);
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var epoch = resumeFrom?.Epoch ?? 0;
        var stoppedEarly = false;

        while (epoch < hp.Epochs && !stoppedEarly)
        {
            epoch++;
            generator.manual_seed(EpochSeed(hp.Seed, epoch));
            var trainLoss = TrainEpoch(network, optimizer, train, batchSize, new Random(EpochSeed(hp.Seed, epoch)), cancellation);
            double? validationLoss = validation.Count > 0 ? Evaluate(network, validation) : null;
            state.Update(epoch, validationLoss, network);
            stoppedEarly = hp.EarlyStoppingPatience is { } patience && state.EpochsWithoutImprovement >= patience;

            var completed = epoch;
            observer.OnEpoch(
                new EpochReport(epoch, hp.Epochs, trainLoss, validationLoss, clock.Elapsed),
                () => state.ToCheckpoint(completed, Save(network), SaveOptimizer(optimizer)));
        }

        // With early stopping the model keeps its best validation weights; otherwise, as in the
        // tutorial, the weights of the last epoch.
        var keepBest = hp.EarlyStoppingPatience is not null && state.BestNetwork is not null;
        if (keepBest)
        {
            Load(network, state.BestNetwork!);
        }
        return new TrainingResult(
            new ModelArtifact(Save(network), scaler, hp.Lookback, hp.HiddenSize, hp.Layers, ModelArtifact.CurrentTorchSharpVersion,
                pipeline, hp.SeasonalPeriod),
            epoch,
            keepBest ? state.BestEpoch : epoch,
            stoppedEarly);
    }

    private static double TrainEpoch(
        LstmNetwork network, optim.Optimizer optimizer, Windows train, int batchSize, Random shuffle, CancellationToken cancellation)
    {
        network.train();
        var order = Enumerable.Range(0, train.Count).ToArray();
        if (batchSize < train.Count)
        {
            shuffle.Shuffle(order);
        }
        double lossSum = 0;
        for (var start = 0; start < order.Length; start += batchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            var rows = order.AsSpan(start, Math.Min(batchSize, order.Length - start));
            using var scope = NewDisposeScope();
            var (inputs, targets) = Batch(train, rows);
            optimizer.zero_grad();
            var loss = nn.functional.mse_loss(network.forward(inputs), targets);
            loss.backward();
            optimizer.step();
            lossSum += loss.item<float>() * rows.Length;
        }
        return lossSum / train.Count;
    }

    private static double Evaluate(LstmNetwork network, Windows windows)
    {
        network.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var rows = Enumerable.Range(0, windows.Count).ToArray();
        var (inputs, targets) = Batch(windows, rows);
        return nn.functional.mse_loss(network.forward(inputs), targets).item<float>();
    }

    private static (Tensor Inputs, Tensor Targets) Batch(Windows windows, ReadOnlySpan<int> rows)
    {
        var lookback = windows.Lookback;
        var inputs = new float[rows.Length * lookback];
        var targets = new float[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            Array.Copy(windows.Inputs, rows[i] * lookback, inputs, i * lookback, lookback);
            targets[i] = windows.Targets[rows[i]];
        }
        return (tensor(inputs, [rows.Length, lookback, 1]), tensor(targets, [rows.Length, 1]));
    }

    private static int EpochSeed(int seed, int epoch) => HashCode.Combine(seed, epoch) & int.MaxValue;

    private static BestState Restore(TrainingCheckpoint checkpoint, LstmNetwork network, optim.Optimizer optimizer)
    {
        Load(network, checkpoint.Network);
        using var reader = new BinaryReader(new MemoryStream(checkpoint.Optimizer));
        ((TorchSharp.Modules.OptimizerHelper)optimizer).load_state_dict(reader);
        return new BestState
        {
            BestNetwork = checkpoint.BestNetwork,
            BestEpoch = checkpoint.BestEpoch,
            BestValidationLoss = checkpoint.BestValidationLoss ?? double.PositiveInfinity,
            EpochsWithoutImprovement = checkpoint.EpochsWithoutImprovement,
        };
    }

    internal static byte[] Save(LstmNetwork network)
    {
        using var stream = new MemoryStream();
        network.save(stream);
        return stream.ToArray();
    }

    internal static void Load(LstmNetwork network, byte[] weights)
    {
        using var stream = new MemoryStream(weights);
        network.load(stream);
    }

    private static byte[] SaveOptimizer(optim.Optimizer optimizer)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true))
        {
            ((TorchSharp.Modules.OptimizerHelper)optimizer).save_state_dict(writer);
        }
        return stream.ToArray();
    }

    /// <summary>The best validation loss so far and the weights that reached it.</summary>
    private sealed class BestState
    {
        public byte[]? BestNetwork { get; set; }
        public int BestEpoch { get; set; }
        public double BestValidationLoss { get; set; } = double.PositiveInfinity;
        public int EpochsWithoutImprovement { get; set; }

        public void Update(int epoch, double? validationLoss, LstmNetwork network)
        {
            if (validationLoss is not { } loss)
            {
                return;
            }
            if (loss < BestValidationLoss)
            {
                BestValidationLoss = loss;
                BestEpoch = epoch;
                BestNetwork = Save(network);
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
