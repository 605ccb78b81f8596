using Forecast.Training.Tests.Diagnostics;
using Forecast.Training.Transforms;

namespace Forecast.Training.Tests.Transforms;

public class TransformDiagnosisTests
{
    private static TransformSuggestion Suggest(string file, int testSize, int period)
    {
        var series = RepositoryData.Series(file);
        return TransformDiagnosis.Suggest(series[..^testSize], series.All(v => v > 0), period);
    }

    [Fact]
    public void Airpassengers_calls_for_a_log_and_a_seasonal_difference()
    {
        var suggestion = Suggest("airpassengers.csv", 12, 12);

        Assert.True(suggestion.Pipeline.Log && suggestion.Pipeline.SeasonalDifference);
        Assert.Contains(suggestion.Findings, f => f.StartsWith("variation grows with the level", StringComparison.Ordinal));
        Assert.Equal(suggestion.Pipeline.Difference ? 12 : 6, suggestion.Candidates.Count);
    }

    [Fact]
    public void Nottem_is_seasonal_and_stationary_with_a_steady_level()
    {
        var suggestion = Suggest("nottem.csv", 12, 12);

        Assert.Equal("seasonalDifference", suggestion.Pipeline.ToString());
        Assert.Equal(["none", "seasonalDifference", "deseasonalize"], suggestion.Candidates.Select(c => c.ToString()));
    }

    [Fact]
    public void Daily_rain_with_dry_days_gets_no_log_and_nothing_else()
    {
        var suggestion = Suggest("seattle-precipitation-daily.csv", 28, 7);

        Assert.Equal("none", suggestion.Pipeline.ToString());
        Assert.Equal(["none"], suggestion.Candidates.Select(c => c.ToString()));
        Assert.Contains("not all values are positive, so no log", suggestion.Findings);
        Assert.Contains(suggestion.Findings, f => f.StartsWith("its 7 phases do not differ beyond a trend", StringComparison.Ordinal));
    }

    [Fact]
    public void Four_years_of_monthly_rain_show_no_clear_season_but_months_that_differ()
    {
        var suggestion = Suggest("seattle-precipitation-monthly.csv", 12, 12);

        Assert.Equal("none", suggestion.Pipeline.ToString());
        Assert.Contains("no clear seasonality at period 12", suggestion.Findings);
        Assert.Contains("its 12 phases differ beyond a trend (p 0.06), so seasonal indices are worth trying", suggestion.Findings);
        Assert.Equal(["none", "deseasonalize"], suggestion.Candidates.Select(c => c.ToString()));
    }

    [Fact]
    public void Fewer_than_two_seasons_leave_seasonal_indices_out()
    {
        var suggestion = TransformDiagnosis.Suggest(RepositoryData.Series("nottem.csv")[..23], allPositive: true, seasonalPeriod: 12);

        Assert.DoesNotContain(suggestion.Candidates, c => c.Deseasonalize);
        Assert.Contains("too short for seasonal indices of period 12 (two seasons needed)", suggestion.Findings);
    }
}
