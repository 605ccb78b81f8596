namespace Forecast.Training.Tests.Methods;

public sealed class TourismReferenceTests
{
    [Fact]
    public void R_fitted_each_series_on_everything_before_its_test_tail()
    {
        var series = TourismReference.Get("M1");
        var model = TourismReference.ModelOf("M1");

        Assert.Equal(model.N, series.History.Length);
        Assert.Equal(24, series.Actual.Length);
        Assert.Equal("ETS(M,N,M)", model.Ets);
        Assert.Null(model.Beta);
        Assert.Equal(24, TourismReference.ForecastOf("M1", "ets").Length);
        Assert.Equal(TourismReference.ModelOf("Q1").N, TourismReference.Get("Q1").History.Length);
    }
}
