using System.Globalization;
using System.Text.Json;
using Forecast.Domain.Series;

namespace Forecast.Training.Methods.Arima;

/// <summary>
/// Automatic ARIMA as R's <c>forecast::auto.arima</c> (forecast 8.20; Hyndman and Khandakar 2008) chooses and fits it:
/// seasonal and first differences by test, then the stepwise search over the ARMA orders and the constant by AICc. With
/// covariates it is R's <c>auto.arima(xreg = )</c>: a regression with ARIMA errors, the differences chosen on the
/// regression's residuals and its coefficients estimated with the ARIMA part by maximum likelihood.
/// </summary>
public sealed class ArimaMethod : IStatisticalMethod
{
    public const string MethodName = "arima";

    public string Name => MethodName;

    public string Description =>
        "Automatic ARIMA as R's auto.arima: differences chosen by KPSS and seasonal-strength tests, orders by a stepwise AICc search; normal intervals. With covariates, a regression with ARIMA errors as auto.arima(xreg = ).";

    public bool UsesCovariates => true;

    /// <exception cref="MissingCovariateException">A covariate that does not cover the history.</exception>
    public FittedMethod Fit(FitInput input, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(input);
        var history = input.History;
        var period = Math.Max(1, input.SeasonalPeriod);
        var names = input.Covariates.Names;
        // The covariates' values over the history are the regression's data, so each must cover it.
        IReadOnlyList<double>[] columns = [.. input.Covariates.Require(names, history.Count).Select(c => c.Take(history.Count).ToArray())];

        if (!history.All(double.IsFinite))
        {
            return NoRegression(Fallback(history, period, "the history has values that are not finite numbers"), names);
        }
        if (history.Count == 0)
        {
            return NoRegression(Fallback(history, period, "the history is empty"), names);
        }
        if (Differencing.IsConstant(history))
        {
            // R forecasts a constant series by its value, with no uncertainty, whatever its covariates.
            var value = history.Average();
            var constant = new ArimaForecaster(new ArimaSpec(0, 0, 0, 0, 0, 0, period, ArimaConstant.Mean), [value], 0);
            return NoRegression(Fitted(constant, null,
            [
                Invariant($"A constant history: ARIMA(0,0,0) with mean {value:G6} and no variance, as R's auto.arima returns it; no search."),
            ]), names);
        }

        var screened = names.Count == 0 ? new ScreenedCovariates([], []) : RegressionScreening.Screen(names, columns);
        string[] used = [.. screened.Used.Select(j => names[j])];
        var search = StepwiseSearch.Run(history, period, [.. screened.Used.Select(j => columns[j])], cancellation);
        if (search.Model is not { } model)
        {
            var reason = search.ModelsFitted == 0
                ? "no points remain after its differences"
                : "no candidate of R's stepwise search passed its checks";
            return NoRegression(Fallback(history, period, reason, search), names);
        }
        var forecaster = new ArimaForecaster(model.Spec, model.Coefficients, model.Sigma2, used);
        var choices = new List<string> { Selection(model, search) };
        choices.AddRange(screened.Reasons);
        choices.AddRange(DifferencingChoices(search, regression: used.Length > 0));
        if (used.Length > 0)
        {
            choices.Add(Regression(model.Spec, model.Coefficients, used));
        }
        choices.Add(Coefficients(model.Spec, model.Coefficients, model.Sigma2, used));
        return Fitted(forecaster, model.Aicc, choices);
    }

    public IFittedForecaster Restore(JsonElement state, int seasonalPeriod)
    {
        var stored = ArimaState.FromJson(state);
        if (stored.Period != Math.Max(1, seasonalPeriod) && stored.SeasonalOrder.Any(order => order != 0))
        {
            throw new ArgumentException($"The model was fitted with season {stored.Period}, not {seasonalPeriod}.", nameof(seasonalPeriod));
        }
        return stored.ToForecaster();
    }

    private static FittedMethod Fitted(ArimaForecaster model, double? aicc, IReadOnlyList<string> choices) =>
        new(model, ArimaState.Of(model, aicc).ToJson(), choices);

    /// <summary>A model that is no regression, its choices naming the <paramref name="covariates"/> it was to use.</summary>
    private static FittedMethod NoRegression(FittedMethod fitted, IReadOnlyList<string> covariates) =>
        covariates.Count == 0
            ? fitted
            : fitted with { Choices = [.. fitted.Choices, $"Covariates not used ({string.Join(", ", covariates)}): the model above forecasts from the history alone."] };

    /// <summary>
    /// The simplest model the history allows: the differencing alone, ARIMA(0,d,0)(0,D,0), when the search chose its
    /// differences; else a random walk (naive); else, for a single point, that point as the mean.
    /// </summary>
    private static FittedMethod Fallback(IReadOnlyList<double> history, int period, string reason, SearchResult? search = null)
    {
        var usable = history.Where(double.IsFinite).ToArray();
        var candidates = new List<ArimaSpec>();
        if (search is not null)
        {
            candidates.Add(new ArimaSpec(0, search.Differences, 0, 0, search.SeasonalDifferences, 0, period, ArimaConstant.None));
        }
        candidates.Add(new ArimaSpec(0, 1, 0, 0, 0, 0, period, ArimaConstant.None));
        foreach (var spec in candidates)
        {
            if (usable.Length > spec.DifferencedAway && ArimaEstimator.Fit(usable, spec, approximate: false) is { } fit)
            {
                var forecaster = new ArimaForecaster(spec, fit.Coefficients, fit.Sigma2);
                var choices = new List<string> { $"Fallback: {reason}, so the model is {spec}{(spec.TotalDifferences == 1 && spec.SeasonalDifferences == 0 ? " (naive)" : "")}." };
                if (search is not null)
                {
                    choices.AddRange(DifferencingChoices(search, regression: false));
                }
                choices.Add(Coefficients(spec, fit.Coefficients, fit.Sigma2, []));
                return Fitted(forecaster, null, choices);
            }
        }
        var value = usable.Length == 0 ? 0 : usable.Average();
        var mean = new ArimaForecaster(new ArimaSpec(0, 0, 0, 0, 0, 0, period, ArimaConstant.Mean), [value], 0);
        return Fitted(mean, null, [Invariant($"Fallback: {reason}, and too few points for a random walk, so the model is the mean {value:G6} with no variance.")]);
    }

    private static string Selection(ArimaFit model, SearchResult search)
    {
        if (search.ConstantDifferences)
        {
            return model.Spec.CovariateCount > 0
                ? $"{model.Spec}: the differenced residuals of the covariates' regression are constant, so R's auto.arima fits the regression with the differences alone, without a search."
                : $"{model.Spec}: the differenced history is constant, so R's auto.arima takes the differences' deterministic model without a search.";
        }
        var how = search.Approximated
            ? Invariant($"compared by conditional sums of squares (n > 150 or m > 12), then refitted by exact maximum likelihood in that order until one passed R's checks ({search.Refits} refit{(search.Refits == 1 ? "" : "s")})")
            : "fitted by exact maximum likelihood";
        var criterion = search.Corrected ? Invariant($"AICc ({model.Aicc:F2})") : Invariant($"AIC ({model.Aic:F2}; R's choice for n ≤ 3)");
        return $"{model.Spec}: the lowest {criterion} of {search.ModelsFitted} models in R's stepwise search (Hyndman and Khandakar 2008), {how}.";
    }

    /// <param name="regression">Whether the differences were chosen on a regression's residuals rather than the history.</param>
    private static IEnumerable<string> DifferencingChoices(SearchResult search, bool regression)
    {
        var tested = regression ? "residuals of the covariates' least-squares regression" : "history";
        var decomposed = regression ? $" of the {tested}" : "";
        yield return search.SeasonalStrength is double strength
            ? Invariant($"D = {search.SeasonalDifferences}: the seasonal strength of an STL decomposition{decomposed} is {strength:F3}, {(strength > Differencing.SeasonalStrengthThreshold ? "above" : "not above")} R's threshold {Differencing.SeasonalStrengthThreshold}.")
            : "D = 0: no seasonal difference, since the data have no season or span at most two of them.";
        var differenced = search.SeasonalDifferences > 0 ? $"seasonally differenced {tested}" : tested;
        yield return search.Differences == 0
            ? $"d = 0: the KPSS test (5 %) does not reject level stationarity of the {differenced}."
            : Invariant($"d = {search.Differences}: the KPSS test (5 %) rejected level stationarity of the {differenced} {(search.Differences == 1 ? "once" : "twice")}.");
        if (search.DifferenceSpared)
        {
            yield return "One difference the tests chose was not taken: it would have left a covariate constant, as R's auto.arima avoids.";
        }
    }

    /// <summary>The regression's coefficients in words: what a unit of each covariate adds to the forecast.</summary>
    private static string Regression(ArimaSpec spec, double[] coefficients, string[] covariates)
    {
        var beta = coefficients[(spec.ArmaCount + spec.RegressionCount - covariates.Length)..];
        var terms = string.Join(", ", covariates.Select((name, j) => Invariant($"{beta[j]:G4} per unit of {name}")));
        var differenced = spec.TotalDifferences > 0 ? ", on the differenced series and covariates" : "";
        return $"Regression with ARIMA errors: the forecast moves by {terms}; the coefficients were estimated with the ARIMA part by maximum likelihood{differenced}, and a forecast needs the covariates' values for every step of its horizon.";
    }

    private static string Coefficients(ArimaSpec spec, double[] coefficients, double sigma2, IReadOnlyList<string> covariates)
    {
        var names = Enumerable.Range(1, spec.ArOrder).Select(i => $"ar{i}")
            .Concat(Enumerable.Range(1, spec.MaOrder).Select(i => $"ma{i}"))
            .Concat(Enumerable.Range(1, spec.SeasonalArOrder).Select(i => $"sar{i}"))
            .Concat(Enumerable.Range(1, spec.SeasonalMaOrder).Select(i => $"sma{i}"))
            .Concat(spec.Constant switch
            {
                ArimaConstant.Mean => ["mean"],
                ArimaConstant.Drift => ["drift"],
                _ => Array.Empty<string>(),
            })
            .Concat(covariates);
        var listed = string.Join(", ", names.Zip(coefficients, (name, value) => Invariant($"{name} {value:G4}")));
        return Invariant($"Coefficients: {(listed.Length == 0 ? "none" : listed)}; σ² {sigma2:G4}.");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
