using Forecast.Training.Intervals;
using Forecast.Training.Methods.Arima;

namespace Forecast.Training.Tests.Methods.Arima;

public sealed class ArimaForecasterTests
{
    public static TheoryData<string> Cases => new(ArimaReference.ForecastKeys);

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_model_carried_to_an_origin_forecasts_as_R_with_Rs_intervals(string key)
    {
        var model = ArimaReference.Get(key);
        var series = TourismReference.Get(key);
        var whole = series.History.Concat(series.Actual).ToArray();
        var forecaster = new ArimaForecaster(model.Spec, model.Coefficients, model.FittedSigma2);

        foreach (var origin in ArimaReference.Forecasts(key).GroupBy(f => f.Origin))
        {
            var steps = forecaster.Forecast(whole, [origin.Key], 6, IntervalLevels.Of([95]))[0];

            foreach (var expected in origin)
            {
                var step = steps[expected.Step - 1];
                // Relative 1e-9: the filter's rounding, far below any difference a fit could make.
                Assert.Equal(expected.Mean, step.Value, Math.Abs(expected.Mean) * 1e-9);
                Assert.Equal(expected.Lower95, step.Intervals![0].Lower, Math.Abs(expected.Mean) * 1e-9);
                Assert.Equal(expected.Upper95, step.Intervals![0].Upper, Math.Abs(expected.Mean) * 1e-9);
            }
        }
    }
}
