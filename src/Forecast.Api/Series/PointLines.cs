using Forecast.Domain;

namespace Forecast.Api.Series;

/// <summary>
/// The CSV line of every point read, so that Domain's refusal of one point (it counts points, not lines) names the
/// line a person can find in the file.
/// </summary>
public sealed class PointLines
{
    private readonly List<long> lines = [];

    public void Add(long line) => lines.Add(line);

    /// <summary>Runs a step on the points, a refused point's message led by its line.</summary>
    public T Blame<T>(Func<T> step)
    {
        try
        {
            return step();
        }
        catch (TimestampException e) when (e.Point < lines.Count)
        {
            throw new DomainValidationException($"CSV line {lines[e.Point]}: {e.Message}", "file");
        }
    }
}
