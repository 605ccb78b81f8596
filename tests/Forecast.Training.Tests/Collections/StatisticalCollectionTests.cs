using System.Text.Json;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Collections;
using Forecast.Training.Intervals;
using Forecast.Training.Lstm;
using Forecast.Training.Methods;
using Forecast.Training.Tests.Lstm;

namespace Forecast.Training.Tests.Collections;

/// <summary>A statistical method on a collection: every member fitted on its own, in batches a run records, resumable and cancellable between members.</summary>
public class StatisticalCollectionTests
{
    private static readonly Hyperparameters Theta = Hyperparameters.ForStatisticalMethod("theta", testSize: 4, seasonalPeriod: 4, fits: CollectionFixture.Members.Length);

    /// <summary>Forty quarterly members: enough that fitting them takes several batches on any machine.</summary>
    private static readonly GlobalMember[] Many =
    [
        .. Enumerable.Range(0, 40).Select(k => new GlobalMember($"m{k:00}", Enumerable.Range(0, 60)
            .Select(t => (10 + k) * (1 + (0.01 * t)) + (3 * Math.Sin((2 * Math.PI * t / 4) + k)) + ((t * k) % 7)).ToArray())),
    ];

    [Fact]
    public void Every_member_is_fitted_before_its_own_test_tail_and_scored_as_the_method_forecasts_it()
    {
        var observer = new RecordingObserver();

        var built = CollectionModelBuilder.Build(CollectionFixture.Members, Theta, observer, CancellationToken.None);

        Assert.Equal(("theta", null, 7), (built.Stored.Method, built.Artifact, built.Stored.Fits!.Count));
        Assert.Equal(CollectionFixture.Members.Select(m => m.Key), built.Stored.Fits.Select(f => f.Key));
        Assert.Equal(CollectionFixture.Members.Select(m => m.Key).Order(), observer.MemberReports.SelectMany(r => r.Batch).Select(f => f.Key).Order());
        Assert.Equal((7, 7), (observer.MemberReports[^1].Fitted, observer.MemberReports[^1].Total));
        Assert.All(observer.MemberReports, r => Assert.True(double.IsFinite(r.Loss) && r.Loss >= 0));
        foreach (var (member, evaluated) in CollectionFixture.Members.Zip(built.Evaluation.Members))
        {
            Assert.Equal(Domain.Evaluation.Theta.Forecast(member.Values.Take(member.Values.Count - 4).ToArray(), 4, 4), evaluated.Score.Predicted);
            Assert.Null(evaluated.Fallback);
            Assert.All(evaluated.Intervals, step => Assert.Equal(ConformalCalibration.DefaultLevels, step.Select(i => i.Level)));
        }
        Assert.Equal(0, built.Evaluation.Fallbacks);
        Assert.Equal(built.Evaluation.Accuracy.Theta.Mase, built.Evaluation.Accuracy.Model.Mase);
    }

    [Fact]
    public void A_restored_collection_forecasts_every_member_as_the_fitted_one_did()
    {
        var built = CollectionModelBuilder.Build(CollectionFixture.Members, Theta with { Method = "naive2" }, SilentObserver.Instance, CancellationToken.None);
        using var restored = ForecastingMethods.RestoreCollection(
            built.Stored with { Fits = [.. built.Stored.Fits!.Select(f => f with { State = JsonSerializer.Deserialize<JsonElement>(f.State.GetRawText()) })] });

        var again = CollectionEvaluator.Evaluate(restored, CollectionFixture.Members, testSize: 4);

        Assert.Equal("naive2", restored.Method);
        Assert.Equal(built.Evaluation.Members.Select(m => m.Score.Predicted), again.Members.Select(m => m.Score.Predicted));
        Assert.Equal(Naive2.Forecast(CollectionFixture.Members[0].Values.Take(44).ToArray(), 4, 4), again.Members[0].Score.Predicted);
    }

    [Fact]
    public void A_resumed_fit_keeps_the_members_fitted_before_and_fits_only_the_others()
    {
        var hp = Theta with { Epochs = Many.Length };
        var before = Many.Take(15).Select(m => new MemberFit(m.Key, JsonSerializer.SerializeToElement(new { keptFrom = "attempt 1" }))).ToList();
        var observer = new RecordingObserver();

        var built = CollectionModelBuilder.Build(Many, hp, observer, CancellationToken.None, fitted: before);

        Assert.Equal(Many.Skip(15).Select(m => m.Key).Order(), observer.MemberReports.SelectMany(r => r.Batch).Select(f => f.Key).Order());
        Assert.True(observer.MemberReports[0].Fitted > 15);
        Assert.Equal(Many.Length, observer.MemberReports[^1].Fitted);
        Assert.Equal(before.Select(f => f.State.GetRawText()), built.Stored.Fits!.Take(15).Select(f => f.State.GetRawText()));
        Assert.Contains(built.Choices, c => c.Contains("15 were fitted by an earlier attempt of this run and kept", StringComparison.Ordinal));
    }

    [Fact]
    public void A_cancelled_fit_stops_between_members_after_reporting_every_member_it_finished()
    {
        using var cancel = new CancellationTokenSource();
        var observer = new CancellingObserver(cancel);

        Assert.ThrowsAny<OperationCanceledException>(() =>
            CollectionModelBuilder.Build(Many, Theta with { Epochs = Many.Length }, observer, cancel.Token));

        var reported = observer.Reports.SelectMany(r => r.Batch).Select(f => f.Key).ToList();
        Assert.InRange(reported.Count, 1, Many.Length - 1);
        Assert.Equal(reported.Count, reported.Distinct().Count());
        Assert.Equal(reported.Count, observer.Reports[^1].Fitted);
    }

    [Fact]
    public void A_backtest_refits_the_method_per_window_and_without_refit_forecasts_every_window_from_the_same_fits()
    {
        var built = CollectionModelBuilder.Build(CollectionFixture.Members, Theta, SilentObserver.Instance, CancellationToken.None);

        var fixedFits = CollectionBacktesting.Run(built, CollectionFixture.Members, Theta, new BacktestRequest(2, Step: 4), CancellationToken.None);
        var refitted = CollectionBacktesting.Run(built, CollectionFixture.Members, Theta, new BacktestRequest(2, Step: 4, Refit: true), CancellationToken.None);

        // Theta refits at every origin, so both are the Theta baseline's in every window.
        Assert.Equal((false, true), (fixedFits.Refit, refitted.Refit));
        Assert.All(fixedFits.Windows.Concat(refitted.Windows), w => Assert.Equal(w.Accuracy.Theta.Mase, w.Accuracy.Model.Mase));
        Assert.Equal(fixedFits.MeanMase, refitted.MeanMase);
    }

    /// <summary>Cancels the run at its first report of members fitted, as a client's cancel seen at a recording does.</summary>
    private sealed class CancellingObserver(CancellationTokenSource cancel) : ITrainingObserver
    {
        public List<MemberFitReport> Reports { get; } = [];

        public void OnEpoch(EpochReport report, Func<TrainingCheckpoint> checkpoint)
        {
        }

        public void OnMembersFitted(MemberFitReport report)
        {
            Reports.Add(report);
            cancel.Cancel();
        }
    }
}
