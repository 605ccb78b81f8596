using Forecast.Domain.Evaluation;

namespace Forecast.Training.Methods.Simple;

/// <summary>The Theta method as R's <c>thetaf</c> computes it (<see cref="Theta"/>), with thetaf's intervals.</summary>
public sealed class ThetaMethod : IStatisticalMethod
{
    public const string MethodName = "theta";

    public string Name => MethodName;

    public string Description => "The Theta method (M3's winner) as R's thetaf: exponential smoothing with half the trend's slope, seasonally adjusted.";

    public FittedMethod Fit(FitInput input, CancellationToken cancellation)
    {
        var fit = Theta.Fit(input.History, 1, input.SeasonalPeriod);
        return new(Restore(ClosedFormForecaster.EmptyState, input.SeasonalPeriod), ClosedFormForecaster.EmptyState,
        [
            $"theta: simple exponential smoothing (alpha {fit.Alpha:0.####}) plus half the slope of the least-squares line{(SeasonalAdjustment.Of(input.History, input.SeasonalPeriod).IsSeasonal ? $", on the series adjusted for its multiplicative season of {input.SeasonalPeriod}" : "")}; refitted at each origin, as thetaf is.",
        ]);
    }

    // Three points: the smoothing's error variance counts two fitted parameters.
    public IFittedForecaster Restore(System.Text.Json.JsonElement state, int seasonalPeriod) =>
        new ClosedFormForecaster(Name, firstPredictable: 3, (history, horizon) =>
        {
            var fit = Theta.Fit(history, horizon, seasonalPeriod);
            return new NormalForecast(fit.Mean, Enumerable.Range(1, horizon).Select(fit.StandardError).ToArray());
        });
}
