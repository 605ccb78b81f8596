using Forecast.Domain.Runs;

namespace Forecast.Training.Transforms;

/// <summary>
/// A series carried through a <see cref="TransformPipeline"/> stage by stage, so that a value
/// predicted on the transformed scale can be carried back: <see cref="Append"/> undoes the first
/// difference with the previous seasonally differenced value, the seasonal difference with the level
/// one season back and the log with exp, then keeps the result as history. A recursive forecast
/// therefore integrates its differences over the actual history and its own earlier forecasts.
/// </summary>
/// <remarks>Every stage is indexed like the original series; indices before <see cref="Consumed"/> have no transformed value.</remarks>
public sealed class TransformedHistory
{
    private readonly TransformPipeline pipeline;
    private readonly int period;
    private readonly List<double> levels;
    private readonly List<double> seasonal;
    private readonly List<double> transformed;

    /// <param name="history">Original values; all positive when the pipeline takes logs.</param>
    public TransformedHistory(TransformPipeline pipeline, int seasonalPeriod, IReadOnlyList<double> history)
    {
        this.pipeline = pipeline;
        period = seasonalPeriod;
        Consumed = pipeline.PointsConsumed(seasonalPeriod);
        levels = new List<double>(history.Count);
        seasonal = new List<double>(history.Count);
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
        seasonal.Add(s);
        transformed.Add(next);
        return value;
    }

    private (double Level, double Seasonal, double Value) Undo(double next, int t)
    {
        if (t < Consumed || t > Count)
        {
            throw new ArgumentOutOfRangeException(nameof(t), $"Undoing {pipeline} at index {t} needs the {Consumed} points before it, and at most the {Count} held.");
        }
        var s = pipeline.Difference ? next + seasonal[t - 1] : next;
        var level = pipeline.SeasonalDifference ? s + levels[t - period] : s;
        return (level, s, pipeline.Log ? Math.Exp(level) : level);
    }

    private void Add(double value)
    {
        var t = levels.Count;
        var level = pipeline.Log ? Math.Log(value) : value;
        levels.Add(level);
        var s = !pipeline.SeasonalDifference ? level : t >= period ? level - levels[t - period] : double.NaN;
        seasonal.Add(s);
        transformed.Add(!pipeline.Difference ? s : t >= Consumed ? s - seasonal[t - 1] : double.NaN);
    }
}
