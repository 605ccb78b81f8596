namespace Forecast.Training.Methods.Simple;

/// <summary>The last season, repeated (R's <c>snaive</c>): the scale of MASE, and the baseline seasonal data must beat.</summary>
public sealed class SeasonalNaiveMethod : IStatisticalMethod
{
    public string Name => "snaive";

    public string Description => "The last observed season repeated (R's snaive), with seasonal random-walk intervals.";

    public FittedMethod Fit(FitInput input, CancellationToken cancellation) =>
        new(Restore(ClosedFormForecaster.EmptyState, input.SeasonalPeriod), ClosedFormForecaster.EmptyState, [Explain(input)]);

    public IFittedForecaster Restore(System.Text.Json.JsonElement state, int seasonalPeriod) =>
        new ClosedFormForecaster(Name, firstPredictable: 2, (history, horizon) =>
            LagWalk.Forecast(history, horizon, HasSeason(history.Count, seasonalPeriod) ? seasonalPeriod : 1, drift: false));

    // A season needs two seasonal steps to estimate its residuals from; before that it is naive, as Baselines.SeasonalNaive is.
    private static bool HasSeason(int points, int period) => period > 1 && points >= period + 2;

    private static string Explain(FitInput input) => HasSeason(input.History.Count, input.SeasonalPeriod)
        ? $"snaive: every step forecast by the same period of the last season of {input.SeasonalPeriod}."
        : $"snaive falls back to naive: {(input.SeasonalPeriod > 1 ? $"{input.History.Count} points are too few for a season of {input.SeasonalPeriod} and its residuals" : "the series has no seasonal period")}.";
}
