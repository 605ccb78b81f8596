using Forecast.Domain.Runs;
using Forecast.Training.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace Forecast.Training.Lstm;

/// <summary>A trained ensemble rebuilt from its <see cref="ModelArtifact"/>, forecasting on the original scale.</summary>
/// <remarks>
/// Inputs go through the artifact's transform and scaler, outputs come back through both. Each
/// prediction is the median of the members' outputs, fed back as history in longer forecasts. Thread-safe:
/// calls are serialised, since one TorchSharp module must not run on two threads at once.
/// </remarks>
public sealed class LstmModel : IDisposable
{
    private readonly LstmNetwork[] members;
    private readonly ModelArtifact artifact;
    private readonly Lock gate;
    private readonly bool ownsNetworks;

    public LstmModel(ModelArtifact artifact)
    {
        this.artifact = artifact;
        gate = new Lock();
        ownsNetworks = true;
        members = WeightBundle.Unpack(artifact.Weights).Select(weights =>
        {
            var network = new LstmNetwork(artifact.HiddenSize, artifact.Layers, dropout: 0, artifact.Outputs);
            using var stream = new MemoryStream(weights);
            network.load(stream);
            network.eval();
            return network;
        }).ToArray();
    }

    private LstmModel(LstmModel networks, ModelArtifact artifact)
    {
        this.artifact = artifact;
        members = networks.members;
        gate = networks.gate;
        ownsNetworks = false;
    }

    /// <summary>
    /// The same networks seeing another series through its own transform and scaler, as a global model sees each
    /// member of a collection. It shares this model's networks and lock, and disposing it leaves them to this model.
    /// </summary>
    public LstmModel ForSeries(TransformPipeline transform, MinMaxScaler scaler) =>
        new(this, artifact with { Transform = transform, Scaler = scaler, Calibration = null });

    public ModelArtifact Artifact => artifact;

    public int Lookback => artifact.Lookback;

    /// <summary>
    /// The first index with a full window of transformed values before it (the transform's consumed points
    /// plus the lookback) and enough history for the transform's seasonal indices.
    /// </summary>
    public int FirstPredictable => Math.Max(
        artifact.Transform.PointsConsumed(artifact.SeasonalPeriod) + Lookback, artifact.Transform.HistoryNeeded(artifact.SeasonalPeriod));

    /// <summary>
    /// One-step-ahead predictions for points [from, to) of <paramref name="series"/>, each from the actual values
    /// before it. The model is fixed at <paramref name="from"/>: seasonal indices, like the weights, come from the
    /// points before it, so a prediction differs from a recursive forecast's first step only in those indices.
    /// </summary>
    public double[] PredictOneStep(IReadOnlyList<double> series, int from, int to)
    {
        if (from < FirstPredictable || to > series.Count || from > to)
        {
            throw new ArgumentOutOfRangeException(nameof(from),
                $"One-step predictions exist for indices {FirstPredictable}..{series.Count - 1}: every point needs {FirstPredictable} points before it.");
        }
        // Seasonal indices from the points before the first prediction only: none of them sees a value it predicts.
        var history = new TransformedHistory(artifact.Transform, artifact.SeasonalPeriod, series.Take(to - 1).ToArray(), indicesFrom: from);
        var inputs = new float[(to - from) * Lookback];
        var anchors = new float[to - from];
        for (var t = from; t < to; t++)
        {
            anchors[t - from] = WriteWindow(history, t, inputs, (t - from) * Lookback);
        }
        var predicted = Run(inputs, to - from);
        return anchors.Select((anchor, i) => history.InvertAt(from + i, artifact.Scaler.Inverse(predicted[i * artifact.Outputs] + anchor))).ToArray();
    }

    /// <summary>Forecasts <paramref name="horizon"/> points after the end of <paramref name="history"/>, feeding predictions back as input.</summary>
    public double[] PredictRecursive(IReadOnlyList<double> history, int horizon) => PredictRecursive(history, [history.Count], horizon)[0];

    /// <summary>
    /// Forecasts of <paramref name="horizon"/> points from each origin: the forecast from origin o sees only
    /// <paramref name="series"/>[0..o) and predicts indices o..o+horizon-1. All origins go through the network together.
    /// </summary>
    public double[][] PredictRecursive(IReadOnlyList<double> series, IReadOnlyList<int> origins, int horizon)
    {
        if (origins.Any(o => o < FirstPredictable || o > series.Count))
        {
            throw new ArgumentOutOfRangeException(nameof(origins),
                $"A forecast origin must lie in {FirstPredictable}..{series.Count}: it needs {FirstPredictable} points of history.");
        }
        return Forecast(origins.Select(o => (this, new TransformedHistory(artifact.Transform, artifact.SeasonalPeriod, series.Take(o).ToArray()))).ToArray(), horizon);
    }

    /// <summary>
    /// Forecasts of <paramref name="horizon"/> points after the end of each history, each seen by its own view of the same
    /// networks (<see cref="ForSeries"/>): all of them go through the networks together, so a collection's members cost one
    /// network call per block of steps rather than one per member.
    /// </summary>
    /// <exception cref="ArgumentException">A view of other networks than this model's.</exception>
    public double[][] PredictRecursiveTogether(IReadOnlyList<LstmModel> views, IReadOnlyList<IReadOnlyList<double>> histories, int horizon)
    {
        if (views.Any(v => v.members != members) || views.Count != histories.Count)
        {
            throw new ArgumentException("Every view must share this model's networks, one view per history.", nameof(views));
        }
        var transformed = views.Select((view, i) =>
        {
            if (histories[i].Count < view.FirstPredictable)
            {
                throw new ArgumentOutOfRangeException(nameof(histories), $"History {i} has {histories[i].Count} points; it needs {view.FirstPredictable}.");
            }
            return (view, new TransformedHistory(view.artifact.Transform, view.artifact.SeasonalPeriod, histories[i]));
        }).ToArray();
        return Forecast(transformed, horizon);
    }

    /// <summary>
    /// Forecasts each history by its view, a block of <see cref="ModelArtifact.Outputs"/> steps per network call, every
    /// block fed back as history for the next (one step at a time for a network of one output).
    /// </summary>
    private double[][] Forecast(IReadOnlyList<(LstmModel View, TransformedHistory History)> rows, int horizon)
    {
        var outputs = artifact.Outputs;
        var forecasts = rows.Select(_ => new double[horizon]).ToArray();
        var inputs = new float[rows.Count * Lookback];
        var anchors = new float[rows.Count];
        for (var from = 0; from < horizon && rows.Count > 0; from += outputs)
        {
            for (var i = 0; i < rows.Count; i++)
            {
                anchors[i] = rows[i].View.WriteWindow(rows[i].History, rows[i].History.Count, inputs, i * Lookback);
            }
            var next = Run(inputs, rows.Count);
            for (var i = 0; i < rows.Count; i++)
            {
                for (var k = 0; k < outputs && from + k < horizon; k++)
                {
                    forecasts[i][from + k] = rows[i].History.Append(rows[i].View.artifact.Scaler.Inverse(next[(i * outputs) + k] + anchors[i]));
                }
            }
        }
        return forecasts;
    }

    /// <summary>
    /// Writes the scaled transformed values of indices [target - lookback, target) at <paramref name="offset"/>, less the
    /// last of them when the windows are relative, as they were cut in training (<see cref="Windows.ForTargets"/>).
    /// </summary>
    /// <returns>What the network's output is relative to: the last input, or 0.</returns>
    private float WriteWindow(TransformedHistory history, int target, float[] inputs, int offset)
    {
        var anchor = artifact.RelativeWindows ? (float)artifact.Scaler.Transform(history[target - 1]) : 0f;
        for (var j = 0; j < Lookback; j++)
        {
            inputs[offset + j] = (float)artifact.Scaler.Transform(history[target - Lookback + j]) - anchor;
        }
        return anchor;
    }

    /// <summary>The ensemble's forecast for each window, row-major [rows, Outputs]: the median of its networks' outputs.</summary>
    /// <remarks>The median, not the mean, so that one network gone astray moves the forecast less; of two networks it is their mean.</remarks>
    private float[] Run(float[] inputs, int rows)
    {
        float[][] outputs;
        lock (gate)
        {
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            var input = tensor(inputs, [rows, Lookback, 1]);
            outputs = members.Select(m => m.forward(input).data<float>().ToArray()).ToArray();
        }
        return EnsembleMedian.Of(outputs);
    }

    public void Dispose()
    {
        if (!ownsNetworks)
        {
            return;
        }
        foreach (var network in members)
        {
            network.Dispose();
        }
    }
}
