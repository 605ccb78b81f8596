using Forecast.Domain.Runs;
using Forecast.Training.Transforms;
using TorchSharp;
using static TorchSharp.torch;

namespace Forecast.Training.Lstm;

/// <summary>A trained ensemble rebuilt from its <see cref="ModelArtifact"/>, forecasting on the original scale.</summary>
/// <remarks>
/// Inputs go through the artifact's transform and scaler, outputs come back through both. Each
/// prediction is the mean of the members' outputs, fed back as one value in recursive forecasts. Thread-safe:
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
            var network = new LstmNetwork(artifact.HiddenSize, artifact.Layers, dropout: 0);
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
        return predicted.Select((p, i) => history.InvertAt(from + i, artifact.Scaler.Inverse(p + anchors[i]))).ToArray();
    }

    /// <summary>Forecasts <paramref name="horizon"/> points after the end of <paramref name="history"/>, feeding each prediction back as input.</summary>
    public double[] PredictRecursive(IReadOnlyList<double> history, int horizon) => PredictRecursive(history, [history.Count], horizon)[0];

    /// <summary>
    /// Recursive forecasts of <paramref name="horizon"/> points from each origin: the forecast from
    /// origin o sees only <paramref name="series"/>[0..o) and predicts indices o..o+horizon-1.
    /// All origins go through the network together, one step at a time.
    /// </summary>
    public double[][] PredictRecursive(IReadOnlyList<double> series, IReadOnlyList<int> origins, int horizon)
    {
        if (origins.Any(o => o < FirstPredictable || o > series.Count))
        {
            throw new ArgumentOutOfRangeException(nameof(origins),
                $"A forecast origin must lie in {FirstPredictable}..{series.Count}: it needs {FirstPredictable} points of history.");
        }
        var histories = origins.Select(o => new TransformedHistory(artifact.Transform, artifact.SeasonalPeriod, series.Take(o).ToArray())).ToArray();
        var forecasts = origins.Select(_ => new double[horizon]).ToArray();
        var inputs = new float[histories.Length * Lookback];
        var anchors = new float[histories.Length];
        for (var h = 0; h < horizon; h++)
        {
            for (var i = 0; i < histories.Length; i++)
            {
                anchors[i] = WriteWindow(histories[i], histories[i].Count, inputs, i * Lookback);
            }
            var next = Run(inputs, histories.Length);
            for (var i = 0; i < histories.Length; i++)
            {
                forecasts[i][h] = histories[i].Append(artifact.Scaler.Inverse(next[i] + anchors[i]));
            }
        }
        return forecasts;
    }

    /// <summary>
    /// Recursive forecasts of <paramref name="horizon"/> points after the end of each history, each seen by its own view
    /// of the same networks (<see cref="ForSeries"/>): every step sends all of them through the networks together, so
    /// a collection's members cost one network call per step rather than one per member and step.
    /// </summary>
    /// <exception cref="ArgumentException">A view of other networks than this model's.</exception>
    public double[][] PredictRecursiveTogether(IReadOnlyList<LstmModel> views, IReadOnlyList<IReadOnlyList<double>> histories, int horizon)
    {
        if (views.Any(v => v.members != members) || views.Count != histories.Count)
        {
            throw new ArgumentException("Every view must share this model's networks, one view per history.", nameof(views));
        }
        if (views.Count == 0)
        {
            return [];
        }
        var transformed = views.Select((view, i) =>
        {
            if (histories[i].Count < view.FirstPredictable)
            {
                throw new ArgumentOutOfRangeException(nameof(histories), $"History {i} has {histories[i].Count} points; it needs {view.FirstPredictable}.");
            }
            return new TransformedHistory(view.artifact.Transform, view.artifact.SeasonalPeriod, histories[i]);
        }).ToArray();
        var forecasts = views.Select(_ => new double[horizon]).ToArray();
        var inputs = new float[views.Count * Lookback];
        var anchors = new float[views.Count];
        for (var h = 0; h < horizon; h++)
        {
            for (var i = 0; i < views.Count; i++)
            {
                anchors[i] = views[i].WriteWindow(transformed[i], transformed[i].Count, inputs, i * Lookback);
            }
            var next = Run(inputs, views.Count);
            for (var i = 0; i < views.Count; i++)
            {
                forecasts[i][h] = transformed[i].Append(views[i].artifact.Scaler.Inverse(next[i] + anchors[i]));
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

    private float[] Run(float[] inputs, int rows)
    {
        lock (gate)
        {
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            var input = tensor(inputs, [rows, Lookback, 1]);
            var sum = members[0].forward(input);
            for (var k = 1; k < members.Length; k++)
            {
                sum = sum + members[k].forward(input);
            }
            // An explicit scalar, disposed after use: implicitly converted ones can be finalised mid-call (see AdamOptimizer).
            using var count = members.Length.ToScalar();
            return sum.div_(count).data<float>().ToArray();
        }
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
