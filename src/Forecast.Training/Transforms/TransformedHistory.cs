using Forecast.Domain.Runs;

namespace Forecast.Training.Transforms;

/// <summary>
/// A series carried through a <see cref="TransformPipeline"/> stage by stage, so that a value
/// predicted on the transformed scale can be carried back: <see cref="Append"/> undoes the first
/// difference with the previous deseasonalized value, the seasonal difference with the level one season
/// back (or the deseasonalizing with the seasonal part at that index) and the log with exp, then keeps the
/// result as history. A recursive forecast therefore integrates its differences over the actual history
/// and its own earlier forecasts.
/// </summary>
/// <remarks>
/// Every stage is indexed like the original series; indices before <see cref="Consumed"/> have no
/// transformed value. The seasonal part (<see cref="ISeasonalPart"/>: phase indices of one period, STL's season of one
/// that may evolve, MSTL's seasons of several) is estimated once, at construction, from a leading part of the history (by default all of it): the
/// training part while training, everything before the origin when forecasting, so no value is ever transformed with
/// a season that saw its future beyond that.
/// </remarks>
public sealed class TransformedHistory
{
    private readonly TransformPipeline pipeline;
    private readonly int period;
    private readonly List<double> levels;
    private readonly List<double> withoutSeason;
    private readonly List<double> transformed;
    private readonly ISeasonalPart? season;

    /// <summary>A history of one season (<see cref="TransformedHistory(TransformPipeline, IReadOnlyList{int}, IReadOnlyList{double}, int?, bool)"/>).</summary>
    public TransformedHistory(TransformPipeline pipeline, int seasonalPeriod, IReadOnlyList<double> history, int? indicesFrom = null)
        : this(pipeline, [seasonalPeriod], history, indicesFrom)
    {
    }

    /// <param name="seasonalPeriods">
    /// Every season, shortest first. The longest is the seasonal difference's lag; deseasonalizing takes out phase
    /// indices of one season, or MSTL's seasons of two or three.
    /// </param>
    /// <param name="history">Original values; all positive when the pipeline takes logs.</param>
    /// <param name="indicesFrom">How many leading history points estimate the seasonal part; all by default.</param>
    /// <param name="evolvingSeason">Whether one season is taken out as STL's rather than as fixed phase indices (<see cref="ISeasonalPart.Fit"/>).</param>
    public TransformedHistory(
        TransformPipeline pipeline, IReadOnlyList<int> seasonalPeriods, IReadOnlyList<double> history, int? indicesFrom = null, bool evolvingSeason = false)
        : this(pipeline, seasonalPeriods[^1], history,
            pipeline.Deseasonalize ? ISeasonalPart.Fit(Levels(pipeline, history), indicesFrom ?? history.Count, seasonalPeriods, evolvingSeason) : null)
    {
    }

    private TransformedHistory(TransformPipeline pipeline, int seasonalPeriod, IReadOnlyList<double> history, ISeasonalPart? season)
    {
        this.pipeline = pipeline;
        period = seasonalPeriod;
        Consumed = pipeline.PointsConsumed(period);
        this.season = season;
        levels = new List<double>(history.Count);
        withoutSeason = new List<double>(history.Count);
        transformed = new List<double>(history.Count);
        foreach (var value in history)
        {
            Add(value);
        }
    }

    /// <summary>
    /// The histories before each of <paramref name="origins"/> in <paramref name="series"/>, each as the constructor builds
    /// it from the points before its origin, but for MSTL's seasons: a decomposition costs 6 to 23 ms on four weeks of
    /// hourly data (docs/design.md), and a backtest forecasts from a hundred origins or more. So they are fitted once every
    /// shortest period, at renewal points counted in whole periods back from the latest origin, and an origin takes the
    /// latest renewal point at or before it, with the seasons' repeated cycles standing for the seasons of the points since (as the
    /// <c>mstl</c> method renews its decomposition). The latest origin's history, a lone forecast's, is exactly the
    /// constructor's; phase indices, which cost little, are fitted at every origin.
    /// </summary>
    public static TransformedHistory[] BeforeOrigins(
        TransformPipeline pipeline, IReadOnlyList<int> seasonalPeriods, IReadOnlyList<double> series, IReadOnlyList<int> origins, bool evolvingSeason = false)
    {
        var last = origins.Count == 0 ? 0 : origins.Max();
        var stride = pipeline.Deseasonalize && seasonalPeriods.Count > 1 ? seasonalPeriods[0] : 1;
        var longest = seasonalPeriods[^1];
        // A renewal point too early to fit the seasons on leaves its origin to fit them itself.
        int FittedOn(int origin)
        {
            var renewal = last - (last - origin + stride - 1) / stride * stride;
            return renewal >= pipeline.HistoryNeeded(longest) ? renewal : origin;
        }
        var levels = pipeline.Deseasonalize ? Levels(pipeline, series.Take(last).ToArray()) : [];
        var seasons = new Dictionary<int, ISeasonalPart?>();
        return [.. origins.Select(origin =>
        {
            var fittedOn = FittedOn(origin);
            if (!seasons.TryGetValue(fittedOn, out var season))
            {
                season = pipeline.Deseasonalize ? ISeasonalPart.Fit(levels, fittedOn, seasonalPeriods, evolvingSeason) : null;
                seasons[fittedOn] = season;
            }
            return new TransformedHistory(pipeline, longest, series.Take(origin).ToArray(), season);
        })];
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
            : season is not null ? s + season.At(t)
            : s;
        return (level, s, pipeline.Log ? Math.Exp(level) : level);
    }

    private void Add(double value)
    {
        var t = levels.Count;
        var level = Log(value);
        levels.Add(level);
        var s = pipeline.SeasonalDifference ? (t >= period ? level - levels[t - period] : double.NaN)
            : season is not null ? level - season.At(t)
            : level;
        withoutSeason.Add(s);
        transformed.Add(!pipeline.Difference ? s : t >= Consumed ? s - withoutSeason[t - 1] : double.NaN);
    }

    private double Log(double value) => pipeline.Log ? Math.Log(value) : value;

    /// <summary>The values the season is taken out of: their logs when the pipeline logs.</summary>
    private static double[] Levels(TransformPipeline pipeline, IReadOnlyList<double> values) =>
        pipeline.Log ? [.. values.Select(v => Math.Log(v))] : [.. values];
}
