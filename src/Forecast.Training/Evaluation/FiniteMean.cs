namespace Forecast.Training.Evaluation;

/// <summary>The mean of the values that are defined: a score that is undefined somewhere (a zero scale) is left out there, not counted as 0.</summary>
public static class FiniteMean
{
    /// <returns>Null when no value is finite.</returns>
    public static double? Of(IEnumerable<double?> values)
    {
        var defined = values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
        return defined.Count == 0 ? null : defined.Average();
    }
}
