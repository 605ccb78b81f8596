namespace Forecast.Domain.Series;

/// <summary>
/// The covariates an append carries, as its request gives them: rows each with its own timestamp (a CSV's), or named
/// arrays (JSON's) whose value i goes with observation i and whose values after the last observation go with the
/// periods after it, the known future. Arrays are dated only on the series they are appended to, since observations
/// without timestamps continue from its end.
/// </summary>
public sealed record GivenCovariates(CovariateRows Rows, IReadOnlyDictionary<string, double[]>? Arrays)
{
    public static GivenCovariates None { get; } = new(CovariateRows.None, null);

    /// <param name="series">The series appended to, as stored before the append.</param>
    /// <param name="dates">The append's timestamps; null when its observations continue from the series' end.</param>
    /// <param name="count">How many observations the append carries.</param>
    public CovariateRows On(RegularSeries series, IReadOnlyList<DateTime>? dates, int count) => Arrays is { Count: > 0 } arrays
        ? CovariateRows.FromArrays(dates ?? series.FutureTimestamps(count), series.Frequency, arrays)
        : Rows;
}
