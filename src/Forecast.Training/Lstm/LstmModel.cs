using static TorchSharp.torch;

namespace Forecast.Training.Lstm;

/// <summary>A trained network rebuilt from its <see cref="ModelArtifact"/>, ready to predict.</summary>
/// <remarks>Thread-safe: calls are serialised, since one TorchSharp module must not run on two threads at once.</remarks>
public sealed class LstmModel : IDisposable
{
    private readonly LstmNetwork network;
    private readonly ModelArtifact artifact;
    private readonly Lock gate = new();

    public LstmModel(ModelArtifact artifact)
    {
        this.artifact = artifact;
        network = new LstmNetwork(artifact.HiddenSize, artifact.Layers, dropout: 0);
        using var stream = new MemoryStream(artifact.Weights);
        network.load(stream);
        network.eval();
    }

    public int Lookback => artifact.Lookback;

    /// <summary>One-step-ahead predictions for points [from, to) of <paramref name="series"/>, each from the actual values before it.</summary>
    public double[] PredictOneStep(IReadOnlyList<double> series, int from, int to)
    {
        var scaled = artifact.Scaler.Transform(series);
        var windows = Windows.ForTargets(scaled, Lookback, from, to);
        if (windows.Count != to - from)
        {
            throw new ArgumentOutOfRangeException(nameof(from), "Every predicted point needs a full lookback before it.");
        }
        var predicted = Run(windows.Inputs, windows.Count);
        return predicted.Select(v => artifact.Scaler.Inverse(v)).ToArray();
    }

    /// <summary>Forecasts <paramref name="horizon"/> points after the end of <paramref name="history"/>, feeding each prediction back as input.</summary>
    public double[] PredictRecursive(IReadOnlyList<double> history, int horizon)
    {
        var window = artifact.Scaler.Transform(history.Skip(history.Count - Lookback).ToArray());
        var forecast = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var next = Run(window, 1)[0];
            forecast[h] = artifact.Scaler.Inverse(next);
            Array.Copy(window, 1, window, 0, window.Length - 1);
            window[^1] = next;
        }
        return forecast;
    }

    private float[] Run(float[] inputs, int rows)
    {
        lock (gate)
        {
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            var output = network.forward(tensor(inputs, [rows, Lookback, 1]));
            return output.data<float>().ToArray();
        }
    }

    public void Dispose() => network.Dispose();
}
