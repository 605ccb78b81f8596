using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Forecast.Training.Methods.Ets;

/// <summary>
/// Automatic exponential smoothing as R's <c>forecast::ets(y)</c> (forecast 8.20) does it with its defaults: every admissible
/// ETS form fitted by maximum likelihood, the one with the least AICc kept.
/// </summary>
public sealed class EtsMethod : IStatisticalMethod
{
    internal const string MethodName = "ets";

    // A history of odd values can leave sigma^2 not finite; the snapshot must still be written.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public string Name => MethodName;

    public string Description =>
        "Exponential smoothing (ETS): the error, trend and season form with the least AICc, fitted by maximum likelihood as R's forecast::ets does.";

    public FittedMethod Fit(FitInput input, CancellationToken cancellation)
    {
        var choice = EtsSelection.Choose(input.History, input.SeasonalPeriod, cancellation);
        var state = JsonSerializer.SerializeToElement(EtsSnapshot.Of(choice, input.SeasonalPeriod), Json);
        return new FittedMethod(choice.Model, state, Describe(choice));
    }

    /// <exception cref="ArgumentException">The state was not written by <see cref="Fit"/> with this seasonal period.</exception>
    public IFittedForecaster Restore(JsonElement state, int seasonalPeriod) =>
        (state.Deserialize<EtsSnapshot>(Json) ?? throw new ArgumentException("The state holds no ETS model.", nameof(state)))
            .ToModel(seasonalPeriod);

    /// <summary>The chosen form, its parameters and initial states, in words: a fit's choices.</summary>
    internal static string[] Describe(EtsChoice choice)
    {
        var model = choice.Model;
        var form = model.Form;
        var p = model.Parameters;
        var parameters = string.Join(", ", new[]
        {
            F($"alpha {p.Alpha:0.####}"),
            form.HasTrend ? F($"beta {p.Beta:0.####}") : null,
            form.HasSeason ? F($"gamma {p.Gamma:0.####}") : null,
            form.Damped ? F($"phi {p.Phi:0.####}") : null,
        }.OfType<string>());
        var errors = form.Error == Component.Additive ? "" : " (of relative errors)";
        var states = model.InitialStates;
        var initial = F($"level {states[0]:G6}")
            + (form.HasTrend ? F($", trend {states[1]:G6}") : "")
            + (form.HasSeason ? F($", {model.Period} seasonal indices from {states.Skip(form.HasTrend ? 2 : 1).Min():G4} to {states.Skip(form.HasTrend ? 2 : 1).Max():G4}") : "");
        var chosen = choice.Fit is { } fit
            ? F($"{form} chosen by AICc among {choice.Candidates} candidate forms ({choice.Fitted} could be fitted): AICc {fit.Aicc:F2}, log-likelihood {fit.LogLikelihood:F2}.")
            : $"Fallback to {form}: {choice.Fallback}.";
        return [chosen, F($"Parameters: {parameters}; sigma {Math.Sqrt(model.Sigma2):G4}{errors}."), $"Initial states: {initial}."];
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
