namespace Forecast.Benchmarks;

/// <summary>A benchmark's <c>name=value</c> arguments.</summary>
internal static class BenchmarkOptions
{
    public static Dictionary<string, string> Parse(IEnumerable<string> args) =>
        args.Select(a => a.Split('=', 2)).ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : "", StringComparer.Ordinal);
}
