using Forecast.Training.Tests.Diagnostics;
using Forecast.Training.Transforms;

namespace Forecast.Training.Tests.Transforms;

public class TransformDiagnosisTests
{
    private static TransformSuggestion Suggest(string file, int testSize, int period)
    {
        var series = SharedData.Series(file);
        return TransformDiagnosis.Suggest(series[..^testSize], series.All(v => v > 0), period);
    }

    [Fact]
    public void Airpassengers_calls_for_a_log_and_a_seasonal_difference()
    {
        var suggestion = Suggest("airpassengers.csv", 12, 12);

        Assert.True(suggestion.Pipeline.Log && suggestion.Pipeline.SeasonalDifference);
        Assert.Contains(suggestion.Findings, f => f.StartsWith("variation grows with the level", StringComparison.Ordinal));
        Assert.Equal(suggestion.Pipeline.Difference ? 8 : 4, suggestion.Candidates.Count);
    }

    [Fact]
    public void Nottem_is_seasonal_and_stationary_with_a_steady_level()
    {
        var suggestion = Suggest("nottem.csv", 12, 12);

        Assert.Equal("seasonalDifference", suggestion.Pipeline.ToString());
        Assert.Equal(["none", "seasonalDifference"], suggestion.Candidates.Select(c => c.ToString()));
    }

    [Fact]
    public void Daily_rain_with_dry_days_gets_no_log_and_nothing_else()
    {
        var suggestion = Suggest("seattle-precipitation-daily.csv", 28, 7);

        Assert.Equal("none", suggestion.Pipeline.ToString());
        Assert.Contains("not all values are positive, so no log", suggestion.Findings);
    }
}
