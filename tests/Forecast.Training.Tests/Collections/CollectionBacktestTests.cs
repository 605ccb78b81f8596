using System.Text.Json;
using Forecast.Domain;
using Forecast.Domain.Evaluation;
using Forecast.Training.Collections;
using Forecast.Training.Tests.Lstm;

namespace Forecast.Training.Tests.Collections;

/// <summary>A global model backtested from origins counted back from each member's own test tail, every member kept in every window.</summary>
public class CollectionBacktestTests
{
    // The six long members of the fixture and one of 20 points: long enough for the network at its test tail, not 12 periods earlier.
    private static readonly GlobalMember[] Members =
        [.. CollectionFixture.Members.Take(6), CollectionFixture.Members[0] with { Key = "young", Values = CollectionFixture.Members[0].Values.Take(20).ToArray() }];

    private static readonly BuiltCollectionModel Built =
        CollectionModelBuilder.Build(Members, CollectionFixture.Tiny(epochs: 3), new RecordingObserver(0), CancellationToken.None);

    [Fact]
    public void The_last_window_is_the_evaluation_and_a_member_too_short_for_an_earlier_origin_is_forecast_by_theta_there_and_named()
    {
        var backtest = CollectionBacktesting.Run(Built, Members, CollectionFixture.Tiny(), new BacktestRequest(3, Step: 6), CancellationToken.None);

        Assert.Equal([12, 6, 0], backtest.Windows.Select(w => w.PeriodsBeforeTestTail));
        Assert.Equal(Json(Built.Evaluation.Accuracy), Json(backtest.Windows[^1].Accuracy));
        Assert.Equal(Built.Evaluation.Coverage, backtest.Windows[^1].Coverage);
        Assert.Equal(Built.Evaluation.Steps, backtest.Windows[^1].Steps);
        Assert.Empty(backtest.Windows[^1].Fallbacks);
        // 4 points before its origin 12 periods early: fewer than the network needs, so Theta forecasts it, and it still counts.
        Assert.Equal(["young"], backtest.Windows[0].Fallbacks);
        Assert.Equal(7, backtest.Windows[0].Accuracy.Members);
        Assert.Equal(4, backtest.Steps.Count);
        Assert.Equal(backtest.Windows.Average(w => w.Accuracy.Model.Mase!.Value), backtest.MeanMase!.Value, 12);
        Assert.False(backtest.Refit);
    }

    [Fact]
    public void A_refitted_backtest_ends_with_the_run_s_own_model_and_forecasts_earlier_windows_with_models_that_never_saw_them()
    {
        var hp = CollectionFixture.Tiny(epochs: 3);
        var fixedModel = CollectionBacktesting.Run(Built, Members, hp, new BacktestRequest(2, Step: 4), CancellationToken.None);

        var refitted = CollectionBacktesting.Run(Built, Members, hp, new BacktestRequest(2, Step: 4, Refit: true), CancellationToken.None);

        Assert.True(refitted.Refit);
        Assert.Equal(Json(fixedModel.Windows[^1]), Json(refitted.Windows[^1]));
        Assert.NotEqual(fixedModel.Windows[0].Accuracy.Model, refitted.Windows[0].Accuracy.Model);
        Assert.Equal(fixedModel.Windows[0].Accuracy.Theta, refitted.Windows[0].Accuracy.Theta);
    }

    // Records holding lists compare the lists by reference: their JSON compares every value.
    private static string Json(object value) => JsonSerializer.Serialize(value);

    [Fact]
    public void Windows_that_leave_the_shortest_member_too_few_points_are_refused_by_its_key()
    {
        // The shortest member has 16 points before its test tail: 4 windows 5 apart start 15 periods early, at its point 1.
        var error = Assert.Throws<UnprocessableException>(() =>
            CollectionBacktest.PeriodsBefore(new BacktestRequest(4, Step: 5), Members, testSize: 4));

        Assert.Equal("windows", error.Field);
        Assert.Contains("of member 'young', the shortest (20 points)", error.Message, StringComparison.Ordinal);
    }
}
