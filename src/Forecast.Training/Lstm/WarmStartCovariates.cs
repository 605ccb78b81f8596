using Forecast.Domain;

namespace Forecast.Training.Lstm;

/// <summary>
/// A warm start continues a network whose inputs are fixed: it must be given the covariates it was trained on, in their
/// order, since a network reads each covariate at its own input.
/// </summary>
internal static class WarmStartCovariates
{
    /// <param name="kept">The covariates the warm start's network reads.</param>
    /// <param name="given">The names of the covariates the training now has.</param>
    /// <param name="what">What carries <paramref name="given"/>, in the message: "the series", "the collection".</param>
    /// <exception cref="UnprocessableException">Other covariates than the network's, or in another order.</exception>
    public static void Check(IEnumerable<string> kept, IReadOnlyList<string> given, string what)
    {
        var names = kept.ToList();
        if (!names.SequenceEqual(given))
        {
            throw new UnprocessableException(
                $"A warm start keeps its model's covariates ({Listed(names)}); {what} has {Listed(given)}. Train from scratch.", "warmStartFrom");
        }
    }

    private static string Listed(IReadOnlyList<string> names) => names.Count > 0 ? string.Join(", ", names) : "none";
}
