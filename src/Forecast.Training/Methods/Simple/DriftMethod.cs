namespace Forecast.Training.Methods.Simple;

/// <summary>The line through the first and last observations, extended (R's <c>rwf(drift = TRUE)</c>).</summary>
public sealed class DriftMethod : IStatisticalMethod
{
    public string Name => "drift";

    public string Description => "The last value plus the average change per period (R's rwf with drift).";

    public FittedMethod Fit(FitInput input, CancellationToken cancellation) =>
        new(Restore(ClosedFormForecaster.EmptyState, input.SeasonalPeriod), ClosedFormForecaster.EmptyState,
            ["drift: the last value plus the average change per period, the line through the first and last observations; intervals count the drift's own uncertainty."]);

    // Three points: the drift's standard error needs two steps.
    public IFittedForecaster Restore(System.Text.Json.JsonElement state, int seasonalPeriod) =>
        new ClosedFormForecaster(Name, firstPredictable: 3, (history, horizon) => LagWalk.Forecast(history, horizon, lag: 1, drift: true));
}
