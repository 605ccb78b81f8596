namespace Forecast.Domain.Runs;

/// <summary>
/// What is done to a series before the network sees it, always in this order: natural log, seasonal
/// difference (lag = the seasonal period), first difference. Forecasts are carried back through the
/// same steps in reverse, so a client only ever sees the original scale.
/// </summary>
/// <remarks>
/// A fixed order rather than a free list: log after a difference is undefined (differences go
/// negative), and the two differences commute, so these eight pipelines are every meaningful one.
/// </remarks>
public sealed record TransformPipeline(bool Log, bool SeasonalDifference, bool Difference)
{
    /// <summary>The request value that lets the service choose the pipeline.</summary>
    public const string Auto = "auto";

    public static TransformPipeline None { get; } = new(false, false, false);

    /// <summary>Every pipeline, simplest first.</summary>
    public static IReadOnlyList<TransformPipeline> All { get; } =
    [
        None,
        new(false, false, true),
        new(false, true, false),
        new(false, true, true),
        new(true, false, false),
        new(true, false, true),
        new(true, true, false),
        new(true, true, true),
    ];

    /// <summary>The pipeline named like <see cref="ToString"/> (case-insensitive).</summary>
    /// <exception cref="DomainValidationException">Any other name.</exception>
    public static TransformPipeline Parse(string name, string field = "transform") =>
        All.FirstOrDefault(p => string.Equals(p.ToString(), name, StringComparison.OrdinalIgnoreCase))
        ?? throw new DomainValidationException(
            $"{field} must be \"{Auto}\" or one of {string.Join(", ", All.Select(p => $"\"{p}\""))}; got \"{name}\".", field);

    /// <summary>Leading points that have no transformed value: the seasonal period and one more for the first difference.</summary>
    public int PointsConsumed(int seasonalPeriod) => (SeasonalDifference ? seasonalPeriod : 0) + (Difference ? 1 : 0);

    /// <summary>"none", or the steps joined by '+': "log+seasonalDifference+difference".</summary>
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
        if (Difference)
        {
            steps.Add("difference");
        }
        return steps.Count == 0 ? "none" : string.Join('+', steps);
    }
}
