using System.Globalization;
using CsvHelper;
using Forecast.Training.Methods.Ets;

namespace Forecast.Training.Tests.Methods.Ets;

/// <summary>
/// R's own ets() fits of a few tourism series, every digit of them, and forecast()'s means and 80 % and 95 % bounds from them
/// (data/reference/tourism-r-ets-fits.csv and tourism-r-ets-intervals.csv; data/README.md says how they were made). With R's
/// parameters and initial states, the recursion, the likelihood and the forecast distribution are checked apart from the
/// optimiser.
/// </summary>
internal static class RExponentialSmoothing
{
    /// <param name="InitialStates">R's initstate: [l, b, s_1, ..., s_m].</param>
    public sealed record Fit(
        string Key, string Form, double Alpha, double? Beta, double? Gamma, double? Phi, double Sigma2, double LogLikelihood, double Aicc,
        double[] InitialStates);

    public sealed record Step(double Mean, double Lower80, double Upper80, double Lower95, double Upper95);

    private static readonly Lazy<Dictionary<string, Fit>> Fits = new(() => Read("tourism-r-ets-fits.csv", row => new Fit(
        row.GetField("series")!, row.GetField("ets")!, Number(row, "alpha")!.Value, Number(row, "beta"), Number(row, "gamma"),
        Number(row, "phi"), Number(row, "sigma2")!.Value, Number(row, "loglik")!.Value, Number(row, "aicc")!.Value,
        row.GetField("initstate")!.Split(' ').Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()))
        .ToDictionary(fit => fit.Key));

    private static readonly Lazy<ILookup<string, Step>> Steps = new(() => Read("tourism-r-ets-intervals.csv", row => (
        Key: row.GetField("series")!,
        Step: new Step(Number(row, "mean")!.Value, Number(row, "lo80")!.Value, Number(row, "hi80")!.Value, Number(row, "lo95")!.Value, Number(row, "hi95")!.Value)))
        .ToLookup(row => row.Key, row => row.Step));

    /// <summary>The series the files hold, by R's form.</summary>
    public static IEnumerable<string> Keys => Fits.Value.Keys;

    public static Fit FitOf(string key) => Fits.Value[key];

    /// <summary>R's forecast of the 2m points after the history.</summary>
    public static Step[] ForecastOf(string key) => [.. Steps.Value[key]];

    /// <summary>R's fitted model as ours: the same form, parameters, initial states and sigma^2.</summary>
    public static EtsModel ModelOf(string key)
    {
        var fit = FitOf(key);
        var form = EtsForm.Parse(fit.Form);
        var period = form.HasSeason ? TourismReference.Get(key).Period : 1;
        var p = EtsParameters.For(form, fit.Alpha, fit.Beta ?? 0, fit.Gamma ?? 0, fit.Phi ?? 1);
        return new EtsModel(form, period, p, fit.InitialStates, fit.Sigma2);
    }

    private static double? Number(CsvReader row, string column) =>
        row.GetField(column) is "NA" or null ? null : double.Parse(row.GetField(column)!, CultureInfo.InvariantCulture);

    private static List<T> Read<T>(string file, Func<CsvReader, T> read) => TourismReference.Rows(Path.Combine("reference", file), read);
}
