using Forecast.Domain;

namespace Forecast.Training.Intervals;

/// <summary>The prediction interval levels a forecast was asked for, checked, in the order asked.</summary>
/// <remarks>
/// Checked apart from the forecast, so a caller can refuse bad levels before it loads a model; a
/// forecast takes only checked levels.
/// </remarks>
public sealed class IntervalLevels
{
    /// <summary>Levels one forecast may ask for: each costs a quantile per step.</summary>
    public const int MaxCount = 5;

    private IntervalLevels(IReadOnlyList<double> values) => Values = values;

    /// <summary>A forecast without intervals.</summary>
    public static IntervalLevels None { get; } = new([]);

    /// <summary>The levels an evaluation and a backtest report coverage for: 80 % and 95 %.</summary>
    public static IntervalLevels Default { get; } = new(ConformalCalibration.DefaultLevels);

    /// <summary>Percentages, each in <see cref="ConformalCalibration.MinimumLevel"/>..<see cref="ConformalCalibration.MaximumLevel"/>, none twice.</summary>
    public IReadOnlyList<double> Values { get; }

    /// <param name="levels">Percentages as asked; null or empty for a forecast without intervals.</param>
    /// <exception cref="DomainValidationException">More than <see cref="MaxCount"/> levels, one out of range, or one asked twice.</exception>
    public static IntervalLevels Of(IReadOnlyList<double>? levels)
    {
        levels ??= [];
        if (levels.Count > MaxCount)
        {
            throw new DomainValidationException($"At most {MaxCount} levels may be asked for at once; got {levels.Count}.", "level");
        }
        foreach (var l in levels)
        {
            if (!(l >= ConformalCalibration.MinimumLevel && l <= ConformalCalibration.MaximumLevel))
            {
                throw new DomainValidationException(
                    $"level is a percentage between {ConformalCalibration.MinimumLevel} and {ConformalCalibration.MaximumLevel}; got {l}.", "level");
            }
        }
        if (levels.Distinct().Count() != levels.Count)
        {
            throw new DomainValidationException("Each level may be asked for once.", "level");
        }
        return new IntervalLevels(levels.ToArray());
    }
}
