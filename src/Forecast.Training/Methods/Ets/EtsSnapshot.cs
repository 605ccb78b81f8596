namespace Forecast.Training.Methods.Ets;

/// <summary>
/// A fitted model as it is stored (<see cref="FittedMethod.State"/>): everything <see cref="EtsMethod.Restore"/> needs to rebuild
/// it exactly, and R's measures of the fit for a reader. JSON numbers round-trip doubles exactly.
/// </summary>
/// <param name="Form">R's name of the form, such as ETS(M,Ad,M).</param>
/// <param name="SeasonalPeriod">The data's m as the fit was given it.</param>
/// <param name="Beta">Null without a trend.</param>
/// <param name="Gamma">Null without a season.</param>
/// <param name="Phi">Null without damping.</param>
/// <param name="InitialStates">x_0 in R's order, [l, b, s_1, ..., s_m] with s_m the index of the first point.</param>
/// <param name="Sigma2">The variance of the one-step errors (relative ones for multiplicative errors).</param>
/// <param name="Aicc">The criterion the form was chosen by; null for a fallback, as are the other measures.</param>
/// <param name="Candidates">The forms tried (0 for a fallback before any).</param>
/// <param name="Fallback">Why the history fell back to a simple form; null when a form was fitted.</param>
internal sealed record EtsSnapshot(
    string Form, int SeasonalPeriod, double Alpha, double? Beta, double? Gamma, double? Phi, double[] InitialStates, double Sigma2,
    double? LogLikelihood, double? Aic, double? Aicc, double? Bic, int Candidates, string? Fallback)
{
    public static EtsSnapshot Of(EtsChoice choice, int seasonalPeriod)
    {
        var model = choice.Model;
        var form = model.Form;
        var p = model.Parameters;
        return new EtsSnapshot(
            form.ToString(), seasonalPeriod, p.Alpha,
            form.HasTrend ? p.Beta : null, form.HasSeason ? p.Gamma : null, form.Damped ? p.Phi : null,
            [.. model.InitialStates], model.Sigma2,
            choice.Fit?.LogLikelihood, choice.Fit?.Aic, choice.Fit?.Aicc, choice.Fit?.Bic, choice.Candidates, choice.Fallback);
    }

    /// <exception cref="ArgumentException">The snapshot was fitted with another season, or its states do not fit its form.</exception>
    public EtsModel ToModel(int seasonalPeriod)
    {
        if (seasonalPeriod != SeasonalPeriod)
        {
            throw new ArgumentException($"The model was fitted with seasonal period {SeasonalPeriod}, not {seasonalPeriod}.", nameof(seasonalPeriod));
        }
        var form = EtsForm.Parse(Form);
        var period = form.HasSeason ? SeasonalPeriod : 1;
        if (InitialStates.Length != form.StateCount(period))
        {
            throw new ArgumentException($"{Form} with m = {period} has {form.StateCount(period)} states; the snapshot holds {InitialStates.Length}.");
        }
        var p = EtsParameters.For(form, Alpha, Beta ?? 0, Gamma ?? 0, Phi ?? 1);
        return new EtsModel(form, period, p, [.. InitialStates], Sigma2);
    }
}
