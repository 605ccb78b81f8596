namespace Forecast.Service.Tests;

/// <summary>A long monthly series made on the spot: a season, a slow trend and seeded noise, so every run sees the same points.</summary>
internal static class ChaosSeries
{
    public static object Monthly(int count)
    {
        var random = new Random(3000);
        var values = Enumerable.Range(0, count)
            .Select(i => 100 + (10 * Math.Sin(2 * Math.PI * i / 12)) + (0.01 * i) + (3 * random.NextDouble()))
            .ToArray();
        return new { name = "chaos", values, start = "1800-01-01", frequency = "monthly" };
    }
}
