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

    /// <summary>Windows whose target index lies in [<paramref name="firstTarget"/>, <paramref name="endTarget"/>).</summary>
    /// <remarks>Inputs may reach back before <paramref name="firstTarget"/>: they are the past, not a leak.</remarks>
    public static Windows ForTargets(float[] series, int lookback, int firstTarget, int endTarget)
    {
        var first = Math.Max(firstTarget, lookback);
        var count = Math.Max(0, endTarget - first);
        var inputs = new float[count * lookback];
        var targets = new float[count];
        for (var w = 0; w < count; w++)
        {
            var target = first + w;
            Array.Copy(series, target - lookback, inputs, w * lookback, lookback);
            targets[w] = series[target];
        }
        return new Windows(inputs, targets, lookback);
    }
}
