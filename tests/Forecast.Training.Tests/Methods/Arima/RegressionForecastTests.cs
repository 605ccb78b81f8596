using System.Text.Json;
using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Arima;

namespace Forecast.Training.Tests.Methods.Arima;

/// <summary>What a regression with ARIMA errors promises of its forecasts: the contract, with covariates.</summary>
public sealed class RegressionForecastTests(RegressionFits fits) : IClassFixture<RegressionFits>
{
    private static readonly CovariateCase Macro = RegressionData.UsMacro;

    [Fact]
    public void A_restored_regression_forecasts_bit_identically_with_its_covariates()
    {
        var fitted = fits.UsMacro;
        var stored = JsonDocument.Parse(fitted.State.GetRawText()).RootElement;

        var restored = new ArimaMethod().Restore(stored, Macro.Period);

        int[] origins = [100, 150, Macro.History.Length];
        Assert.Equal(["realdpi"], restored.CovariateNames);
        Assert.Equal(fitted.Model.FirstPredictable, restored.FirstPredictable);
        Assert.Equal(Flatten(fitted.Model.Forecast(Macro.Values, Macro.Covariates, origins, 8, IntervalLevels.Default)),
            Flatten(restored.Forecast(Macro.Values, Macro.Covariates, origins, 8, IntervalLevels.Default)));
        Assert.Equal(Flatten([fitted.Model.OneStepAhead(Macro.Values, Macro.Covariates, 10, 190, IntervalLevels.Default)]),
            Flatten([restored.OneStepAhead(Macro.Values, Macro.Covariates, 10, 190, IntervalLevels.Default)]));
    }

    [Fact]
    public void A_forecast_past_the_known_covariates_is_refused_naming_the_covariate_and_the_first_missing_step()
    {
        var origin = Macro.History.Length;

        var refusal = Assert.Throws<MissingCovariateException>(() =>
            fits.UsMacro.Model.Forecast(Macro.History, Macro.KnownTo(origin + 2), [origin], 8, IntervalLevels.None));

        Assert.Equal("realdpi", refusal.Covariate);
        Assert.Equal(3, refusal.Step);
        Assert.Equal(origin + 2, refusal.Point);
        Assert.Contains("'realdpi' has no value for step 3 of the forecast from point 195", refusal.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_regression_asked_to_forecast_without_covariates_refuses_rather_than_filling_them_in()
    {
        var refusal = Assert.Throws<MissingCovariateException>(() => fits.UsMacro.Model.PointForecast(Macro.History, 8));

        Assert.Equal("realdpi", refusal.Covariate);
        Assert.Equal(0, refusal.Point);
        Assert.Null(refusal.Step);
    }

    [Fact]
    public void A_fit_whose_covariate_does_not_cover_the_history_is_refused_naming_the_first_missing_point()
    {
        var input = Macro.Input with { Covariates = Macro.KnownTo(150) };

        var refusal = Assert.Throws<MissingCovariateException>(() => new ArimaMethod().Fit(input, CancellationToken.None));

        Assert.Equal(("realdpi", 150), (refusal.Covariate, refusal.Point));
    }

    [Fact]
    public void A_forecast_from_an_earlier_origin_sees_only_the_history_before_it_and_the_covariates_of_its_horizon()
    {
        var model = fits.UsMacro.Model;
        var later = Macro.Values.Select((v, t) => t >= 150 ? v * 3 : v).ToArray();

        var fromOrigin = model.Forecast(Macro.Values, Macro.Covariates, [150], 8, IntervalLevels.Default);
        var withLaterChanged = model.Forecast(later, Macro.ChangedFrom(158, v => v * 3), [150], 8, IntervalLevels.Default);
        var withHorizonChanged = model.Forecast(Macro.Values, Macro.ChangedFrom(154, v => v * 3), [150], 8, IntervalLevels.Default);
        var cut = model.Forecast(Macro.Values[..150], Macro.KnownTo(158), [150], 8, IntervalLevels.Default);

        Assert.Equal(Flatten(fromOrigin), Flatten(withLaterChanged));
        Assert.Equal(Flatten(fromOrigin), Flatten(cut));
        Assert.Equal(Flatten(fromOrigin)[..20], Flatten(withHorizonChanged)[..20]);
        Assert.NotEqual(fromOrigin[0][^1].Value, withHorizonChanged[0][^1].Value);
    }

    [Fact]
    public void One_step_predictions_with_covariates_are_the_one_step_forecasts_from_each_origin()
    {
        var model = fits.GeneralElectric.Model;
        var series = RegressionData.GeneralElectric;
        var origins = Enumerable.Range(4, 16).ToArray();

        var oneStep = model.OneStepAhead(series.Values, series.Covariates, 4, 20, IntervalLevels.Default);
        var forecasts = model.Forecast(series.Values, series.Covariates, origins, 1, IntervalLevels.Default).Select(f => f[0]).ToArray();

        Assert.All(forecasts.Zip(oneStep), pair =>
        {
            Assert.Equal(pair.First.Value, pair.Second.Value, 1e-9 * Math.Abs(pair.First.Value));
            Assert.Equal(pair.First.Intervals![1].Upper, pair.Second.Intervals![1].Upper, 1e-9 * Math.Abs(pair.First.Value));
        });
    }

    [Fact]
    public void A_model_of_the_series_alone_stores_no_covariates_and_ignores_any_it_is_given()
    {
        var history = Macro.History;
        var fitted = new ArimaMethod().Fit(new FitInput(history, 4, 8), CancellationToken.None);

        Assert.False(fitted.State.TryGetProperty("covariates", out _));
        Assert.Empty(fitted.Model.CovariateNames);
        Assert.Equal(fitted.Model.PointForecast(history, 8),
            fitted.Model.ForecastAfter(history, Macro.Covariates, 8, IntervalLevels.None).Select(s => s.Value));
    }

    private static double[] Flatten(IReadOnlyList<ForecastStep>[] forecasts) =>
        forecasts.SelectMany(f => f).SelectMany(s => new[] { s.Value }.Concat(s.Intervals?.SelectMany(i => new[] { i.Lower, i.Upper }) ?? [])).ToArray();
}
