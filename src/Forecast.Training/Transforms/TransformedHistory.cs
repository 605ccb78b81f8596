using Forecast.Domain.Runs;

namespace Forecast.Training.Transforms;

/// <summary>
/// A series carried through a <see cref="TransformPipeline"/> stage by stage, so that a value
/// predicted on the transformed scale can be carried back: <see cref="Append"/> undoes the first
/// difference with the previous deseasonalized value, the seasonal difference with the level one season
/// back (or the deseasonalizing with the phase's seasonal index) and the log with exp, then keeps the
/// result as history. A recursive forecast therefore integrates its differences over the actual history
/// and its own earlier forecasts.
/// </summary>
/// <remarks>
/// Every stage is indexed like the original series; indices before <see cref="Consumed"/> have no
/// transformed value. Seasonal indices are estimated once, at construction, from a leading part of the
/// history (by default all of it): the training part while training, everything before the origin when
/// forecasting, so no value is ever transformed with indices that saw its future beyond that.
/// </remarks>
public sealed class TransformedHistory
{
    private readonly TransformPipeline pipeline;
    private readonly int period;
    private readonly List<double> levels;
    private readonly List<double> withoutSeason;
    private readonly List<double> transformed;
    private readonly double[] indices;

    /// <param name="history">Original values; all positive when the pipeline takes logs.</param>
    /// <param name="indicesFrom">How many leading history points estimate the seasonal indices; all by default.</param>
    public TransformedHistory(TransformPipeline pipeline, int seasonalPeriod, IReadOnlyList<double> history, int? indicesFrom = null)
    {
        this.pipeline = pipeline;
        period = seasonalPeriod;
        Consumed = pipeline.PointsConsumed(seasonalPeriod);
        indices = pipeline.Deseasonalize
            ? SeasonalIndices.Estimate(history.Select(Log).ToArray(), indicesFrom ?? history.Count, seasonalPeriod)
            : [];
        levels = new List<double>(history.Count);
        withoutSeason = new List<double>(history.Count);
        transformed = new List<double>(history.Count);
        foreach (var value in history)
        {
            Add(value);
        }
    }

    /// <summary>Leading indices without a transformed value.</summary>
    public int Consumed { get; }

    /// <summary>Points held: the history and every appended forecast.</summary>
    public int Count => levels.Count;

    /// <summary>The transformed value at original index <paramref name="index"/> (at least <see cref="Consumed"/>).</summary>
    public double this[int index] => index >= Consumed && index < Count
        ? transformed[index]
        : throw new ArgumentOutOfRangeException(nameof(index), $"Transformed values exist for indices {Consumed}..{Count - 1}.");

    /// <summary>Transformed values of original indices [<paramref name="from"/>, <paramref name="to"/>).</summary>
    public double[] Slice(int from, int to)
    {
        _ = this[from];
        _ = this[to - 1];
        return transformed.GetRange(from, to - from).ToArray();
    }

    /// <summary>
    /// The original value at <paramref name="index"/> whose transform would be <paramref name="value"/>,
    /// given the points held before that index: a one-step prediction carried back over actual lags.
    /// Leaves the history as it is.
    /// </summary>
    public double InvertAt(int index, double value) => Undo(value, index).Value;

    /// <summary>Carries <paramref name="next"/> back to the original scale and keeps it as the next point of history.</summary>
    /// <returns>The original-scale value.</returns>
    public double Append(double next)
    {
        // The stages keep the values undone here rather than redoing them from the original value,
        // so the next window holds exactly the prediction and log/exp rounding does not creep in.
        var (level, s, value) = Undo(next, Count);
        levels.Add(level);
        withoutSeason.Add(s);
        transformed.Add(next);
        return value;
    }

    private (double Level, double Seasonal, double Value) Undo(double next, int t)
    {
        if (t < Consumed || t > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(t), $"Undoing {pipeline} at index {t} needs the {Consumed} points before it, and at most the {Count} held.");
        }
        var s = pipeline.Difference ? next + withoutSeason[t - 1] : next;
        var level = pipeline.SeasonalDifference ? s + levels[t - period]
            : pipeline.Deseasonalize ? s + indices[t % period]
            : s;
        return (level, s, pipeline.Log ? Math.Exp(level) : level);
    }

    private void Add(double value)
    {
        var t = levels.Count;
        var level = Log(value);
        levels.Add(level);
        var s = pipeline.SeasonalDifference ? (t >= period ? level - levels[t - period] : double.NaN)
            : pipeline.Deseasonalize ? level - indices[t % period]
            : level;
        withoutSeason.Add(s);
        transformed.Add(!pipeline.Difference ? s : t >= Consumed ? s - withoutSeason[t - 1] : double.NaN);
    }

    private double Log(double value) => pipeline.Log ? Math.Log(value) : value;
}
