using System.Globalization;
using CsvHelper;
using Forecast.Training.Methods.Arima;

namespace Forecast.Training.Tests.Methods.Arima;

/// <summary>
/// R's fits of fixed ARIMA orders to four tourism histories with the exact log-likelihood at those coefficients
/// (data/reference/arima-r-likelihood.csv), three of those models' forecasts from two origins
/// (data/reference/arima-r-forecasts.csv), and R's choice of differences for seven more series
/// (data/reference/arima-r-differencing.csv); data/README.md says how each was made.
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

    /// <param name="SeasonalStrength">R's <c>forecast:::seas.heuristic(y)</c>.</param>
    /// <param name="SeasonalDifferences">R's <c>nsdiffs(y)</c>.</param>
    /// <param name="Differences">R's <c>ndiffs</c> of y after those seasonal differences: auto.arima's d.</param>
    public sealed record DifferencingCase(string Key, double SeasonalStrength, int SeasonalDifferences, int Differences)
    {
        public TourismReference.Series Series => TourismReference.Get(Key);
    }

    /// <summary>One step of R's <c>forecast(Arima(head(y, Origin), model = fit), h = 6, level = 95)</c>, y the whole series.</summary>
    public sealed record ForecastCase(string Key, int Origin, int Step, double Mean, double Lower95, double Upper95);

    private static readonly Lazy<IReadOnlyDictionary<string, Case>> Cases = new(LoadCases);
    private static readonly Lazy<ILookup<string, ForecastCase>> ForecastCases = new(() =>
        Rows("arima-r-forecasts.csv", csv => new ForecastCase(csv.GetField("series")!, csv.GetField<int>("origin"), csv.GetField<int>("step"),
            csv.GetField<double>("mean"), csv.GetField<double>("lower95"), csv.GetField<double>("upper95"))).ToLookup(f => f.Key));
    private static readonly Lazy<IReadOnlyDictionary<string, DifferencingCase>> DifferencingCases = new(LoadDifferencing);

    public static Case Get(string key) => Cases.Value[key];

    public static IEnumerable<string> Keys => Cases.Value.Keys;

    public static DifferencingCase Differencing(string key) => DifferencingCases.Value[key];

    public static IEnumerable<string> ForecastKeys => ForecastCases.Value.Select(g => g.Key);

    public static IReadOnlyList<ForecastCase> Forecasts(string key) => ForecastCases.Value[key].ToArray();

    public static IEnumerable<string> DifferencingKeys => DifferencingCases.Value.Keys;

    private static Dictionary<string, DifferencingCase> LoadDifferencing() =>
        Rows("arima-r-differencing.csv", csv => new DifferencingCase(csv.GetField("series")!, csv.GetField<double>("seasonal_strength"),
                csv.GetField<int>("nsdiffs"), csv.GetField<int>("ndiffs")))
            .ToDictionary(c => c.Key);

    private static Dictionary<string, Case> LoadCases() =>
        Rows("arima-r-likelihood.csv", csv =>
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
            return new Case(csv.GetField("series")!, spec, Doubles(csv.GetField("coefficients")!),
                csv.GetField<double>("loglik"), csv.GetField<double>("fitted_aicc"), csv.GetField<double>("fitted_sigma2"));
        }).ToDictionary(c => c.Key);

    private static List<T> Rows<T>(string file, Func<CsvReader, T> read) => TourismReference.Rows(Path.Combine("reference", file), read);

    private static int[] Integers(string text) => text.Split(' ').Select(v => int.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    private static double[] Doubles(string text) => text.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();
}
