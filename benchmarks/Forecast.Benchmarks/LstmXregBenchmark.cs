using System.Diagnostics;
using System.Globalization;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training;
using Forecast.Training.Lstm;

namespace Forecast.Benchmarks;

/// <summary>
/// The <c>lstm</c> method with and without covariates on US real consumption with real disposable income
/// (data/us-macro-quarterly.csv), as issue 26 asks: the service's defaults with testSize 8, over several seeds, scored
/// first on the validation part (the 8 quarters before the test tail, the test tail cut off) and then on the test tail,
/// in MASE with m = 4. The future covariates are the held-out quarters' own values, as a known future.
/// </summary>
internal static class LstmXregBenchmark
{
    private const int Horizon = 8;

    public static int Run(IReadOnlyList<string> args)
    {
        var options = BenchmarkOptions.Parse(args);
        var seeds = options.Remove("seeds", out var s) ? s.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray() : [1, 2, 3];
        var macro = CovariateData.UsMacro();
        var resolver = new HyperparameterResolver(new HyperparameterBounds());
        Console.WriteLine("| part | seed | lstm with realdpi | lstm | seconds (with, without) |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var (part, values) in new[] { ("validation", macro.Values[..^Horizon]), ("test", macro.Values) })
        {
            var series = new RegularSeries(new DateTime(1959, 1, 1, 0, 0, 0, DateTimeKind.Utc), Frequency.Quarterly, values);
            var (with, without) = (new List<double>(), new List<double>());
            foreach (var seed in seeds)
            {
                var hp = resolver.Resolve(new HyperparameterRequest { TestSize = Horizon, Seed = seed }, series, () => seed).Hyperparameters;
                var (withMase, withSeconds) = Score(values, hp, macro.Covariates);
                var (withoutMase, withoutSeconds) = Score(values, hp, Covariates.None);
                with.Add(withMase);
                without.Add(withoutMase);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {part} | {seed} | {withMase:F3} | {withoutMase:F3} | {withSeconds:F0}, {withoutSeconds:F0} |"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {part} | mean | {with.Average():F3} | {without.Average():F3} | |"));
        }
        return 0;
    }

    private static (double Mase, double Seconds) Score(double[] values, Hyperparameters hp, Covariates covariates)
    {
        var watch = Stopwatch.StartNew();
        var built = ForecastModelBuilder.Build(values, hp, SilentObserver.Instance, CancellationToken.None, covariates: covariates);
        Console.Error.WriteLine($"  {(covariates.IsEmpty ? "without" : "with")} seed {hp.Seed}: {string.Join(" ", built.Choices)}");
        return (built.Evaluation.MultiStep.Metrics.Mase!.Value, watch.Elapsed.TotalSeconds);
    }
}
