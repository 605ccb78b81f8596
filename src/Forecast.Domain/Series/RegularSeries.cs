namespace Forecast.Domain.Series;

/// <summary>
/// An evenly spaced series: one value per period from <see cref="Start"/>, no gaps. Timestamps are
/// derived, never stored, so they cannot disagree with the values.
/// </summary>
public sealed record RegularSeries(DateOnly Start, Frequency Frequency, IReadOnlyList<double> Values)
{
    public int Count => Values.Count;

    public DateOnly End => TimestampAt(Count - 1);

    public DateOnly TimestampAt(int index) => Frequency.Advance(Start, index);

    /// <summary>Timestamps of the <paramref name="count"/> periods after the last one.</summary>
    public IReadOnlyList<DateOnly> FutureTimestamps(int count) =>
        Enumerable.Range(Count, count).Select(TimestampAt).ToArray();
}
