using System.Collections.Concurrent;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;

namespace Forecast.Training.Tests.Methods;

/// <summary>What every statistical method in the registry promises, checked on each of them.</summary>
public sealed class ForecasterContractTests
{
    public static TheoryData<string> StatisticalMethods() => [.. ForecastingMethods.All.OfType<IStatisticalMethod>().Select(m => m.Name)];

    private static readonly double[] Monthly = [.. Simple.SimpleMethodsAgainstRTests.ReadSeries("airpassengers")];

    // Fits are deterministic, so the tests that fit one method to the same history share the fit: auto's fits every candidate four times.
    private static readonly ConcurrentDictionary<(string Method, string History, int Period), Lazy<FittedMethod>> Fits = new();

    private static FittedMethod Fit(string method, IReadOnlyList<double> history, int period = 12) =>
        Fits.GetOrAdd((method, string.Join(',', history), period), _ => new(() =>
            ForecastingMethods.Statistical(method)!.Fit(new FitInput(history, period, Horizon: 12), CancellationToken.None))).Value;

    [Theory]
    [MemberData(nameof(StatisticalMethods))]
    public void A_forecast_from_an_earlier_origin_sees_nothing_after_it(string method)
    {
        var model = Fit(method, Monthly[..120]).Model;
        var changedLater = Monthly.Select((v, t) => t >= 100 ? v * 3 : v).ToArray();

        var fromOrigin = model.PointForecasts(Monthly, [100], 12)[0];

        Assert.Equal(fromOrigin, model.PointForecasts(changedLater, [100], 12)[0]);
        Assert.Equal(fromOrigin, model.PointForecast(Monthly[..100], 12));
    }

    [Theory]
    [MemberData(nameof(StatisticalMethods))]
    public void One_step_ahead_predictions_are_the_first_steps_of_forecasts_from_each_origin(string method)
    {
        var model = Fit(method, Monthly[..120]).Model;
        var levels = IntervalLevels.Of([90]);

        var oneStep = model.OneStepAhead(Monthly, 110, 130, levels);
        var forecasts = model.Forecast(Monthly, Enumerable.Range(110, 20).ToArray(), 1, levels);

        // Equal but for rounding: a filter's one-step fit and a forecast from each origin may add the same terms in another order.
        Assert.All(forecasts.Zip(oneStep), pair =>
        {
            var (forecast, predicted) = (pair.First[0], pair.Second);
            AssertClose(forecast.Value, predicted.Value);
            AssertClose(forecast.Intervals![0].Lower, predicted.Intervals![0].Lower);
            AssertClose(forecast.Intervals[0].Upper, predicted.Intervals[0].Upper);
        });
    }

    [Theory]
    [MemberData(nameof(StatisticalMethods))]
    public void Intervals_contain_the_forecast_and_the_wider_level_contains_the_narrower(string method)
    {
        var history = Monthly[..132];
        var model = Fit(method, history).Model;

        var forecast = model.ForecastAfter(history, 24, IntervalLevels.Of([80, 95]));

        Assert.All(forecast, step =>
        {
            var (eighty, ninetyFive) = (step.Intervals![0], step.Intervals[1]);
            Assert.InRange(step.Value, eighty.Lower, eighty.Upper);
            Assert.True(ninetyFive.Lower < eighty.Lower && ninetyFive.Upper > eighty.Upper, $"{method}: {ninetyFive} does not contain {eighty}");
        });
        Assert.True(Width(forecast[^1]) > Width(forecast[0]), $"{method}: the interval 24 steps ahead is no wider than one step ahead");
    }

    [Theory]
    [MemberData(nameof(StatisticalMethods))]
    public void A_restored_model_forecasts_what_the_fitted_one_did(string method)
    {
        var history = Monthly[..132];
        var fitted = Fit(method, history);

        var restored = ForecastingMethods.Statistical(method)!.Restore(fitted.State, 12);

        Assert.Equal(fitted.Model.PointForecast(history, 12), restored.PointForecast(history, 12));
        Assert.Equal(fitted.Model.FirstPredictable, restored.FirstPredictable);
    }

    [Theory]
    [MemberData(nameof(StatisticalMethods))]
    public void Odd_histories_are_fitted_and_said_to_be_so_rather_than_refused(string method)
    {
        double[][] odd = [Enumerable.Repeat(5.0, 30).ToArray(), [3, 4, 2, 5, 4], Monthly.Select((v, t) => t % 12 == 0 ? 0 : v - 200).Take(60).ToArray()];

        Assert.All(odd, history =>
        {
            var fitted = Fit(method, history);
            Assert.NotEmpty(fitted.Choices);
            Assert.All(fitted.Model.PointForecast(history, 12), value => Assert.True(double.IsFinite(value), $"{method} forecast {value}"));
        });
    }

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-9 * Math.Max(1, Math.Abs(expected)), $"expected {expected}, got {actual}");

    private static double Width(ForecastStep step) => step.Intervals![0].Upper - step.Intervals[0].Lower;
}
