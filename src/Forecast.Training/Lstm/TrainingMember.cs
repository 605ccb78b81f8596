using static TorchSharp.torch;

namespace Forecast.Training.Lstm;

/// <summary>One network of an ensemble while it trains: its weights, its Adam state and its own randomness.</summary>
internal sealed class TrainingMember : IDisposable
{
    private readonly Generator generator;
    private readonly LstmNetwork network;
    private readonly AdamOptimizer optimizer;
    private readonly int seed;

    public TrainingMember(int seed, int hiddenSize, int layers, double dropout, double learningRate)
    {
        this.seed = seed;
        generator = new Generator((ulong)seed);
        network = new LstmNetwork(hiddenSize, layers, dropout);
        network.Initialize(generator);
        optimizer = new AdamOptimizer(network.parameters(), learningRate);
    }

    /// <summary>
    /// One pass over <paramref name="train"/> in batches, or over <paramref name="windowsPerEpoch"/> of its windows
    /// drawn for this epoch; the epoch's shuffle and dropout masks depend only on the seed and the epoch.
    /// </summary>
    /// <returns>Mean training loss over the windows trained on.</returns>
    public double TrainEpoch(Windows train, int batchSize, int? windowsPerEpoch, int epoch, CancellationToken cancellation)
    {
        var epochSeed = Seeds.Epoch(seed, epoch);
        generator.manual_seed(epochSeed);
        network.train();
        var all = Enumerable.Range(0, train.Count).ToArray();
        var count = Math.Min(windowsPerEpoch ?? train.Count, train.Count);
        if (batchSize < train.Count || count < train.Count)
        {
            new Random(epochSeed).Shuffle(all);
        }
        var order = all.AsSpan(0, count);
        double lossSum = 0;
        for (var start = 0; start < order.Length; start += batchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            var rows = order.Slice(start, Math.Min(batchSize, order.Length - start));
            using var scope = NewDisposeScope();
            var (inputs, targets) = Batch(train, rows);
            optimizer.ZeroGrad();
            var loss = nn.functional.mse_loss(network.forward(inputs), targets);
            loss.backward();
            optimizer.Step();
            lossSum += loss.item<float>() * rows.Length;
        }
        return lossSum / count;
    }

    /// <summary>Predictions for every window, in evaluation mode.</summary>
    public float[] Predict(Windows windows)
    {
        network.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        return network.forward(tensor(windows.Inputs, [windows.Count, windows.Lookback, 1])).data<float>().ToArray();
    }

    public byte[] SaveWeights()
    {
        using var stream = new MemoryStream();
        network.save(stream);
        return stream.ToArray();
    }

    public void LoadWeights(byte[] weights)
    {
        using var stream = new MemoryStream(weights);
        network.load(stream);
    }

    public byte[] SaveOptimizer() => optimizer.Save();

    public void LoadOptimizer(byte[] state) => optimizer.Load(state);

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

    public void Dispose()
    {
        optimizer.Dispose();
        network.Dispose();
        generator.Dispose();
    }
}
