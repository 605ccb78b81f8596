using Forecast.Api.Persistence;
using Forecast.Domain.Series;
using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;

namespace Forecast.Api.Models;

/// <summary>A stored model with its network rebuilt and its series loaded, ready to forecast.</summary>
/// <remarks>
/// A series never changes once stored, so the point forecast from its end is computed once and
/// reused: recursive forecasts are prefix-consistent (step h depends only on steps before it), so
/// the longest horizon computed so far answers every shorter one.
/// </remarks>
public sealed class LoadedModel(ModelEntity entity, LstmModel network, RegularSeries series)
{
    private readonly Lock gate = new();
    private double[] forecast = [];

    public ModelEntity Entity { get; } = entity;

    public LstmModel Network { get; } = network;

    public RegularSeries Series { get; } = series;

    /// <summary>The interval scale at the end of the series (see <c>ConformalCalibration.ScaleAt</c>); 1 without a calibration.</summary>
    public double IntervalScale { get; } = entity.Artifact.Calibration?.ScaleAt(series.Values) ?? 1;

    /// <summary>A backtest of this model from <paramref name="origins"/>, without refitting (no training).</summary>
    public Backtest Backtest(IReadOnlyList<int> origins, int step)
    {
        var e = Entity.Evaluation;
        lock (gate)
        {
            return Training.Evaluation.Backtest.Run(Network, Entity.Artifact.Calibration, Series.Values, origins, e.Actual.Count, e.SeasonalPeriod, step);
        }
    }

    public IReadOnlyList<double> PointForecast(int horizon)
    {
        lock (gate)
        {
            if (forecast.Length < horizon)
            {
                forecast = Network.PredictRecursive(Series.Values, horizon);
            }
            return new ArraySegment<double>(forecast, 0, horizon);
        }
    }
}
