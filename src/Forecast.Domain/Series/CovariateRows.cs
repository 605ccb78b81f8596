namespace Forecast.Domain.Series;

/// <summary>
/// Covariate columns as an upload gives them, row by row: each row's timestamp, and per column its value in each row
/// (null where the row leaves it empty). Rows after the series' last value are the known future.
/// </summary>
public sealed record CovariateRows(IReadOnlyList<DateTime> Timestamps, IReadOnlyList<string> Names, IReadOnlyList<IReadOnlyList<double?>> Columns)
{
    public static CovariateRows None { get; } = new([], [], []);
}
