using Forecast.Domain.Runs;
using Forecast.Domain.Series;
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
            var network = new LstmNetwork(artifact.HiddenSize, artifact.Layers, dropout: 0, artifact.Outputs, artifact.CovariateScalers.Count,
                CovariateScaler.KnownAhead(artifact.CovariateScalers));
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
    /// <param name="covariates">The series' covariates' scalers, in the networks' order; none for networks of the series' own past.</param>
    public LstmModel ForSeries(TransformPipeline transform, MinMaxScaler scaler, IReadOnlyList<CovariateScaler> covariates, bool evolvingSeason) =>
        new(this, artifact with { Transform = transform, Scaler = scaler, Calibration = null, Covariates = covariates, EvolvingSeason = evolvingSeason });

    public ModelArtifact Artifact => artifact;

    public int Lookback => artifact.Lookback;

    /// <summary>
    /// The first index with a full window of transformed values before it (the transform's consumed points
    /// plus the lookback) and enough history for the transform's seasonal indices.
    /// </summary>
    public int FirstPredictable => Math.Max(
        artifact.Transform.PointsConsumed(artifact.SeasonalPeriod) + Lookback, artifact.Transform.HistoryNeeded(artifact.SeasonalPeriod));

    /// <summary>The covariates the networks read beside the series, in their order; none for networks of its own past.</summary>
    public IReadOnlyList<string> CovariateNames => [.. artifact.CovariateScalers.Select(c => c.Name)];

    /// <summary>One-step predictions by networks of the series' own past (<see cref="PredictOneStep(IReadOnlyList{double}, Covariates, int, int)"/>).</summary>
    public double[] PredictOneStep(IReadOnlyList<double> series, int from, int to) => PredictOneStep(series, Covariates.None, from, to);

    /// <summary>Forecasts <paramref name="horizon"/> points after the end of <paramref name="history"/>, feeding predictions back as input.</summary>
    public double[] PredictRecursive(IReadOnlyList<double> history, int horizon) => PredictRecursive(history, Covariates.None, [history.Count], horizon)[0];

    /// <summary>Forecasts by networks of the series' own past (<see cref="PredictRecursive(IReadOnlyList{double}, Covariates, IReadOnlyList{int}, int)"/>).</summary>
    public double[][] PredictRecursive(IReadOnlyList<double> series, IReadOnlyList<int> origins, int horizon) =>
        PredictRecursive(series, Covariates.None, origins, horizon);

    /// <summary>
    /// One-step-ahead predictions for points [from, to) of <paramref name="series"/>, each from the actual values
    /// before it. The model is fixed at <paramref name="from"/>: the seasonal part, like the weights, comes from the
    /// points before it, so a prediction differs from a recursive forecast's first step only in those indices.
    /// </summary>
    /// <param name="covariates">The series' covariates, known through <paramref name="to"/>; ignored by networks without covariates.</param>
    /// <exception cref="Domain.Series.MissingCovariateException">A covariate the networks read without a value before <paramref name="to"/>.</exception>
    public double[] PredictOneStep(IReadOnlyList<double> series, Covariates covariates, int from, int to)
    {
        if (from < FirstPredictable || to > series.Count || from > to)
        {
            throw new ArgumentOutOfRangeException(nameof(from),
                $"One-step predictions exist for indices {FirstPredictable}..{series.Count - 1}: every point needs {FirstPredictable} points before it.");
        }
        var scaled = CovariateScaler.Scale(artifact.CovariateScalers, covariates, 0, to, artifact.Transform.Difference);
        // The seasonal part from the points before the first prediction only: none of them sees a value it predicts.
        var history = new TransformedHistory(artifact.Transform, artifact.Seasons, series.Take(to - 1).ToArray(), indicesFrom: from, artifact.EvolvingSeason);
        var rows = Enumerable.Range(from, to - from).Select(t => (View: this, History: history, Covariates: scaled, Target: t)).ToArray();
        var (predicted, anchors) = Run(rows);
        return anchors.Select((anchor, i) => history.InvertAt(from + i, artifact.Scaler.Inverse(predicted[i * artifact.Outputs] + anchor))).ToArray();
    }

    /// <summary>
    /// Forecasts of <paramref name="horizon"/> points from each origin: the forecast from origin o sees only
    /// <paramref name="series"/>[0..o) (and the covariates through o + <paramref name="horizon"/>) and predicts indices
    /// o..o+horizon-1. All origins go through the network together; with several seasons, their MSTL fits are shared
    /// (<see cref="TransformedHistory.BeforeOrigins"/>).
    /// </summary>
    /// <param name="covariates">The series' covariates, known at least <paramref name="horizon"/> points past each origin; ignored by networks without covariates.</param>
    /// <exception cref="Domain.Series.MissingCovariateException">A covariate the networks read without a value a forecast needs: the first such, as a step of its origin.</exception>
    public double[][] PredictRecursive(IReadOnlyList<double> series, Covariates covariates, IReadOnlyList<int> origins, int horizon)
    {
        if (origins.Any(o => o < FirstPredictable || o > series.Count))
        {
            throw new ArgumentOutOfRangeException(nameof(origins),
                $"A forecast origin must lie in {FirstPredictable}..{series.Count}: it needs {FirstPredictable} points of history.");
        }
        foreach (var origin in origins)
        {
            RequireCovariates(covariates, origin, horizon);
        }
        // Every origin's needs are checked above; the earliest origin bounds what a past-only covariate must hold.
        var scaled = CovariateScaler.Scale(artifact.CovariateScalers, covariates, 0, origins.Count == 0 ? 0 : origins.Max() + Reach(horizon), artifact.Transform.Difference,
            origin: origins.Count == 0 ? null : origins.Min());
        var histories = TransformedHistory.BeforeOrigins(artifact.Transform, artifact.Seasons, series, origins, artifact.EvolvingSeason);
        return Forecast(histories.Select(history => (this, history, scaled)).ToArray(), horizon);
    }

    /// <summary>
    /// Forecasts of <paramref name="horizon"/> points after the end of each history, each seen by its own view of the same
    /// networks (<see cref="ForSeries"/>): all of them go through the networks together, so a collection's members cost one
    /// network call per block of steps rather than one per member.
    /// </summary>
    /// <exception cref="ArgumentException">A view of other networks than this model's.</exception>
    /// <param name="covariates">Each history's covariates, aligned with it and known through the networks' last block of steps; null for networks of the series' own past.</param>
    /// <exception cref="Domain.Series.MissingCovariateException">A covariate the networks read without a value a forecast needs: the first such, as a step of its origin.</exception>
    public double[][] PredictRecursiveTogether(
        IReadOnlyList<LstmModel> views, IReadOnlyList<IReadOnlyList<double>> histories, IReadOnlyList<Covariates>? covariates, int horizon)
    {
        if (views.Any(v => v.members != members) || views.Count != histories.Count || covariates is not null && covariates.Count != histories.Count)
        {
            throw new ArgumentException("Every view must share this model's networks, one view and one set of covariates per history.", nameof(views));
        }
        var transformed = views.Select((view, i) =>
        {
            var history = histories[i];
            if (history.Count < view.FirstPredictable)
            {
                throw new ArgumentOutOfRangeException(nameof(histories), $"History {i} has {history.Count} points; it needs {view.FirstPredictable}.");
            }
            var known = covariates?[i] ?? Covariates.None;
            view.RequireCovariates(known, history.Count, horizon);
            var scaled = CovariateScaler.Scale(view.artifact.CovariateScalers, known, 0, history.Count + Reach(horizon), view.artifact.Transform.Difference, origin: history.Count);
            return (view, new TransformedHistory(view.artifact.Transform, view.artifact.Seasons, history, evolvingSeason: view.artifact.EvolvingSeason), scaled);
        }).ToArray();
        return Forecast(transformed, horizon);
    }

    /// <summary>Steps past an origin that a forecast of <paramref name="horizon"/> reads covariates at: every step of its last block of <see cref="ModelArtifact.Outputs"/>.</summary>
    private int Reach(int horizon) => (horizon + artifact.Outputs - 1) / artifact.Outputs * artifact.Outputs;

    /// <summary>
    /// Checks that <paramref name="covariates"/> cover every step a forecast of <paramref name="horizon"/> from
    /// <paramref name="origin"/> reads: those known ahead through its last block, the past-only ones through the start of
    /// that block (the origin, for a forecast of one block), where the last window ends.
    /// </summary>
    /// <exception cref="Domain.Series.MissingCovariateException">A covariate the networks read without a value where the forecast needs it.</exception>
    internal void RequireCovariates(Covariates covariates, int origin, int horizon)
    {
        var (ahead, pastOnly) = (artifact.CovariateScalers.Where(c => !c.PastOnly), artifact.CovariateScalers.Where(c => c.PastOnly));
        covariates.Require([.. ahead.Select(c => c.Name)], origin + Reach(horizon), origin, artifact.Outputs);
        covariates.Require([.. pastOnly.Select(c => c.Name)], origin + Reach(horizon) - artifact.Outputs, origin, artifact.Outputs);
    }

    /// <summary>
    /// Forecasts each history by its view, a block of <see cref="ModelArtifact.Outputs"/> steps per network call, every
    /// block fed back as history for the next (one step at a time for a network of one output).
    /// </summary>
    /// <param name="rows">Each forecast's view, history, and scaled covariates (indexed as the series, known through the horizon).</param>
    private double[][] Forecast(IReadOnlyList<(LstmModel View, TransformedHistory History, float[][] Covariates)> rows, int horizon)
    {
        var outputs = artifact.Outputs;
        var forecasts = rows.Select(_ => new double[horizon]).ToArray();
        for (var from = 0; from < horizon && rows.Count > 0; from += outputs)
        {
            var (next, anchors) = Run([.. rows.Select(r => (r.View, r.History, r.Covariates, Target: r.History.Count))]);
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
    /// The ensemble's forecast from each row's window before its target, row-major [rows, Outputs] (the median of its
    /// networks' outputs), and what each row's outputs are relative to. Each window is its view's scaled transformed values
    /// and covariates, written as they were cut in training (<see cref="Windows.ForTargets"/>).
    /// </summary>
    /// <remarks>The median, not the mean, so that one network gone astray moves the forecast less; of two networks it is their mean.</remarks>
    private (float[] Outputs, float[] Anchors) Run((LstmModel View, TransformedHistory History, float[][] Covariates, int Target)[] rows)
    {
        var (covariateCount, knownAhead) = (artifact.CovariateScalers.Count, CovariateScaler.KnownAhead(artifact.CovariateScalers));
        var (steps, future) = (Lookback * (1 + covariateCount), artifact.Outputs * knownAhead);
        var inputs = new float[rows.Length * steps];
        var futures = new float[rows.Length * future];
        var anchors = new float[rows.Length];
        for (var i = 0; i < rows.Length; i++)
        {
            var (view, history, covariates, target) = rows[i];
            var scaled = new ScaledHistory(history, view.artifact.Scaler);
            anchors[i] = Windows.WriteInputs(scaled, covariates, target, Lookback, artifact.RelativeWindows, inputs.AsSpan(i * steps, steps));
            Windows.WriteFuture(covariates, knownAhead, target, artifact.Outputs, artifact.RelativeWindows, futures.AsSpan(i * future, future));
        }
        float[][] outputs;
        lock (gate)
        {
            using var _ = no_grad();
            using var scope = NewDisposeScope();
            var input = tensor(inputs, [rows.Length, Lookback, 1 + covariateCount]);
            var known = future == 0 ? null : tensor(futures, [rows.Length, future]);
            outputs = members.Select(m => m.ForwardWith(input, known).data<float>().ToArray()).ToArray();
        }
        return (EnsembleMedian.Of(outputs), anchors);
    }

    /// <summary>A transformed history through a scaler, as the network reads it, indexed as the series.</summary>
    private sealed class ScaledHistory(TransformedHistory history, MinMaxScaler scaler) : IReadOnlyList<float>
    {
        public float this[int index] => (float)scaler.Transform(history[index]);

        public int Count => history.Count;

        public IEnumerator<float> GetEnumerator() => Enumerable.Range(0, Count).Select(i => this[i]).GetEnumerator();

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
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
