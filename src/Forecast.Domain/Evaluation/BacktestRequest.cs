namespace Forecast.Domain.Evaluation;

/// <summary>
/// A rolling-origin backtest as a client asks for it: <paramref name="Windows"/> forecast origins <paramref name="Step"/>
/// periods apart, the last at the test tail's origin, each forecasting the test tail's length ahead.
/// </summary>
/// <param name="Windows">Origins, 1 to <see cref="MaxWindows"/>.</param>
/// <param name="Step">Periods between origins; the test tail's length (windows that do not overlap) when left out.</param>
/// <param name="Refit">Train a model per window on the points before its origin (only on a training run: it costs a training per window).</param>
public sealed record BacktestRequest(int Windows, int? Step = null, bool Refit = false)
{
    public const int MaxWindows = 20;

    /// <summary>The origins, oldest first, for a test tail starting at <paramref name="testOrigin"/> of <paramref name="testSize"/> points.</summary>
    /// <param name="firstPossible">The earliest origin a model can forecast from (its lookback and transform need history).</param>
    /// <exception cref="DomainValidationException">Windows or step out of range.</exception>
    /// <exception cref="UnprocessableException">The first origin would come before <paramref name="firstPossible"/>.</exception>
    public IReadOnlyList<int> Origins(int testOrigin, int testSize, int firstPossible) =>
        Origins(testOrigin, testSize, firstPossible, "", $"the model needs {firstPossible} points before an origin");

    /// <summary>
    /// A collection's windows, oldest first, as how many periods before each member's own test tail each origin lies (0 for
    /// the last): members of different lengths each count back from their own end. The shortest member decides whether
    /// they fit: it must keep <paramref name="firstPossible"/> points before the first origin.
    /// </summary>
    /// <exception cref="DomainValidationException">Windows or step out of range.</exception>
    /// <exception cref="UnprocessableException">The first origin would leave the shortest member fewer than <paramref name="firstPossible"/> points.</exception>
    public IReadOnlyList<int> PeriodsBeforeTestTail(string shortestKey, int shortestLength, int testSize, int firstPossible)
    {
        var testOrigin = shortestLength - testSize;
        return Origins(testOrigin, testSize, firstPossible, $" of member '{shortestKey}', the shortest ({shortestLength} points)",
                $"a member needs {firstPossible} points before an origin")
            .Select(origin => testOrigin - origin).ToArray();
    }

    /// <param name="of">Whose points <paramref name="testOrigin"/> counts, for the message: empty for a series.</param>
    private int[] Origins(int testOrigin, int testSize, int firstPossible, string of, string needs)
    {
        if (Windows < 1 || Windows > MaxWindows)
        {
            throw new DomainValidationException($"backtest windows must be between 1 and {MaxWindows}; got {Windows}.", "windows");
        }
        var step = Step ?? testSize;
        if (step < 1)
        {
            throw new DomainValidationException($"backtest step must be 1 or more; got {step}.", "step");
        }
        var first = testOrigin - ((Windows - 1) * step);
        if (first < firstPossible)
        {
            throw new UnprocessableException(
                $"{Windows} windows {step} periods apart start at point {first}{of}, but {needs}; ask for fewer windows or a smaller step.",
                "windows");
        }
        return Enumerable.Range(0, Windows).Select(k => first + (k * step)).ToArray();
    }
}
