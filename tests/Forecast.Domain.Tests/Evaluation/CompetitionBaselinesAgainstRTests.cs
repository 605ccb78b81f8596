using Forecast.Domain.Evaluation;

namespace Forecast.Domain.Tests.Evaluation;

/// <summary>
/// Theta and seasonal naive on the tourism competition's test tails against R's forecast 8.20
/// (data/reference/tourism-r-forecast.csv).
/// </summary>
public class CompetitionBaselinesAgainstRTests
{
    [Theory]
    [InlineData("tourism-monthly")]
    [InlineData("tourism-quarterly")]
    public void Seasonal_naive_mase_matches_r_snaive_on_every_series(string name)
    {
        var collection = TourismData.Load(name);
        var reference = TourismData.RScores(name, "snaive");
        Assert.Equal(reference.Count, collection.Members.Count);

        foreach (var series in collection.Members)
        {
            var r = reference[series.Key];
            Assert.Equal((r.Horizon, r.Period, r.Length), (collection.Horizon, collection.Period, series.History.Length));
            var forecast = Baselines.SeasonalNaive(series.History, collection.Horizon, collection.Period);

            var mase = Mase(series, forecast, collection.Period);

            Assert.True(Math.Abs(mase / r.Mase - 1) < 1e-8, $"{series.Key}: MASE {mase}, R {r.Mase}");
        }
    }

    [Theory]
    [InlineData("tourism-monthly")]
    [InlineData("tourism-quarterly")]
    public void Theta_mean_mase_is_within_one_percent_of_r_thetaf(string name)
    {
        var collection = TourismData.Load(name);
        var reference = TourismData.RScores(name, "theta");

        var ours = collection.Members.Average(s => Mase(s, Theta.Forecast(s.History, collection.Horizon, collection.Period), collection.Period));

        var r = collection.Members.Average(s => reference[s.Key].Mase);
        Assert.True(Math.Abs(ours / r - 1) < 0.01, $"mean MASE {ours}, R {r}");
    }

    private static double Mase(TourismData.Series series, double[] forecast, int period) =>
        AccuracyMetrics.Compute(series.Actual, forecast, AccuracyMetrics.MaseScale(series.History, period)).Mase!.Value;
}
