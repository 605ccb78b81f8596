using System.Diagnostics;
using System.Globalization;
using Forecast.Training.Diagnostics;
using MathNet.Numerics.Distributions;

namespace Forecast.Benchmarks;

/// <summary>
/// Times the full diagnostics report on a 100,000-point series; the target is under one second.
/// The series is AR(1) plus a period-12 cycle, so every part works for its living: ADF searches its 68
/// candidate lags, KPSS picks a long Bartlett window and the seasonality scan finds a real peak.
/// </summary>
internal static class DiagnosticsBenchmark
{
    private const int Length = 100_000;
    private const int Runs = 10;
    private const double TargetMilliseconds = 1000;

    public static int Run()
    {
        var series = Series(seed: 20240501);
        var options = new DiagnosticsOptions { SeasonalPeriodHint = 12 };

        // The first call pays for JIT compilation; a service answers many requests, so it is left out.
        var report = SeriesDiagnostics.Compute(series, options);
        var timings = new double[Runs];
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            SeriesDiagnostics.Compute(series, options);
            timings[i] = watch.Elapsed.TotalMilliseconds;
        }
        Array.Sort(timings);
        var median = (timings[(Runs - 1) / 2] + timings[Runs / 2]) / 2;
        var max = timings[^1];

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"diagnostics: n = {Length}, {Runs} runs after warm-up: median {median:F1} ms, max {max:F1} ms (target < {TargetMilliseconds} ms)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"  ADF lag {report.Adf?.UsedLag} of {report.Adf?.MaxLag}, KPSS lags {report.Kpss?.Lags}, seasonality period {report.Seasonality.Period}"));
        return max < TargetMilliseconds ? 0 : 1;
    }

    private static double[] Series(int seed)
    {
        var random = new Random(seed);
        var values = new double[Length];
        var ar = 0.0;
        for (var t = 0; t < Length; t++)
        {
            ar = 0.7 * ar + Normal.Sample(random, 0, 1);
            values[t] = 100 + 3 * Math.Sin(2 * Math.PI * t / 12) + ar;
        }
        return values;
    }
}
