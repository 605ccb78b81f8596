using Forecast.Domain;
using Forecast.Domain.Series;

namespace Forecast.Training.Lstm;

/// <summary>
/// A warm start continues a network whose inputs are fixed: it must be given the covariates it was trained on, each as
/// known ahead or past-only as it was, since a network reads each covariate at its own input.
/// </summary>
internal static class WarmStartCovariates
{
    /// <param name="kept">The covariates the warm start's network reads, in its order (<see cref="CovariateScaler.Fit"/>).</param>
    /// <param name="given">The covariates the training now has.</param>
    /// <param name="what">What carries <paramref name="given"/>, in the message: "the series", "the collection".</param>
    /// <exception cref="UnprocessableException">Other covariates than the network's.</exception>
    public static void Check(IEnumerable<CovariateScaler> kept, Covariates given, string what)
    {
        var network = kept.Select(c => Described(c.Name, c.PastOnly)).ToList();
        // The order the network would read them in: known ahead first, then past-only.
        var now = given.Columns.OrderBy(c => c.PastOnly).Select(c => Described(c.Name, c.PastOnly)).ToList();
        if (!network.SequenceEqual(now))
        {
            throw new UnprocessableException(
                $"A warm start keeps its model's covariates ({Listed(network)}); {what} has {Listed(now)}. Train from scratch.", "warmStartFrom");
        }
    }

    private static string Described(string name, bool pastOnly) => pastOnly ? $"{name} (past-only)" : name;

    private static string Listed(List<string> names) => names.Count > 0 ? string.Join(", ", names) : "none";
}
