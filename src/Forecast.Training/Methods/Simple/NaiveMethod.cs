namespace Forecast.Training.Methods.Simple;

/// <summary>The last value, forever (R's <c>naive</c>): the benchmark every forecast must beat.</summary>
public sealed class NaiveMethod : IStatisticalMethod
{
    public string Name => "naive";

    public string Description => "The last observed value at every step (R's naive), with random-walk intervals.";

    public FittedMethod Fit(FitInput input, CancellationToken cancellation) =>
        new(Restore(ClosedFormForecaster.EmptyState, input.SeasonalPeriod), ClosedFormForecaster.EmptyState,
            ["naive: every step forecast by the last observed value; intervals widen with the square root of the steps, as a random walk's."]);

    public IFittedForecaster Restore(System.Text.Json.JsonElement state, int seasonalPeriod) =>
        new ClosedFormForecaster(Name, firstPredictable: 2, (history, horizon) => LagWalk.Forecast(history, horizon, lag: 1, drift: false));
}
