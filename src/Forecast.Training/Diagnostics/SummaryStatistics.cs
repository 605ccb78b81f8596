using MathNet.Numerics.Statistics;

namespace Forecast.Training.Diagnostics;

/// <summary>
/// Location and spread of a series. Quartiles use linear interpolation between order statistics (R type 7,
/// numpy's default); the standard deviation is the sample one (n - 1), null for a single value.
/// </summary>
public sealed record SummaryStatistics(
    int Count,
    double Mean,
    double? StandardDeviation,
    double Min,
    double FirstQuartile,
    double Median,
    double ThirdQuartile,
    double Max)
{
    public static SummaryStatistics Of(IReadOnlyList<double> values)
    {
        SeriesGuards.RequireUsable(values, 1, "Summary statistics", allowConstant: true);
        var sorted = values.ToArray();
        Array.Sort(sorted);
        return new SummaryStatistics(
            sorted.Length,
            values.Average(),
            sorted.Length > 1 ? values.StandardDeviation() : null,
            sorted[0],
            SortedArrayStatistics.QuantileCustom(sorted, 0.25, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(sorted, 0.5, QuantileDefinition.R7),
            SortedArrayStatistics.QuantileCustom(sorted, 0.75, QuantileDefinition.R7),
            sorted[^1]);
    }
}
