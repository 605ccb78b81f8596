using Forecast.Training.Intervals;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Ets;

namespace Forecast.Training.Tests.Methods.Ets;

/// <summary>
/// Our recursion, likelihood and forecast distribution given R's fitted parameters and initial states
/// (<see cref="RExponentialSmoothing"/>): everything but the optimiser, so they must agree with R to rounding.
/// </summary>
public sealed class EtsAgainstRParametersTests
{
    // Relative agreement expected of the same arithmetic done in another order.
    private const double Rounding = 1e-9;

    public static TheoryData<string> Keys => [.. RExponentialSmoothing.Keys];

    // R's class 1 puts gamma on the wrong seasonal state without a trend (ETS(A,N,A), ETS(M,N,A)); its intervals differ there.
    public static TheoryData<string> KeysWithRsIntervals =>
        [.. RExponentialSmoothing.Keys.Where(key => !RExponentialSmoothing.FitOf(key).Form.EndsWith(",N,A)", StringComparison.Ordinal) && !IsDampedClassThree(key))];

    [Theory]
    [MemberData(nameof(Keys))]
    public void The_likelihood_and_AICc_of_Rs_fit_are_Rs(string key)
    {
        var fit = RExponentialSmoothing.FitOf(key);
        var model = RExponentialSmoothing.ModelOf(key);
        var history = TourismReference.Get(key).History;

        var state = new EtsStateVector(model.Form, model.Period);
        state.Reset([.. model.InitialStates]);
        var criterion = EtsLikelihood.Run(model.Form, model.Parameters, state, history, []);
        // The free values: the smoothing parameters and the initial states but the derived last seasonal index; and sigma.
        var k = EtsLikelihood.SmoothingCount(model.Form) + model.InitialStates.Count - (model.Form.HasSeason ? 1 : 0) + 1;
        var aicc = criterion + 2 * k + 2.0 * k * (k + 1) / (history.Length - k - 1);

        Assert.Equal(fit.LogLikelihood, -0.5 * criterion, Math.Abs(fit.LogLikelihood) * Rounding);
        Assert.Equal(fit.Aicc, aicc, Math.Abs(fit.Aicc) * Rounding);
    }

    [Theory]
    [MemberData(nameof(Keys))]
    public void Point_forecasts_from_Rs_fit_are_Rs(string key)
    {
        var expected = RExponentialSmoothing.ForecastOf(key);
        var model = RExponentialSmoothing.ModelOf(key);

        var forecast = model.PointForecast(TourismReference.Get(key).History, expected.Length);

        // R's damped class 3 leaves the trend's first step undamped (see EtsForecastDistribution): a difference of order b / l.
        var tolerance = IsDampedClassThree(key) ? 2e-3 : Rounding;
        for (var h = 0; h < expected.Length; h++)
        {
            Assert.Equal(expected[h].Mean, forecast[h], Math.Abs(expected[h].Mean) * tolerance);
        }
    }

    [Theory]
    [MemberData(nameof(KeysWithRsIntervals))]
    public void Intervals_from_Rs_fit_are_Rs(string key)
    {
        var expected = RExponentialSmoothing.ForecastOf(key);
        var model = RExponentialSmoothing.ModelOf(key);

        var forecast = model.ForecastAfter(TourismReference.Get(key).History, expected.Length, IntervalLevels.Of([80, 95]));

        for (var h = 0; h < expected.Length; h++)
        {
            var intervals = forecast[h].Intervals!;
            var scale = Math.Abs(expected[h].Upper95 - expected[h].Lower95);
            Assert.Equal(expected[h].Lower80, intervals[0].Lower, scale * Rounding);
            Assert.Equal(expected[h].Upper80, intervals[0].Upper, scale * Rounding);
            Assert.Equal(expected[h].Lower95, intervals[1].Lower, scale * Rounding);
            Assert.Equal(expected[h].Upper95, intervals[1].Upper, scale * Rounding);
        }
    }

    private static bool IsDampedClassThree(string key) => RExponentialSmoothing.FitOf(key).Form == "ETS(M,Ad,M)";
}
