namespace Forecast.Training.Lstm;

/// <summary>
/// Supervised pairs cut from a scaled series: <c>lookback</c> past values predict the next <c>horizon</c> ones (the next
/// one for a network fed its own predictions).
/// </summary>
public sealed class Windows
{
    private Windows(float[] inputs, float[] targets, int lookback, int horizon, int[] seriesStarts)
    {
        Inputs = inputs;
        Targets = targets;
        Lookback = lookback;
        Horizon = horizon;
        SeriesStarts = seriesStarts;
    }

    /// <summary>Row-major [Count, Lookback] inputs.</summary>
    public float[] Inputs { get; }

    /// <summary>Row-major [Count, Horizon] targets.</summary>
    public float[] Targets { get; }

    public int Lookback { get; }

    public int Horizon { get; }

    public int Count => Targets.Length / Horizon;

    /// <summary>The index of each series' first window, in order; one series' windows are contiguous.</summary>
    public IReadOnlyList<int> SeriesStarts { get; }

    /// <summary>The windows of several series, one after another: a global model's training set.</summary>
    public static Windows Concat(IReadOnlyList<Windows> parts, int lookback, int horizon = 1)
    {
        var inputs = new float[parts.Sum(p => p.Inputs.Length)];
        var targets = new float[parts.Sum(p => p.Targets.Length)];
        var starts = new List<int>(parts.Count);
        var (inputAt, targetAt, windows) = (0, 0, 0);
        foreach (var part in parts)
        {
            part.Inputs.CopyTo(inputs, inputAt);
            part.Targets.CopyTo(targets, targetAt);
            starts.AddRange(part.SeriesStarts.Select(s => windows + s));
            (inputAt, targetAt, windows) = (inputAt + part.Inputs.Length, targetAt + part.Targets.Length, windows + part.Count);
        }
        return new Windows(inputs, targets, lookback, horizon, [.. starts]);
    }

    /// <summary>
    /// Windows whose first target index lies in [<paramref name="firstTarget"/>, <paramref name="endTarget"/>) and whose
    /// <paramref name="horizon"/> targets all lie before <paramref name="endTarget"/>.
    /// </summary>
    /// <remarks>Inputs may reach back before <paramref name="firstTarget"/>: they are the past, not a leak.</remarks>
    /// <param name="relative">
    /// Inputs and targets less the window's last input (<see cref="ModelArtifact.RelativeWindows"/>), so that the
    /// network learns changes from where the window ends rather than levels.
    /// </param>
    public static Windows ForTargets(float[] series, int lookback, int firstTarget, int endTarget, bool relative = false, int horizon = 1)
    {
        var first = Math.Max(firstTarget, lookback);
        var count = Math.Max(0, endTarget - horizon + 1 - first);
        var inputs = new float[count * lookback];
        var targets = new float[count * horizon];
        for (var w = 0; w < count; w++)
        {
            var target = first + w;
            var anchor = relative ? series[target - 1] : 0f;
            for (var j = 0; j < lookback; j++)
            {
                inputs[(w * lookback) + j] = series[target - lookback + j] - anchor;
            }
            for (var k = 0; k < horizon; k++)
            {
                targets[(w * horizon) + k] = series[target + k] - anchor;
            }
        }
        return new Windows(inputs, targets, lookback, horizon, count > 0 ? [0] : []);
    }
}
