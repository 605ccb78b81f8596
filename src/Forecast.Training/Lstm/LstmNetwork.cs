using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Forecast.Training.Lstm;

/// <summary>Stacked single-layer LSTMs and a linear head that reads the last hidden state: one output per forecast step.</summary>
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
    public LstmNetwork(int hiddenSize, int layerCount, double dropout, int outputs = 1) : base(nameof(LstmNetwork))
    {
        for (var i = 0; i < layerCount; i++)
        {
            layers.Add(nn.LSTM(i == 0 ? 1 : hiddenSize, hiddenSize, batchFirst: true));
        }
        head = nn.Linear(hiddenSize, outputs);
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

    /// <param name="input">[batch, lookback, 1]</param>
    /// <returns>[batch, outputs]</returns>
    public override Tensor forward(Tensor input) => ForwardWithMasks(input, dropoutGenerator);

    /// <summary>The forward pass with dropout masks from <paramref name="dropoutMasks"/>, for halves of a batch computed side by side.</summary>
    public Tensor ForwardWithMasks(Tensor input, Generator? dropoutMasks)
    {
        var x = input;
        for (var i = 0; i < layers.Count; i++)
        {
            (x, _, _) = layers[i].forward(x);
            x = ApplyDropout(x, dropoutMasks);
        }
        return head.forward(x.select(1, -1));
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
