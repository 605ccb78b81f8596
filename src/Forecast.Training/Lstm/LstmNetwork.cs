using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Training.Lstm;

/// <summary>
/// Stacked single-layer LSTMs and a linear head that reads the last hidden state, with the covariates' known values at the
/// steps it forecasts when it has covariates: one output per forecast step.
/// </summary>
/// <remarks>
/// Layers are stacked by hand, with dropout masks drawn from the run's own generator, rather than
/// through nn.LSTM's num_layers/dropout, whose masks come from the process-wide generator: two runs
/// training at once would then disturb each other's randomness and a seed would not reproduce a run.
/// </remarks>
public sealed class LstmNetwork : nn.Module<Tensor, Tensor>
{
    private readonly ModuleList<LSTM> layers = new();
    private readonly Linear head;
    private readonly int hiddenSize;
    private readonly double dropout;
    private Generator? dropoutGenerator;

    /// <param name="outputs">Steps forecast at once from a window: 1 for a network fed its own predictions, the horizon for a direct one.</param>
    /// <param name="covariates">Covariates beside the series' value at each input step.</param>
    /// <param name="knownAhead">Of <paramref name="covariates"/>, those the head reads at each step forecast too (the others are past-only).</param>
    public LstmNetwork(int hiddenSize, int layerCount, double dropout, int outputs = 1, int covariates = 0, int knownAhead = 0) : base(nameof(LstmNetwork))
    {
        for (var i = 0; i < layerCount; i++)
        {
            layers.Add(nn.LSTM(i == 0 ? 1 + covariates : hiddenSize, hiddenSize, batchFirst: true));
        }
        head = nn.Linear(hiddenSize + (outputs * knownAhead), outputs);
        this.hiddenSize = hiddenSize;
        this.dropout = dropout;
        RegisterComponents();
    }

    /// <summary>Initialises every weight from <paramref name="generator"/> the way PyTorch's defaults do.</summary>
    public void Initialize(Generator generator)
    {
        dropoutGenerator = generator;
        using var _ = no_grad();
        // LSTM weights and the head (whose fan-in is the hidden size) share the bound 1/sqrt(hidden).
        var bound = 1.0 / Math.Sqrt(hiddenSize);
        foreach (var parameter in parameters())
        {
            parameter.uniform_(-bound, bound, generator);
        }
    }

    /// <param name="input">[batch, lookback, 1]: a network without covariates.</param>
    /// <returns>[batch, outputs]</returns>
    public override Tensor forward(Tensor input) => ForwardWith(input, future: null);

    /// <param name="input">[batch, lookback, 1 + covariates]</param>
    /// <param name="future">[batch, outputs × known-ahead covariates]: their values at the steps forecast; null without them.</param>
    /// <returns>[batch, outputs]</returns>
    public Tensor ForwardWith(Tensor input, Tensor? future) => ForwardWithMasks(input, future, dropoutGenerator);

    /// <summary>The forward pass with dropout masks from <paramref name="dropoutMasks"/>, for halves of a batch computed side by side.</summary>
    public Tensor ForwardWithMasks(Tensor input, Tensor? future, Generator? dropoutMasks)
    {
        var x = input;
        for (var i = 0; i < layers.Count; i++)
        {
            (x, _, _) = layers[i].forward(x);
            x = ApplyDropout(x, dropoutMasks);
        }
        var last = x.select(1, -1);
        return head.forward(future is null ? last : cat([last, future], 1));
    }

    private Tensor ApplyDropout(Tensor x, Generator? masks)
    {
        if (!training || dropout <= 0)
        {
            return x;
        }
        // Explicit scalars, disposed after use: implicitly converted ones can be finalised mid-call (see AdamOptimizer).
        using var threshold = dropout.ToScalar();
        using var scale = (1 / (1 - dropout)).ToScalar();
        var keep = rand(x.shape, generator: masks).ge(threshold).to_type(x.dtype);
        return (x * keep).mul_(scale);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            layers.Dispose();
            head.Dispose();
        }
        base.Dispose(disposing);
    }
}
