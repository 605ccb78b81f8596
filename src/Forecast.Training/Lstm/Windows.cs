namespace Forecast.Training.Lstm;

/// <summary>
/// Supervised pairs cut from a scaled series: <c>lookback</c> past values predict the next <c>horizon</c> ones (the next
/// one for a network fed its own predictions). With covariates, each past step carries their values beside the
/// series' own, and each window the values of those known ahead at the steps it predicts (their known future); the
/// covariates known ahead come first, the past-only ones after them (<see cref="CovariateScaler.Fit"/>).
/// </summary>
public sealed class Windows
{
    private Windows(float[] inputs, float[] targets, float[] future, int lookback, int horizon, int covariates, int knownAhead, int[] seriesStarts)
    {
        Inputs = inputs;
        Targets = targets;
        Future = future;
        Lookback = lookback;
        Horizon = horizon;
        Covariates = covariates;
        KnownAhead = knownAhead;
        SeriesStarts = seriesStarts;
    }

    /// <summary>Row-major [Count, Lookback, <see cref="Features"/>] inputs: at each step the series' value, then each covariate's.</summary>
    public float[] Inputs { get; }

    /// <summary>Row-major [Count, Horizon] targets.</summary>
    public float[] Targets { get; }

    /// <summary>Row-major [Count, Horizon × <see cref="KnownAhead"/>]: each predicted step's covariates known ahead, step by step; empty without them.</summary>
    public float[] Future { get; }

    public int Lookback { get; }

    public int Horizon { get; }

    /// <summary>The covariates each step carries; 0 for a series forecast from its own past.</summary>
    public int Covariates { get; }

    /// <summary>Of <see cref="Covariates"/>, the first ones, known ahead, whose values at the predicted steps each window carries too.</summary>
    public int KnownAhead { get; }

    /// <summary>Values per input step: the series' own and its covariates'.</summary>
    public int Features => 1 + Covariates;

    public int Count => Targets.Length / Horizon;

    /// <summary>The index of each series' first window, in order; one series' windows are contiguous.</summary>
    public IReadOnlyList<int> SeriesStarts { get; }

    /// <summary>The windows of several series, one after another: a global model's training set.</summary>
    public static Windows Concat(IReadOnlyList<Windows> parts, int lookback, int horizon = 1)
    {
        var (covariates, knownAhead) = parts.Count == 0 ? (0, 0) : (parts[0].Covariates, parts[0].KnownAhead);
        if (parts.Any(p => p.Covariates != covariates || p.KnownAhead != knownAhead))
        {
            throw new ArgumentException("Every series' windows must carry the same covariates.", nameof(parts));
        }
        var starts = new List<int>(parts.Count);
        var windows = 0;
        foreach (var part in parts)
        {
            starts.AddRange(part.SeriesStarts.Select(s => windows + s));
            windows += part.Count;
        }
        return new Windows([.. parts.SelectMany(p => p.Inputs)], [.. parts.SelectMany(p => p.Targets)], [.. parts.SelectMany(p => p.Future)],
            lookback, horizon, covariates, knownAhead, [.. starts]);
    }

    /// <summary>
    /// Windows whose first target index lies in [<paramref name="firstTarget"/>, <paramref name="endTarget"/>) and whose
    /// <paramref name="horizon"/> targets all lie before <paramref name="endTarget"/>.
    /// </summary>
    /// <remarks>Inputs may reach back before <paramref name="firstTarget"/>: they are the past, not a leak.</remarks>
    /// <param name="relative">
    /// Inputs and targets less the window's last input (<see cref="ModelArtifact.RelativeWindows"/>), so that the
    /// network learns changes from where the window ends rather than levels; each covariate less its own value there.
    /// </param>
    /// <param name="covariates">Scaled covariates indexed as <paramref name="series"/>, each known at least through <paramref name="endTarget"/>; none by default.</param>
    /// <param name="knownAhead">How many of <paramref name="covariates"/>, which come first, are known ahead; all of them by default.</param>
    public static Windows ForTargets(
        float[] series, int lookback, int firstTarget, int endTarget, bool relative = false, int horizon = 1, IReadOnlyList<float[]>? covariates = null,
        int? knownAhead = null)
    {
        covariates ??= [];
        var ahead = knownAhead ?? covariates.Count;
        var features = 1 + covariates.Count;
        var first = Math.Max(firstTarget, lookback);
        var count = Math.Max(0, endTarget - horizon + 1 - first);
        var inputs = new float[count * lookback * features];
        var targets = new float[count * horizon];
        var future = new float[count * horizon * ahead];
        for (var w = 0; w < count; w++)
        {
            var target = first + w;
            var anchor = WriteInputs(series, covariates, target, lookback, relative, inputs.AsSpan(w * lookback * features, lookback * features));
            WriteFuture(covariates, ahead, target, horizon, relative, future.AsSpan(w * horizon * ahead, horizon * ahead));
            for (var k = 0; k < horizon; k++)
            {
                targets[(w * horizon) + k] = series[target + k] - anchor;
            }
        }
        return new Windows(inputs, targets, future, lookback, horizon, covariates.Count, ahead, count > 0 ? [0] : []);
    }

    /// <summary>
    /// Writes the window of indices [<paramref name="target"/> - lookback, <paramref name="target"/>) step by step, the
    /// series' value then each covariate's, less their values at the window's last step when relative.
    /// </summary>
    /// <returns>What the series' targets are relative to: its last input, or 0.</returns>
    internal static float WriteInputs(
        IReadOnlyList<float> series, IReadOnlyList<float[]> covariates, int target, int lookback, bool relative, Span<float> inputs)
    {
        var features = 1 + covariates.Count;
        var anchor = relative ? series[target - 1] : 0f;
        for (var j = 0; j < lookback; j++)
        {
            var at = target - lookback + j;
            inputs[j * features] = series[at] - anchor;
            for (var c = 0; c < covariates.Count; c++)
            {
                inputs[(j * features) + 1 + c] = covariates[c][at] - (relative ? covariates[c][target - 1] : 0f);
            }
        }
        return anchor;
    }

    /// <summary>
    /// Writes each of the first <paramref name="knownAhead"/> covariates at the <paramref name="horizon"/> steps from
    /// <paramref name="target"/>, step by step, as <see cref="WriteInputs"/> saw them; the past-only ones after them are never read there.
    /// </summary>
    internal static void WriteFuture(IReadOnlyList<float[]> covariates, int knownAhead, int target, int horizon, bool relative, Span<float> future)
    {
        for (var k = 0; k < horizon; k++)
        {
            for (var c = 0; c < knownAhead; c++)
            {
                future[(k * knownAhead) + c] = covariates[c][target + k] - (relative ? covariates[c][target - 1] : 0f);
            }
        }
    }
}
