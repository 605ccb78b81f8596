using System.Diagnostics;
using System.Globalization;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training;
using Forecast.Training.Collections;
using Forecast.Training.Lstm;

namespace Forecast.Benchmarks;

/// <summary>
/// The <c>lstm</c> method with and without covariates, as issue 26 asks, over several seeds, scored first on the
/// validation part (the horizon before the test tail, the test tail cut off) and then on the test tail. On US real
/// consumption with real disposable income (data/us-macro-quarterly.csv): a series' network, the service's defaults with
/// testSize 8, MASE with m = 4. On Grunfeld's investment of 11 firms with market value and capital stock
/// (data/grunfeld-investment.csv): the global network, the service's collection defaults with testSize 4, mean MASE with
/// m = 1. The future covariates are the held-out periods' own values, as a known future.
/// </summary>
internal static class LstmXregBenchmark
{
    private const int Horizon = 8;

    public static int Run(IReadOnlyList<string> args)
    {
        var options = BenchmarkOptions.Parse(args);
        var seeds = options.Remove("seeds", out var s) ? s.Split(',').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray() : [1, 2, 3];
        var only = options.Remove("only", out var o) ? o : null;
        var resolver = new HyperparameterResolver(new HyperparameterBounds());
        if (only != "grunfeld")
        {
            RunUsMacro(seeds, resolver);
        }
        if (only != "macro")
        {
            RunGrunfeld(seeds, resolver);
        }
        return 0;
    }

    private static void RunUsMacro(int[] seeds, HyperparameterResolver resolver)
    {
        var macro = CovariateData.UsMacro();
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
    }

    private static void RunGrunfeld(int[] seeds, HyperparameterResolver resolver)
    {
        const int horizon = 4;
        var firms = CovariateData.Grunfeld();
        Console.WriteLine();
        Console.WriteLine("| Grunfeld part | seed | global lstm with value, capital | global lstm | seconds (with, without) |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var (part, cut) in new[] { ("validation", horizon), ("test", 0) })
        {
            // The validation part's members end where the test tail begins; their covariates run on through it, as known future.
            List<GlobalMember> members = [.. firms.Select(f => new GlobalMember(f.Key, f.Values[..^cut]) { Covariates = f.Covariates })];
            var shape = new CollectionShape(Frequency.Yearly, members.Count, members[0].Key, members.Min(m => m.Values.Count), members.Max(m => m.Values.Count));
            var (with, without) = (new List<double>(), new List<double>());
            foreach (var seed in seeds)
            {
                var hp = resolver.ResolveForCollection(new HyperparameterRequest { TestSize = horizon, Seed = seed }, shape, () => seed).Hyperparameters;
                var (withMase, withSeconds) = Score(members, hp);
                var (withoutMase, withoutSeconds) = Score([.. members.Select(m => m with { Covariates = Covariates.None })], hp);
                with.Add(withMase);
                without.Add(withoutMase);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {part} | {seed} | {withMase:F3} | {withoutMase:F3} | {withSeconds:F0}, {withoutSeconds:F0} |"));
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {part} | mean | {with.Average():F3} | {without.Average():F3} | |"));
        }
    }

    private static (double Mase, double Seconds) Score(List<GlobalMember> members, Hyperparameters hp)
    {
        var watch = Stopwatch.StartNew();
        var built = CollectionModelBuilder.Build(members, hp, SilentObserver.Instance, CancellationToken.None);
        Console.Error.WriteLine($"  {(members[0].Covariates.IsEmpty ? "without" : "with")} seed {hp.Seed}: {string.Join(" ", built.Choices)}");
        return (built.Evaluation.Accuracy.Model.Mase!.Value, watch.Elapsed.TotalSeconds);
    }

    private static (double Mase, double Seconds) Score(double[] values, Hyperparameters hp, Covariates covariates)
    {
        var watch = Stopwatch.StartNew();
        var built = ForecastModelBuilder.Build(values, hp, SilentObserver.Instance, CancellationToken.None, covariates: covariates);
        Console.Error.WriteLine($"  {(covariates.IsEmpty ? "without" : "with")} seed {hp.Seed}: {string.Join(" ", built.Choices)}");
        return (built.Evaluation.MultiStep.Metrics.Mase!.Value, watch.Elapsed.TotalSeconds);
    }
}
