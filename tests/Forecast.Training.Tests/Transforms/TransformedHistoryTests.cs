using Forecast.Domain.Runs;
using Forecast.Domain.Seasonality;
using Forecast.Training.Transforms;

namespace Forecast.Training.Tests.Transforms;

public class TransformedHistoryTests
{
    // Positive, trending, with a multiplicative season of 12: every step of every pipeline has work to do.
    private static readonly double[] Series = Enumerable.Range(0, 60)
        .Select(t => (100 + 3 * t) * (1 + 0.2 * Math.Sin(2 * Math.PI * t / 12)) + (t % 5)).ToArray();

    public static TheoryData<string> Pipelines => new(TransformPipeline.All.Select(p => p.ToString()));

    private static TransformedHistory Of(string pipeline, IReadOnlyList<double> history, int? indicesFrom = null) =>
        new(TransformPipeline.Parse(pipeline), 12, history, indicesFrom);

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void Appending_the_true_transformed_values_integrates_back_to_the_series(string pipeline)
    {
        var origin = 30;
        var full = Of(pipeline, Series, indicesFrom: origin);
        var history = Of(pipeline, Series[..origin]);

        // A recursive forecast that happened to be right: each value is undone over the history and the
        // values appended before it, 30 steps deep.
        var integrated = Enumerable.Range(origin, Series.Length - origin).Select(t => history.Append(full[t])).ToArray();

        Assert.Equal(Series[origin..], integrated, (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Abs(a));
        Assert.Equal(Series.Length, history.Count);
    }

    [Theory]
    [MemberData(nameof(Pipelines))]
    public void A_value_undone_at_any_index_over_actual_lags_is_the_actual_value(string pipeline)
    {
        var full = Of(pipeline, Series);

        for (var t = full.Consumed; t < Series.Length; t++)
        {
            Assert.Equal(Series[t], full.InvertAt(t, full[t]), 1e-9 * Series[t]);
        }
    }

    [Fact]
    public void The_transformed_values_are_the_differences_of_the_logs()
    {
        var history = Of("log+seasonalDifference+difference", Series);
        double Log(int t) => Math.Log(Series[t]);

        Assert.Equal(13, history.Consumed);
        Assert.Equal(Log(13) - Log(1) - (Log(12) - Log(0)), history[13], 12);
        Assert.Equal([history[20], history[21]], history.Slice(20, 22));
        Assert.Throws<ArgumentOutOfRangeException>(() => history[12]);
    }

    [Fact]
    public void An_error_in_one_forecast_step_carries_into_every_later_level()
    {
        // With a first difference, a forecast is the last level plus the predicted step, so a step that
        // is 1 too high leaves every later forecast 1 too high: the integration really uses earlier forecasts.
        var history = Of("difference", Series[..30]);
        var truth = Of("difference", Series);

        var first = history.Append(truth[30] + 1);
        var second = history.Append(truth[31]);

        Assert.Equal(Series[30] + 1, first, 9);
        Assert.Equal(Series[31] + 1, second, 9);
    }

    [Fact]
    public void A_seasonal_difference_repeats_last_season_when_the_predicted_change_is_zero()
    {
        var history = Of("seasonalDifference", Series[..36]);

        var forecast = Enumerable.Range(0, 24).Select(_ => history.Append(0)).ToArray();

        Assert.Equal(Series[24..36].Concat(Series[24..36]), forecast);
    }

    [Fact]
    public void Deseasonalizing_a_line_plus_a_season_leaves_the_line()
    {
        // A line plus a season that sums to zero: the indices take the season away and leave the line.
        double[] season = [5, -3, 8, -10, 0, 2, -2];
        var series = Enumerable.Range(0, 35).Select(t => 40 + 0.5 * t + season[t % 7]).ToArray();

        var history = new TransformedHistory(TransformPipeline.Parse("deseasonalize"), 7, series);

        Assert.Equal(Enumerable.Range(0, 35).Select(t => 40 + 0.5 * t), history.Slice(0, 35), (a, b) => Math.Abs(a - b) < 1e-9);
    }

    [Fact]
    public void Seasonal_indices_see_only_the_leading_points_they_are_estimated_from()
    {
        var changedLater = Series.Select((v, t) => t < 30 ? v : 3 * v).ToArray();

        var original = Of("log+deseasonalize", Series, indicesFrom: 30);
        var changed = Of("log+deseasonalize", changedLater, indicesFrom: 30);

        Assert.Equal(original.Slice(0, 30), changed.Slice(0, 30));
        Assert.NotEqual(Of("log+deseasonalize", Series).Slice(0, 30), original.Slice(0, 30));
    }

    [Fact]
    public void A_deseasonalized_forecast_of_a_steady_level_repeats_the_average_season()
    {
        var history = Of("deseasonalize", Series[..48]);
        var level = history[47];

        var forecast = Enumerable.Range(0, 24).Select(_ => history.Append(level)).ToArray();

        Assert.Equal(forecast[..12], forecast[12..], (a, b) => Math.Abs(a - b) < 1e-9);
        Assert.Equal(Series[47], forecast[11], 9);
    }

    // Two seasons, of 4 and 12, on a positive trend: MSTL takes both out when the pipeline deseasonalizes.
    private static readonly int[] TwoSeasons = [4, 12];

    public static TheoryData<string> DeseasonalizingPipelines => new(TransformPipeline.All.Where(p => p.Deseasonalize).Select(p => p.ToString()));

    [Theory]
    [MemberData(nameof(DeseasonalizingPipelines))]
    public void Mstl_seasons_carry_the_true_transformed_values_back_to_the_series(string pipeline)
    {
        var origin = 40;
        var full = new TransformedHistory(TransformPipeline.Parse(pipeline), TwoSeasons, Series, indicesFrom: origin);
        var history = new TransformedHistory(TransformPipeline.Parse(pipeline), TwoSeasons, Series[..origin]);

        var integrated = Enumerable.Range(origin, Series.Length - origin).Select(t => history.Append(full[t])).ToArray();

        Assert.Equal(Series[origin..], integrated, (a, b) => Math.Abs(a - b) <= 1e-9 * Math.Abs(a));
        for (var t = full.Consumed; t < Series.Length; t++)
        {
            Assert.Equal(Series[t], full.InvertAt(t, full[t]), 1e-9 * Series[t]);
        }
    }

    [Fact]
    public void Mstl_seasons_take_out_the_decompositions_seasons_and_repeat_each_ones_last_cycle_ahead()
    {
        var origin = 40;
        var logs = Series[..origin].Select(v => Math.Log(v)).ToArray();
        var decomposition = Mstl.Decompose(logs, TwoSeasons);
        var history = new TransformedHistory(TransformPipeline.Parse("log+deseasonalize"), TwoSeasons, Series[..origin]);
        var level = history[origin - 1];

        // A steady level appended: what comes back is that level with the seasons' naive forecasts put back on.
        var forecast = Enumerable.Range(0, 24).Select(_ => history.Append(level)).ToArray();

        Assert.Equal(decomposition.SeasonallyAdjusted(), history.Slice(0, origin), (a, b) => Math.Abs(a - b) < 1e-12);
        var seasonsAhead = Enumerable.Range(0, 24).Select(h => decomposition.Seasonals.Sum(s => s.Values[origin - s.Period + h % s.Period]));
        Assert.Equal(seasonsAhead.Select(s => Math.Exp(level + s)), forecast, (a, b) => Math.Abs(a - b) < 1e-9 * a);
        // The week's cycle is not the 4-point one alone: both seasons are in the forecast.
        Assert.NotEqual(1, forecast[0] / forecast[4], 3);
    }

    [Fact]
    public void An_evolving_season_is_stl_s_and_repeats_its_last_cycle_ahead()
    {
        var origin = 40;
        var logs = Series[..origin].Select(v => Math.Log(v)).ToArray();
        var stl = Mstl.Decompose(logs, [12]).Seasonals.Single();
        var evolving = new TransformedHistory(TransformPipeline.Parse("log+deseasonalize"), [12], Series[..origin], evolvingSeason: true);
        var fixedIndices = new TransformedHistory(TransformPipeline.Parse("log+deseasonalize"), [12], Series[..origin]);
        var level = evolving[origin - 1];

        var forecast = Enumerable.Range(0, 24).Select(_ => evolving.Append(level)).ToArray();

        Assert.Equal(logs.Select((v, t) => v - stl.Values[t]), evolving.Slice(0, origin), (a, b) => Math.Abs(a - b) < 1e-12);
        Assert.Equal(Enumerable.Range(0, 24).Select(h => Math.Exp(level + stl.Values[origin - 12 + h % 12])), forecast, (a, b) => Math.Abs(a - b) < 1e-9 * a);
        Assert.NotEqual(fixedIndices.Slice(0, origin), evolving.Slice(0, origin));
    }

    [Fact]
    public void A_history_that_holds_its_season_only_twice_keeps_phase_indices_though_its_season_may_evolve()
    {
        var twoYears = Series[..24];

        var evolving = new TransformedHistory(TransformPipeline.Parse("deseasonalize"), [12], twoYears, evolvingSeason: true);

        Assert.Equal(Of("deseasonalize", twoYears).Slice(0, 24), evolving.Slice(0, 24));
    }

    [Fact]
    public void Mstl_seasons_see_only_the_leading_points_they_are_fitted_on()
    {
        var changedLater = Series.Select((v, t) => t < 40 ? v : 3 * v).ToArray();

        var original = new TransformedHistory(TransformPipeline.Parse("deseasonalize"), TwoSeasons, Series, indicesFrom: 40);
        var changed = new TransformedHistory(TransformPipeline.Parse("deseasonalize"), TwoSeasons, changedLater, indicesFrom: 40);

        Assert.Equal(original.Slice(0, 40), changed.Slice(0, 40));
        Assert.NotEqual(new TransformedHistory(TransformPipeline.Parse("deseasonalize"), [12], Series, indicesFrom: 40).Slice(0, 40), original.Slice(0, 40));
    }

    [Fact]
    public void Histories_before_many_origins_share_mstl_fits_renewed_every_shortest_period_back_from_the_latest_origin()
    {
        var pipeline = TransformPipeline.Parse("log+deseasonalize");
        int[] origins = [41, 44, 45, 48, 50, 52];

        var histories = TransformedHistory.BeforeOrigins(pipeline, TwoSeasons, Series, origins);

        // Renewal points 52, 48, 44, 40: each origin's seasons are fitted on the latest one at or before it.
        int[] renewals = [40, 44, 44, 48, 48, 52];
        for (var i = 0; i < origins.Length; i++)
        {
            var expected = new TransformedHistory(pipeline, TwoSeasons, Series[..origins[i]], indicesFrom: renewals[i]);
            Assert.Equal(expected.Slice(0, origins[i]), histories[i].Slice(0, origins[i]));
        }
        Assert.Equal(new TransformedHistory(pipeline, TwoSeasons, Series[..52]).Append(0.5), histories[^1].Append(0.5));
        // One season's phase indices are fitted at every origin.
        var single = TransformedHistory.BeforeOrigins(pipeline, [12], Series, origins);
        Assert.Equal(new TransformedHistory(pipeline, 12, Series[..45]).Slice(0, 45), single[2].Slice(0, 45));
    }
}
