using TorchSharp;
using static TorchSharp.torch;

namespace Forecast.Training.Lstm;

/// <summary>One network of an ensemble while it trains: its weights, its Adam state and its own randomness.</summary>
internal sealed class TrainingMember : IDisposable
{
    /// <summary>Batches of at least twice this many windows may be computed in two halves side by side...</summary>
    private const int MinHalfBatch = 128;

    /// <summary>
    /// ...when they hold at least this many time steps (windows x lookback): handing a half to another thread must pay.
    /// Measured on two cores: the tutorial's 450 x 120 and tourism monthly's 512 x 36 trained faster in halves (0.14 s
    /// against 0.17 s an epoch, 26 s against 32 s a run), tourism quarterly's 512 x 24 slower (4.1 s against 3.2 s).
    /// </summary>
    private const int MinHalvedSteps = 16_384;

    private readonly Generator generator;
    private readonly Generator secondHalfGenerator = new(0);
    private readonly LstmNetwork network;
    private readonly AdamOptimizer optimizer;
    private readonly int seed;

    private readonly TrainingLoss loss;

    /// <param name="covariates">Covariates each window carries (<see cref="Windows.Covariates"/>).</param>
    /// <param name="knownAhead">Of them, those it carries at the predicted steps too (<see cref="Windows.KnownAhead"/>).</param>
    public TrainingMember(
        int seed, int hiddenSize, int layers, double dropout, double learningRate, int outputs = 1, TrainingLoss loss = TrainingLoss.MeanSquared,
        int covariates = 0, int knownAhead = 0)
    {
        this.seed = seed;
        this.loss = loss;
        generator = new Generator((ulong)seed);
        network = new LstmNetwork(hiddenSize, layers, dropout, outputs, covariates, knownAhead);
        network.Initialize(generator);
        optimizer = new AdamOptimizer(network.parameters(), learningRate);
    }

    /// <summary>
    /// One pass over the windows of <paramref name="train"/> that <paramref name="sampling"/> draws for this epoch, in
    /// batches; the epoch's draw and dropout masks depend only on the seed and the epoch.
    /// </summary>
    /// <returns>Mean training loss over the windows trained on.</returns>
    /// <param name="halves">Where a large batch's two halves are computed; one per run, shared by its members.</param>
    public double TrainEpoch(Windows train, int batchSize, WindowSampling sampling, int epoch, BatchHalves halves, CancellationToken cancellation)
    {
        var epochSeed = Seeds.Epoch(seed, epoch);
        generator.manual_seed(epochSeed);
        secondHalfGenerator.manual_seed(Seeds.SecondHalf(epochSeed));
        network.train();
        var all = sampling.Draw(train, batchSize, new Random(epochSeed));
        var count = all.Length;
        double lossSum = 0;
        for (var start = 0; start < count; start += batchSize)
        {
            cancellation.ThrowIfCancellationRequested();
            var rows = new ArraySegment<int>(all, start, Math.Min(batchSize, count - start));
            optimizer.ZeroGrad();
            lossSum += rows.Count >= 2 * MinHalfBatch && rows.Count * train.Lookback >= MinHalvedSteps
                ? BackwardInHalves(train, rows, halves)
                : Backward(train, rows, generator, rows.Count);
            optimizer.Step();
        }
        return lossSum / count;
    }

    // The two halves of a large batch are computed side by side (BatchHalves), their gradients adding up in the
    // parameters to the whole batch's: the loss of each is weighted by its share of the batch. Always two halves above
    // the thresholds, on one thread or two, so that a seed trains the same model whatever the cores.
    private double BackwardInHalves(Windows train, ArraySegment<int> rows, BatchHalves halves)
    {
        var half = rows.Count / 2;
        var (first, second) = halves.Run(
            () => Backward(train, rows[..half], generator, rows.Count),
            () => Backward(train, rows[half..], secondHalfGenerator, rows.Count));
        return first + second;
    }

    /// <summary>Forward and backward over <paramref name="rows"/>, their loss weighted by their share of a batch of <paramref name="batchCount"/>.</summary>
    /// <returns>The loss summed over the rows.</returns>
    private double Backward(Windows train, ArraySegment<int> rows, Generator dropoutMasks, int batchCount)
    {
        using var scope = NewDisposeScope();
        var (inputs, future, targets) = Batch(train, rows);
        var output = network.ForwardWithMasks(inputs, future, dropoutMasks);
        var batchLoss = loss == TrainingLoss.Absolute ? nn.functional.l1_loss(output, targets) : nn.functional.mse_loss(output, targets);
        // Explicit scalars, disposed after use: implicitly converted ones can be finalised mid-call (see AdamOptimizer).
        using var share = ((double)rows.Count / batchCount).ToScalar();
        batchLoss.mul(share).backward();
        return batchLoss.item<float>() * rows.Count;
    }

    /// <summary>Predictions for every window, row-major [Count, Horizon], in evaluation mode.</summary>
    public float[] Predict(Windows windows)
    {
        network.eval();
        using var _ = no_grad();
        using var scope = NewDisposeScope();
        var (inputs, future, _) = Batch(windows, new ArraySegment<int>([.. Enumerable.Range(0, windows.Count)]));
        return network.ForwardWith(inputs, future).data<float>().ToArray();
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

    /// <summary>A warm start's optimiser state, without its momentum (<see cref="AdamOptimizer.ContinueFrom"/>).</summary>
    public void ContinueOptimizer(byte[] state) => optimizer.ContinueFrom(state);

    /// <returns>The rows' inputs, their covariates' future (null without covariates) and their targets.</returns>
    private static (Tensor Inputs, Tensor? Future, Tensor Targets) Batch(Windows windows, ArraySegment<int> rows)
    {
        var (steps, horizon, future) = (windows.Lookback * windows.Features, windows.Horizon, windows.Horizon * windows.KnownAhead);
        var inputs = new float[rows.Count * steps];
        var targets = new float[rows.Count * horizon];
        var futures = new float[rows.Count * future];
        for (var i = 0; i < rows.Count; i++)
        {
            Array.Copy(windows.Inputs, rows[i] * steps, inputs, i * steps, steps);
            Array.Copy(windows.Targets, rows[i] * horizon, targets, i * horizon, horizon);
            Array.Copy(windows.Future, rows[i] * future, futures, i * future, future);
        }
        return (tensor(inputs, [rows.Count, windows.Lookback, windows.Features]),
            future == 0 ? null : tensor(futures, [rows.Count, future]),
            tensor(targets, [rows.Count, horizon]));
    }

    public void Dispose()
    {
        optimizer.Dispose();
        network.Dispose();
        secondHalfGenerator.Dispose();
        generator.Dispose();
    }
}
