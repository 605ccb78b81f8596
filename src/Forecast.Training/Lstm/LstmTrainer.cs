using Forecast.Domain.Runs;
using TorchSharp;
using static TorchSharp.torch;

namespace Forecast.Training.Lstm;

public sealed record TrainingResult(ModelArtifact Artifact, int EpochsRun, int BestEpoch);

/// <summary>Trains an <see cref="LstmNetwork"/> on one series: Adam, MSE, chronological split.</summary>
public static class LstmTrainer
{
    /// <param name="series">The whole series; the test tail given by the split is never seen.</param>
    /// <param name="onEpoch">Called after every epoch, on the training thread.</param>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires; checked at every batch.</exception>
    public static TrainingResult Train(
        IReadOnlyList<double> series,
        Hyperparameters hp,
        Action<EpochReport> onEpoch,
        CancellationToken cancellation)
    {
        var split = DataSplit.For(series.Count, hp.TestSize, hp.ValidationFraction);
        var scaler = MinMaxScaler.Fit(series.Take(split.TrainEnd).ToArray());
        var scaled = scaler.Transform(series);
        var train = Windows.ForTargets(scaled, hp.Lookback, 0, split.TrainEnd);
        var validation = Windows.ForTargets(scaled, hp.Lookback, split.TrainEnd, split.ValidationEnd);

        using var generator = new Generator((ulong)hp.Seed);
        using var network = new LstmNetwork(hp.HiddenSize, hp.Layers, hp.Dropout);
        network.Initialize(generator);
        using var optimizer = optim.Adam(network.parameters(), hp.LearningRate);
        var shuffle = new Random(hp.Seed);
        var batchSize = Math.Min(hp.BatchSize ?? train.Count, train.Count);
        var clock = System.Diagnostics.Stopwatch.StartNew();

        for (var epoch = 1; epoch <= hp.Epochs; epoch++)
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
            var validationLoss = validation.Count > 0 ? Evaluate(network, validation) : (double?)null;
            onEpoch(new EpochReport(epoch, hp.Epochs, lossSum / train.Count, validationLoss, clock.Elapsed));
        }

        return new TrainingResult(
            new ModelArtifact(Save(network), scaler, hp.Lookback, hp.HiddenSize, hp.Layers, ModelArtifact.CurrentTorchSharpVersion),
            hp.Epochs,
            hp.Epochs);
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

    private static byte[] Save(LstmNetwork network)
    {
        using var stream = new MemoryStream();
        network.save(stream);
        return stream.ToArray();
    }
}
