namespace Forecast.Training.Methods.Ets;

/// <summary>
/// The smoothing parameters of a form. A component the form lacks takes the value that makes it vanish from the
/// recursion: beta 0 without a trend, gamma 0 without a season, phi 1 without damping.
/// </summary>
/// <param name="Alpha">Smoothing of the level.</param>
/// <param name="Beta">Smoothing of the trend.</param>
/// <param name="Gamma">Smoothing of the season.</param>
/// <param name="Phi">Damping of the trend.</param>
internal readonly record struct EtsParameters(double Alpha, double Beta, double Gamma, double Phi)
{
    /// <summary>The parameters of <paramref name="form"/>: those it lacks are set to their neutral values.</summary>
    public static EtsParameters For(EtsForm form, double alpha, double beta, double gamma, double phi) => new(
        alpha,
        form.HasTrend ? beta : 0,
        form.HasSeason ? gamma : 0,
        form.Damped ? phi : 1);
}
