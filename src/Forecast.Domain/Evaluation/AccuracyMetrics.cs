namespace Forecast.Domain.Evaluation;

/// <summary>
/// Accuracy of forecasts against actuals. <see cref="Mape"/> is null when an actual is 0, and
/// <see cref="Smape"/> when an actual and its forecast are both 0 (R's forecast package gives NA there);
/// <see cref="Mase"/> is null when the in-sample scale is 0: a constant training part, or one that repeats a season exactly,
/// on which seasonal naive makes no error. None of them is ever NaN or infinite, which JSON cannot carry.
/// </summary>
public sealed record AccuracyMetrics(double Mae, double Rmse, double? Smape, double? Mape, double? Mase)
{
    /// <param name="actual">Actual values on the scored tail.</param>
    /// <param name="predicted">Forecasts for the same points.</param>
    /// <param name="maseScale">In-sample seasonal-naive MAE (see <see cref="MaseScale"/>).</param>
    public static AccuracyMetrics Compute(IReadOnlyList<double> actual, IReadOnlyList<double> predicted, double maseScale)
    {
        if (actual.Count != predicted.Count || actual.Count == 0)
        {
            throw new ArgumentException("Actual and predicted must be non-empty and of equal length.");
        }
        double absSum = 0, sqSum = 0, smapeSum = 0, mapeSum = 0;
        bool smapeDefined = true, mapeDefined = true;
        for (var i = 0; i < actual.Count; i++)
        {
            var error = actual[i] - predicted[i];
            absSum += Math.Abs(error);
            sqSum += error * error;
            var denominator = Math.Abs(actual[i]) + Math.Abs(predicted[i]);
            if (denominator == 0)
            {
                smapeDefined = false;
            }
            else
            {
                smapeSum += 200 * Math.Abs(error) / denominator;
            }
            if (actual[i] == 0)
            {
                mapeDefined = false;
            }
            else
            {
                mapeSum += 100 * Math.Abs(error / actual[i]);
            }
        }
        var n = actual.Count;
        var mae = absSum / n;
        // A scale so small that the ratio overflows is as undefined as a zero one.
        var mase = maseScale > 0 ? mae / maseScale : double.NaN;
        return new AccuracyMetrics(
            mae,
            Math.Sqrt(sqSum / n),
            smapeDefined ? smapeSum / n : null,
            mapeDefined ? mapeSum / n : null,
            double.IsFinite(mase) ? mase : null);
    }

    /// <summary>
    /// The MASE scale: mean absolute seasonal difference (lag <paramref name="period"/>) of the
    /// in-sample part, i.e. the in-sample MAE of the seasonal naive method (plain naive when period is 1); 0 when that
    /// method fits the in-sample part exactly (or it has too few points for one difference), where MASE is undefined.
    /// </summary>
    /// <remarks>
    /// "Exactly" allows for rounding: a season computed in floating point repeats to within a few units in the last place,
    /// and a scale of 1e-15 would make any honest error a MASE of 1e15, which would swamp every mean it joined. A scale
    /// below <see cref="RoundingTolerance"/> of the values' mean magnitude is taken as 0.
    /// </remarks>
    public static double MaseScale(IReadOnlyList<double> inSample, int period)
    {
        var lag = period < inSample.Count ? period : 1;
        if (inSample.Count <= lag)
        {
            return 0;
        }
        double sum = 0, magnitude = 0;
        for (var i = lag; i < inSample.Count; i++)
        {
            sum += Math.Abs(inSample[i] - inSample[i - lag]);
            magnitude += Math.Abs(inSample[i]);
        }
        return sum > RoundingTolerance * magnitude ? sum / (inSample.Count - lag) : 0;
    }

    /// <summary>Differences this small beside the values themselves are rounding, not change.</summary>
    public const double RoundingTolerance = 1e-12;
}
