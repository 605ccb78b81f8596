namespace Forecast.Domain.Series;

/// <summary>
/// An evenly spaced series: one value per period from <see cref="Start"/> (UTC), no gaps. Timestamps are derived,
/// never stored, so they cannot disagree with the values.
/// </summary>
public sealed record RegularSeries(DateTime Start, Frequency Frequency, IReadOnlyList<double> Values)
{
    public int Count => Values.Count;

    public DateTime End => TimestampAt(Count - 1);

    public DateTime TimestampAt(int index) => Frequency.Advance(Start, index);

    /// <summary>Timestamps of the <paramref name="count"/> periods after the last one.</summary>
    public IReadOnlyList<DateTime> FutureTimestamps(int count) =>
        Enumerable.Range(Count, count).Select(TimestampAt).ToArray();

    /// <summary>A timestamp at the series' resolution, as answers write it.</summary>
    public string Format(DateTime timestamp) => Frequency.Format(timestamp);
}
