using Forecast.Domain.Evaluation;
using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Arima;

namespace Forecast.Training.Tests.Methods.Arima;

/// <summary>
/// auto.arima(xreg = ) on the two data sets of issue 26, pinned as this implementation fits them once the arima-xreg
/// benchmark matched R's MASE there (to the third decimal on all four figures, docs/accuracy.md).
/// </summary>
public sealed class RegressionSearchTests(RegressionFits fits) : IClassFixture<RegressionFits>
{
    [Fact]
    public void US_real_consumption_with_income_gets_a_regression_with_ARIMA_1_1_2_errors_and_drift_and_Rs_accuracy()
    {
        var series = RegressionData.UsMacro;
        var fitted = fits.UsMacro;

        var forecast = fitted.Model.ForecastAfter(series.History, series.Covariates, series.Horizon, IntervalLevels.None).Select(s => s.Value).ToArray();

        Assert.StartsWith("Regression with ARIMA(1,1,2) errors: the lowest AICc (1818.63)", fitted.Choices[0], StringComparison.Ordinal);
        AssertCoefficients([0.8672, -0.7888, 0.212, 32.49, 0.1614], fitted);
        Assert.Equal("drift", fitted.State.GetProperty("constant").GetString());
        Assert.Equal(1.549, Mase(series, forecast), 0.0005);
    }

    [Fact]
    public void General_Electric_with_value_and_capital_gets_a_regression_with_MA_2_errors()
    {
        var series = RegressionData.GeneralElectric;
        var fitted = fits.GeneralElectric;

        Assert.StartsWith("Regression with ARIMA(0,0,2) errors: the lowest AICc (157.12)", fitted.Choices[0], StringComparison.Ordinal);
        AssertCoefficients([1.092, 0.8069, 0.03009, 0.09604], fitted);
        Assert.Equal(["value", "capital"], fitted.Model.CovariateNames);
        Assert.Equal(1.266, Mase(series, fitted.Model.ForecastAfter(series.History, series.Covariates, 4, IntervalLevels.None).Select(s => s.Value).ToArray()), 0.0005);
    }

    [Fact]
    public void The_choices_say_the_regression_coefficients_and_that_the_differences_were_chosen_on_its_residuals()
    {
        var choices = fits.UsMacro.Choices;

        Assert.Contains(choices, c => c.StartsWith("Regression with ARIMA errors: the forecast moves by 0.1614 per unit of realdpi", StringComparison.Ordinal));
        Assert.Contains(choices, c => c.StartsWith("d = 1: the KPSS test (5 %) rejected level stationarity of the residuals of the covariates' least-squares regression", StringComparison.Ordinal));
        Assert.Contains(choices, c => c.StartsWith("Coefficients: ar1 0.8672, ma1 -0.7888, ma2 0.212, drift 32.49, realdpi 0.1614", StringComparison.Ordinal));
    }

    [Fact]
    public void A_constant_covariate_is_left_out_and_said_to_be()
    {
        var series = RegressionData.GeneralElectric;
        var covariates = new Covariates([.. series.Covariates.Columns, new Covariate("flat", Enumerable.Repeat(1.0, 20).ToArray())]);

        var fitted = new ArimaMethod().Fit(series.Input with { Covariates = covariates }, CancellationToken.None);

        Assert.Equal(["value", "capital"], fitted.Model.CovariateNames);
        Assert.Contains(fitted.Choices, c => c.StartsWith("flat is constant over the history", StringComparison.Ordinal));
    }

    [Fact]
    public void Covariates_that_are_linearly_dependent_are_left_out_and_said_to_be()
    {
        var series = RegressionData.GeneralElectric;
        var value = series.Covariates.Columns[0].Values;
        var covariates = new Covariates([new Covariate("value", value), new Covariate("doubled", value.Select(v => 2 * v + 1).ToArray())]);

        var fitted = new ArimaMethod().Fit(series.Input with { Covariates = covariates }, CancellationToken.None);

        Assert.Empty(fitted.Model.CovariateNames);
        Assert.Contains(fitted.Choices, c => c.StartsWith("value, doubled are linearly dependent", StringComparison.Ordinal));
    }

    private static void AssertCoefficients(double[] expected, FittedMethod fitted)
    {
        var coefficients = fitted.State.GetProperty("coefficients").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        // The choices print four significant digits.
        Assert.Equal(expected, coefficients, (a, b) => Math.Abs(a - b) <= 1e-3 * Math.Abs(a));
    }

    private static double Mase(CovariateCase series, double[] forecast) =>
        AccuracyMetrics.Compute(series.Actual, forecast, AccuracyMetrics.MaseScale(series.History, series.Period)).Mase!.Value;
}
