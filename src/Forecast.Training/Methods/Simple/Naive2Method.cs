using Forecast.Domain.Evaluation;

namespace Forecast.Training.Methods.Simple;

/// <summary>The M4 competition's Naive2: naive on the seasonally adjusted series, seasonalised again.</summary>
public sealed class Naive2Method : IStatisticalMethod
{
    public string Name => "naive2";

    public string Description => "Naive on the seasonally adjusted series, seasonalised again (the M3 and M4 competitions' Naive2).";

    public FittedMethod Fit(FitInput input, CancellationToken cancellation) =>
        new(Restore(ClosedFormForecaster.EmptyState, input.SeasonalPeriod), ClosedFormForecaster.EmptyState,
        [
            SeasonalAdjustment.Of(input.History, input.SeasonalPeriod).IsSeasonal
                ? $"naive2: the last seasonally adjusted value, times each period's multiplicative index (classical decomposition, season of {input.SeasonalPeriod})."
                : "naive2 is naive here: the 90 % seasonality test found no season to adjust for.",
        ]);

    public IFittedForecaster Restore(System.Text.Json.JsonElement state, int seasonalPeriod) =>
        new ClosedFormForecaster(Name, firstPredictable: 2, (history, horizon) =>
        {
            var adjustment = SeasonalAdjustment.Of(history, seasonalPeriod);
            var adjusted = LagWalk.Forecast(adjustment.Adjusted, horizon, lag: 1, drift: false);
            // Each bound is seasonalised as the mean is, so the standard error scales with the period's index.
            var ones = adjustment.Reseasonalize(Enumerable.Repeat(1.0, horizon).ToArray());
            return new NormalForecast(adjustment.Reseasonalize(adjusted.Mean), adjusted.StandardError.Select((se, h) => se * ones[h]).ToArray());
        });
}
