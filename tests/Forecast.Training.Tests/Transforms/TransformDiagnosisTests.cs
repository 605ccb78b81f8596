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
        Assert.Contains("its 12 phases differ beyond a trend (p 0.06), so deseasonalizing is worth trying", suggestion.Findings);
        Assert.Equal(["none", "deseasonalize"], suggestion.Candidates.Select(c => c.ToString()));
    }

    [Fact]
    public void Fewer_than_two_seasons_leave_seasonal_indices_out()
    {
        var suggestion = TransformDiagnosis.Suggest(RepositoryData.Series("nottem.csv")[..23], allPositive: true, seasonalPeriod: 12);

        Assert.DoesNotContain(suggestion.Candidates, c => c.Deseasonalize);
        Assert.Contains("too short to deseasonalize by period 12 (two seasons needed)", suggestion.Findings);
    }

    [Fact]
    public void A_constant_series_calls_for_nothing_and_says_so_rather_than_failing_the_tests_it_makes_0_over_0()
    {
        var suggestion = TransformDiagnosis.Suggest(Enumerable.Repeat(7.0, 60).ToArray(), allPositive: true, seasonalPeriod: 4);

        Assert.Equal(["none"], suggestion.Candidates.Select(c => c.ToString()));
        Assert.Equal(["constant (every value is 7), so nothing to transform"], suggestion.Findings);
    }

    [Fact]
    public void A_repeated_year_is_seasonal_and_its_findings_name_no_undefined_statistic()
    {
        double[] year = [10, 20, 30, 15];

        var suggestion = TransformDiagnosis.Suggest([.. Enumerable.Range(0, 60).Select(t => year[t % 4])], allPositive: true, seasonalPeriod: 4);

        Assert.True(suggestion.SeasonalDifference);
        Assert.Contains("variation does not grow with the level enough for a log (every block alike in level or in step, level spans x1)", suggestion.Findings);
        Assert.DoesNotContain(suggestion.Findings, f => f.Contains("NaN", StringComparison.Ordinal));
    }
}
