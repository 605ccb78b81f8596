using Forecast.Training.Methods;
using Forecast.Training.Tests.Methods.Arima;

namespace Forecast.Training.Tests.Methods;

/// <summary>How the registry fits a history with covariates: arima regresses on them, every other method says it does not.</summary>
public sealed class CovariateUseTests
{
    public static TheoryData<string> MethodsWithoutCovariates() =>
        [.. ForecastingMethods.All.OfType<IStatisticalMethod>().Where(m => !m.UsesCovariates).Select(m => m.Name)];

    [Theory]
    [MemberData(nameof(MethodsWithoutCovariates))]
    public void A_method_that_cannot_use_covariates_is_fitted_to_the_target_alone_and_says_so(string name)
    {
        var method = ForecastingMethods.Statistical(name)!;
        var series = RegressionData.GeneralElectric;

        var fitted = ForecastingMethods.Fit(method, series.Input, CancellationToken.None);
        var alone = method.Fit(new FitInput(series.History, series.Period, series.Horizon), CancellationToken.None);

        Assert.StartsWith("Covariates not used (value, capital): ", fitted.Choices[^1], StringComparison.Ordinal);
        Assert.Equal(alone.Model.PointForecast(series.History, 4), fitted.Model.PointForecast(series.History, 4));
    }

    [Fact]
    public void Arima_is_fitted_with_the_covariates()
    {
        var series = RegressionData.GeneralElectric;

        var fitted = ForecastingMethods.Fit(ForecastingMethods.Statistical("arima")!, series.Input, CancellationToken.None);

        Assert.Equal(["value", "capital"], fitted.Model.CovariateNames);
        Assert.DoesNotContain(fitted.Choices, c => c.StartsWith("Covariates not used", StringComparison.Ordinal));
    }

    [Fact]
    public void Arima_leaves_a_past_only_covariate_out_since_it_would_need_its_future_and_says_so()
    {
        var series = RegressionData.GeneralElectric;
        var capitalPastOnly = new Domain.Series.Covariates([.. series.Input.Covariates.Columns.Select(c => c with { PastOnly = c.Name == "capital" })]);

        var fitted = ForecastingMethods.Fit(ForecastingMethods.Statistical("arima")!, series.Input with { Covariates = capitalPastOnly }, CancellationToken.None);

        Assert.Equal(["value"], fitted.Model.CovariateNames);
        Assert.StartsWith("Past-only covariates not used (capital): arima needs every covariate's value at each step it forecasts", fitted.Choices[^1], StringComparison.Ordinal);
    }
}
