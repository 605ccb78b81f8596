namespace Forecast.Training.Lstm;

/// <summary>Supervised pairs cut from a scaled series: <c>lookback</c> past values predict the next one.</summary>
public sealed class Windows
{
    private Windows(float[] inputs, float[] targets, int lookback)
    {
        Inputs = inputs;
        Targets = targets;
        Lookback = lookback;
    }

    /// <summary>Row-major [Count, Lookback] inputs.</summary>
    public float[] Inputs { get; }

    public float[] Targets { get; }

    public int Lookback { get; }

    public int Count => Targets.Length;

    /// <summary>The windows of several series, one after another: a global model's training set.</summary>
    public static Windows Concat(IReadOnlyList<Windows> parts, int lookback)
    {
        var inputs = new float[parts.Sum(p => p.Inputs.Length)];
        var targets = new float[parts.Sum(p => p.Count)];
        var (inputAt, targetAt) = (0, 0);
        foreach (var part in parts)
        {
            part.Inputs.CopyTo(inputs, inputAt);
            part.Targets.CopyTo(targets, targetAt);
            (inputAt, targetAt) = (inputAt + part.Inputs.Length, targetAt + part.Count);
        }
        return new Windows(inputs, targets, lookback);
    }

    /// <summary>Windows whose target index lies in [<paramref name="firstTarget"/>, <paramref name="endTarget"/>).</summary>
    /// <remarks>Inputs may reach back before <paramref name="firstTarget"/>: they are the past, not a leak.</remarks>
    /// <param name="relative">
    /// Inputs and target less the window's last input (<see cref="ModelArtifact.RelativeWindows"/>), so that the
    /// network learns changes from where the window ends rather than levels.
    /// </param>
    public static Windows ForTargets(float[] series, int lookback, int firstTarget, int endTarget, bool relative = false)
    {
        var first = Math.Max(firstTarget, lookback);
        var count = Math.Max(0, endTarget - first);
        var inputs = new float[count * lookback];
        var targets = new float[count];
        for (var w = 0; w < count; w++)
        {
            var target = first + w;
            var anchor = relative ? series[target - 1] : 0f;
            for (var j = 0; j < lookback; j++)
            {
                inputs[(w * lookback) + j] = series[target - lookback + j] - anchor;
            }
            targets[w] = series[target] - anchor;
        }
        return new Windows(inputs, targets, lookback);
    }
}
