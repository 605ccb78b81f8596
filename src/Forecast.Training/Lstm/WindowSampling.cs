namespace Forecast.Training.Lstm;

/// <summary>What a network is trained on in one epoch: which of its windows, in which order.</summary>
/// <param name="WindowsPerEpoch">At most this many windows of all, drawn afresh each epoch; null for all of them.</param>
/// <param name="WindowsPerSeries">
/// Exactly this many windows of every series each epoch, so that a long series weighs no more than a short one (drawn
/// with repetition from a series with fewer); null to draw from the windows pooled.
/// </param>
public sealed record WindowSampling(int? WindowsPerEpoch = null, int? WindowsPerSeries = null)
{
    public static WindowSampling All { get; } = new();

    /// <summary>This epoch's windows in the order trained, drawn by <paramref name="random"/> (seeded by the epoch).</summary>
    public int[] Draw(Windows windows, int batchSize, Random random)
    {
        if (WindowsPerSeries is { } perSeries)
        {
            var drawn = EachSeries(windows, perSeries, random);
            random.Shuffle(drawn);
            return drawn;
        }
        var all = Enumerable.Range(0, windows.Count).ToArray();
        var count = Math.Min(WindowsPerEpoch ?? windows.Count, windows.Count);
        if (batchSize < windows.Count || count < windows.Count)
        {
            random.Shuffle(all);
        }
        return all[..count];
    }

    /// <summary>The number of windows <see cref="Draw"/> gives.</summary>
    public int Count(Windows windows) => WindowsPerSeries is { } perSeries
        ? perSeries * windows.SeriesStarts.Count
        : Math.Min(WindowsPerEpoch ?? windows.Count, windows.Count);

    private static int[] EachSeries(Windows windows, int perSeries, Random random)
    {
        var drawn = new List<int>(perSeries * windows.SeriesStarts.Count);
        for (var s = 0; s < windows.SeriesStarts.Count; s++)
        {
            var start = windows.SeriesStarts[s];
            var end = s + 1 < windows.SeriesStarts.Count ? windows.SeriesStarts[s + 1] : windows.Count;
            var own = Enumerable.Range(start, end - start).ToArray();
            random.Shuffle(own);
            drawn.AddRange(own.Take(perSeries));
            for (var extra = own.Length; extra < perSeries; extra++)
            {
                drawn.Add(start + random.Next(end - start));
            }
        }
        return [.. drawn];
    }
}
