using Forecast.Domain.Runs;
using Forecast.Domain.Series;

namespace Forecast.Domain.Tests.Runs;

/// <summary>A run's several seasons: the day and the week of a long sub-daily series by default, or the client's, checked.</summary>
public class SeasonalPeriodsTests
{
    private readonly HyperparameterResolver resolver = new(new HyperparameterBounds());

    private static RegularSeries Hourly(int days) =>
        new(Utc.Date(2024, 1, 1), Frequency.Hourly, Enumerable.Range(0, days * 24).Select(i => 100.0 + i % 24).ToArray());

    private static RegularSeries HalfHourly(int days) =>
        new(Utc.Date(2024, 1, 1), Frequency.Minutes30, Enumerable.Range(0, days * 48).Select(i => 100.0 + i % 48).ToArray());

    private ResolvedHyperparameters Statistical(HyperparameterRequest request, RegularSeries series) =>
        resolver.ResolveStatistical(request, series, "mstl", severalSeasons: true);

    [Fact]
    public void A_long_hourly_series_gets_the_day_and_the_week_and_the_week_is_its_seasonal_period()
    {
        var resolved = Statistical(new HyperparameterRequest(), Hourly(28));

        Assert.Equal(168, resolved.Hyperparameters.SeasonalPeriod);
        Assert.Equal([24, 168], resolved.Hyperparameters.SeasonalPeriods);
        Assert.Contains(resolved.Choices, c => c.StartsWith("seasonal periods 24 and 168 from the series' frequency, a day and a week", StringComparison.Ordinal));
    }

    [Fact]
    public void A_half_hourly_series_gets_48_and_336()
    {
        var hp = Statistical(new HyperparameterRequest(), HalfHourly(35)).Hyperparameters;

        Assert.Equal([48, 336], hp.SeasonalPeriods);
        Assert.Equal(336, hp.SeasonalPeriod);
    }

    [Fact]
    public void A_method_of_one_season_keeps_the_day_and_is_told_of_the_week_but_may_ask_for_both()
    {
        var ets = resolver.ResolveStatistical(new HyperparameterRequest(), Hourly(28), "ets");
        var network = resolver.Resolve(new HyperparameterRequest(), Hourly(28), () => 1);
        var asked = resolver.ResolveStatistical(new HyperparameterRequest(SeasonalPeriods: [24, 168]), Hourly(28), "ets");

        Assert.Equal((24, null), (ets.Hyperparameters.SeasonalPeriod, ets.Hyperparameters.SeasonalPeriods));
        Assert.Equal((24, null), (network.Hyperparameters.SeasonalPeriod, network.Hyperparameters.SeasonalPeriods));
        Assert.Contains(ets.Choices, c => c.Contains("mstl would model the week (168) as well", StringComparison.Ordinal));
        Assert.Contains(network.Choices, c => c.StartsWith("seasonal period 24 from the series' frequency, a day", StringComparison.Ordinal));
        Assert.Equal((168, 2), (asked.Hyperparameters.SeasonalPeriod, asked.Hyperparameters.SeasonalPeriods!.Count));
        Assert.Contains(asked.Choices, c => c.StartsWith("seasonalPeriods 24, 168: this method models one season, the longest (168)", StringComparison.Ordinal));
    }

    [Fact]
    public void The_lstm_with_several_seasons_says_it_deseasonalizes_by_mstl_unless_its_transform_keeps_one_season()
    {
        string Choice(string? transform) => resolver.Resolve(new HyperparameterRequest(SeasonalPeriods: [24, 168], Transform: transform), Hourly(28), () => 1)
            .Choices.Single(c => c.StartsWith("seasonalPeriods 24, 168:", StringComparison.Ordinal));

        Assert.Equal("seasonalPeriods 24, 168: the lstm deseasonalizes by MSTL with the seasons of 24 and 168; the longest (168) is also the lag of seasonal naive and the MASE scale.",
            Choice("log+deseasonalize"));
        Assert.StartsWith("seasonalPeriods 24, 168: if transform auto deseasonalizes, the lstm takes out the seasons of 24 and 168 by MSTL; otherwise it models one season, the longest (168)",
            Choice(null), StringComparison.Ordinal);
        Assert.StartsWith("seasonalPeriods 24, 168: this method models one season, the longest (168)", Choice("seasonalDifference"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(14)] // two weeks: the training part holds fewer than three
    [InlineData(21)] // three weeks, less the test tail
    public void A_shorter_sub_daily_series_keeps_the_one_daily_period(int days)
    {
        var hp = Statistical(new HyperparameterRequest(), Hourly(days)).Hyperparameters;

        Assert.Equal((24, null), (hp.SeasonalPeriod, hp.SeasonalPeriods));
        Assert.Equal([24], hp.Seasons);
    }

    [Fact]
    public void A_seasonal_period_given_alone_is_the_one_season()
    {
        var hp = Statistical(new HyperparameterRequest(SeasonalPeriod: 24), Hourly(28)).Hyperparameters;

        Assert.Equal((24, null), (hp.SeasonalPeriod, hp.SeasonalPeriods));
    }

    [Fact]
    public void A_daily_series_keeps_its_week_unless_the_client_asks_for_a_year_too()
    {
        var daily = new RegularSeries(Utc.Date(2012, 1, 1), Frequency.Daily, new double[1461]);

        var usual = Statistical(new HyperparameterRequest(), daily).Hyperparameters;
        var asked = Statistical(new HyperparameterRequest(SeasonalPeriods: [7, 365]), daily);

        Assert.Equal((7, null), (usual.SeasonalPeriod, usual.SeasonalPeriods));
        Assert.Equal(365, asked.Hyperparameters.SeasonalPeriod);
        Assert.Equal([7, 365], asked.Hyperparameters.SeasonalPeriods);
        Assert.DoesNotContain(asked.Choices, c => c.Contains("seasonal period", StringComparison.Ordinal));
    }

    [Fact]
    public void One_period_in_the_list_is_the_seasonal_period_and_the_same_seasonal_period_beside_it_is_accepted()
    {
        var one = Statistical(new HyperparameterRequest(SeasonalPeriods: [12]), Hourly(28)).Hyperparameters;
        var agreeing = Statistical(new HyperparameterRequest(SeasonalPeriod: 168, SeasonalPeriods: [24, 168]), Hourly(28)).Hyperparameters;

        Assert.Equal((12, null), (one.SeasonalPeriod, one.SeasonalPeriods));
        Assert.Equal([24, 168], agreeing.SeasonalPeriods);
    }

    public static TheoryData<int[], int?, string> BadLists => new()
    {
        { [], null, "seasonalPeriods lists 1 to 3 periods; got 0." },
        { [7, 24, 168, 336], null, "seasonalPeriods lists 1 to 3 periods; got 4." },
        { [1, 24], null, "seasonalPeriods must be between 2 and 1000; got 1." },
        { [24, 2000], null, "seasonalPeriods must be between 2 and 1000; got 2000." },
        { [168, 24], null, "seasonalPeriods must be ascending, each period once; got 168, 24." },
        { [24, 24], null, "seasonalPeriods must be ascending, each period once; got 24, 24." },
        { [24, 168], 24, "seasonalPeriod 24 and seasonalPeriods 24, 168 disagree" },
    };

    [Theory]
    [MemberData(nameof(BadLists))]
    public void A_bad_list_is_refused_naming_seasonal_periods(int[] periods, int? seasonalPeriod, string message)
    {
        var refused = Assert.Throws<DomainValidationException>(() =>
            Statistical(new HyperparameterRequest(SeasonalPeriod: seasonalPeriod, SeasonalPeriods: periods), Hourly(28)));

        Assert.Equal("seasonalPeriods", refused.Field);
        Assert.StartsWith(message, refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_period_longer_than_a_third_of_the_training_part_is_unprocessable()
    {
        // 14 days less the 10 points of the test tail: 326 points, a third of them 108.
        var refused = Assert.Throws<UnprocessableException>(() => Statistical(new HyperparameterRequest(SeasonalPeriods: [24, 168]), Hourly(14)));

        Assert.Equal("seasonalPeriods", refused.Field);
        Assert.Contains("none may exceed 108", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_collections_run_takes_only_one_seasonal_period()
    {
        var shape = new CollectionShape(Frequency.Hourly, 2, "a", 24 * 28, 24 * 28);

        var refused = Assert.Throws<DomainValidationException>(() =>
            resolver.ResolveStatisticalForCollection(new HyperparameterRequest(SeasonalPeriods: [24, 168]), shape, "ets"));

        Assert.Equal("seasonalPeriods", refused.Field);
    }
}
