namespace Forecast.Domain.Series;

/// <summary>
/// Covariate columns as an upload gives them, row by row: each row's timestamp, and per column its value in each row
/// (null where the row leaves it empty). Rows after the series' last value are the known future.
/// </summary>
public sealed record CovariateRows(IReadOnlyList<DateTime> Timestamps, IReadOnlyList<string> Names, IReadOnlyList<IReadOnlyList<double?>> Columns)
{
    public static CovariateRows None { get; } = new([], [], []);

    /// <summary>These rows with their columns in the order of <paramref name="names"/>, which must be the same names.</summary>
    public CovariateRows InOrder(IReadOnlyList<string> names) =>
        Names.SequenceEqual(names) ? this : new(Timestamps, names, [.. names.Select(name => Columns[Names.ToList().IndexOf(name)])]);

    /// <summary>
    /// Covariates given as named arrays (JSON) as rows: value i goes with timestamp i, and the values past the last
    /// timestamp with the periods after it, one a period, so that JSON is aligned by the same rules as a CSV's rows.
    /// </summary>
    /// <param name="timestamps">The body's points' timestamps, at least one.</param>
    public static CovariateRows FromArrays(IReadOnlyList<DateTime> timestamps, Frequency frequency, IReadOnlyDictionary<string, double[]> arrays)
    {
        ArgumentNullException.ThrowIfNull(arrays);
        if (arrays.Count == 0)
        {
            return None;
        }
        var beyond = Math.Max(0, arrays.Values.Max(v => v?.Length ?? 0) - timestamps.Count);
        DateTime[] rows = [.. timestamps, .. Enumerable.Range(1, beyond).Select(k => frequency.Advance(timestamps[^1], k))];
        var columns = arrays.Values.Select(values => (IReadOnlyList<double?>)[.. rows.Select((_, i) => values is not null && i < values.Length ? values[i] : (double?)null)]);
        return new CovariateRows(rows, [.. arrays.Keys], [.. columns]);
    }
}
