using System.Globalization;
using CsvHelper;
using Forecast.Training.Methods.Arima;

namespace Forecast.Training.Tests.Methods.Arima;

/// <summary>
/// R's fits of fixed ARIMA orders to four tourism histories and the exact log-likelihood at those coefficients
/// (data/reference/arima-r-likelihood.csv; data/README.md says how it was made).
/// </summary>
internal static class ArimaReference
{
    /// <param name="Coefficients">R's estimates, in R's layout (ar, ma, sar, sma, then the mean or drift).</param>
    /// <param name="LogLikelihood">R's <c>Arima(y, ..., fixed = Coefficients)$loglik</c>.</param>
    /// <param name="FittedAicc">The AICc of R's own fit of the order.</param>
    /// <param name="FittedSigma2">Its innovation variance.</param>
    public sealed record Case(string Key, ArimaSpec Spec, double[] Coefficients, double LogLikelihood, double FittedAicc, double FittedSigma2)
    {
        public double[] History => TourismReference.Get(Key).History;

        public override string ToString() => $"{Key} {Spec}";
    }

    private static readonly Lazy<IReadOnlyDictionary<string, Case>> Cases = new(Load);

    public static Case Get(string key) => Cases.Value[key];

    public static IEnumerable<string> Keys => Cases.Value.Keys;

    private static Dictionary<string, Case> Load()
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "data", "reference", "arima-r-likelihood.csv"));
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        csv.Read();
        csv.ReadHeader();
        var cases = new Dictionary<string, Case>();
        while (csv.Read())
        {
            var order = Integers(csv.GetField("order")!);
            var seasonal = Integers(csv.GetField("seasonal")!);
            var constant = csv.GetField("constant") switch
            {
                "mean" => ArimaConstant.Mean,
                "drift" => ArimaConstant.Drift,
                _ => ArimaConstant.None,
            };
            var spec = new ArimaSpec(order[0], order[1], order[2], seasonal[0], seasonal[1], seasonal[2], csv.GetField<int>("period"), constant);
            var key = csv.GetField("series")!;
            cases[key] = new Case(key, spec, Doubles(csv.GetField("coefficients")!),
                csv.GetField<double>("loglik"), csv.GetField<double>("fitted_aicc"), csv.GetField<double>("fitted_sigma2"));
        }
        return cases;
    }

    private static int[] Integers(string text) => text.Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    private static double[] Doubles(string text) => text.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
