namespace Forecast.Domain.Runs;

/// <summary>
/// What is done to a series before the network sees it, always in this order: natural log, then the
/// season removed either by a seasonal difference (lag = the seasonal period) or by subtracting seasonal
/// indices (<see cref="Deseasonalize"/>), then a first difference. Forecasts are carried back through the
/// same steps in reverse, so a client only ever sees the original scale.
/// </summary>
/// <remarks>
/// A fixed order rather than a free list: log after a difference is undefined (differences go negative),
/// the two ways of removing a season exclude each other, and differences commute with both, so these
/// twelve pipelines are every meaningful one.
/// </remarks>
/// <param name="Deseasonalize">
/// Subtract from every value its phase's seasonal index: the mean of the linearly detrended values at that
/// phase, re-estimated at every forecast origin from all the history before it; with two or three seasonal periods,
/// the sum of MSTL's seasons instead. Last so that models stored before it existed read as false.
/// </param>
public sealed record TransformPipeline(bool Log, bool SeasonalDifference, bool Difference, bool Deseasonalize = false)
{
    public static TransformPipeline None { get; } = new(false, false, false);

    /// <summary>Every pipeline, simplest first.</summary>
    public static IReadOnlyList<TransformPipeline> All { get; } =
    [
        None,
        new(false, false, true),
        new(false, true, false),
        new(false, true, true),
        new(false, false, false, true),
        new(false, false, true, true),
        new(true, false, false),
        new(true, false, true),
        new(true, true, false),
        new(true, true, true),
        new(true, false, false, true),
        new(true, false, true, true),
    ];

    /// <summary>Whether the pipeline removes the season, by either step.</summary>
    public bool RemovesSeason => SeasonalDifference || Deseasonalize;

    /// <summary>The pipeline named like <see cref="ToString"/> (case-insensitive).</summary>
    /// <exception cref="DomainValidationException">Any other name.</exception>
    public static TransformPipeline Parse(string name, string field = "transform") =>
        All.FirstOrDefault(p => string.Equals(p.ToString(), name, StringComparison.OrdinalIgnoreCase))
        ?? throw new DomainValidationException(
            $"{field} must be \"{TransformChoice.AutoName}\" or one of {string.Join(", ", All.Select(p => $"\"{p}\""))}; got \"{name}\".", field);

    /// <summary>Leading points that have no transformed value: the seasonal period and one more for the first difference.</summary>
    public int PointsConsumed(int seasonalPeriod) => (SeasonalDifference ? seasonalPeriod : 0) + (Difference ? 1 : 0);

    /// <summary>
    /// Points the history must hold before a transformed value can be worked out: the points consumed, or
    /// two seasons when seasonal indices are estimated (every phase seen twice).
    /// </summary>
    public int HistoryNeeded(int seasonalPeriod) =>
        Math.Max(PointsConsumed(seasonalPeriod), Deseasonalize ? 2 * seasonalPeriod : 0);

    /// <summary>"none", or the steps joined by '+': "log+seasonalDifference+difference", "log+deseasonalize".</summary>
    public override string ToString()
    {
        var steps = new List<string>(3);
        if (Log)
        {
            steps.Add("log");
        }
        if (SeasonalDifference)
        {
            steps.Add("seasonalDifference");
        }
        if (Deseasonalize)
        {
            steps.Add("deseasonalize");
        }
        if (Difference)
        {
            steps.Add("difference");
        }
        return steps.Count == 0 ? "none" : string.Join('+', steps);
    }
}
