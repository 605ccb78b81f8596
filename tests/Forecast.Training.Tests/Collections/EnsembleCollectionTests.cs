using System.Text.Json;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Collections;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Ensemble;
using Forecast.Training.Tests.Lstm;

namespace Forecast.Training.Tests.Collections;

/// <summary>
/// The ensemble on a collection: the global network and ets, arima and theta fitted to each member, combined by the median
/// of the four per step, each scored on the validation parts; its members' fits and its network both resume.
/// </summary>
public class EnsembleCollectionTests
{
    private static readonly GlobalMember[] Members = CollectionFixture.Members;

    private static readonly Hyperparameters Ensemble = CollectionFixture.Tiny(epochs: 3) with { Method = "ensemble" };

    private static readonly RecordingObserver Observed = new(checkpointAt: Members.Length + 2);

    private static readonly BuiltCollectionModel Built = CollectionModelBuilder.Build(Members, Ensemble, Observed, CancellationToken.None);

    [Fact]
    public void Every_member_s_forecast_is_the_median_per_step_of_the_network_s_ets_s_arima_s_and_theta_s()
    {
        using var network = new GlobalModel(Built.Artifact!);

        foreach (var (member, fit, evaluated) in Members.Zip(Built.Stored.Fits!, Built.Evaluation.Members))
        {
            var history = member.Values.Take(member.Values.Count - 4).ToArray();
            double[][] components =
            [
                network.Forecast(member.Key, history, 4),
                .. StatisticalComponents.RestoreEach(fit.State, 4).Select(c => c.PointForecast(history, 4)),
            ];
            Assert.Equal(Enumerable.Range(0, 4).Select(step => MiddleTwo(components.Select(c => c[step]))), evaluated.Score.Predicted);
        }
    }

    [Fact]
    public void Each_component_and_the_ensemble_score_the_mean_MASE_of_their_forecasts_of_the_validation_parts_whose_errors_calibrate_the_intervals()
    {
        // The same training again gives the same network, whose forecasts of the validation parts the ensemble combined.
        var trained = GlobalTrainer.Train(Members, Ensemble, GlobalTrainingOptions.Default, new RecordingObserver(), CancellationToken.None);
        var parts = Members.Select(m => ValidationPart.Of(m, 4)).ToList();
        double[][] Fitted(string method) => [.. parts.Select(p =>
            ForecastingMethods.Statistical(method)!.Fit(new FitInput(p.History, 4, Horizon: 4), CancellationToken.None).Model.PointForecast(p.History, 4))];
        var forecasts = new Dictionary<string, double[][]>
        {
            ["lstm"] = [.. parts.Select(p => trained.ValidationForecasts![p.Key])],
            ["ets"] = Fitted("ets"),
            ["arima"] = Fitted("arima"),
            ["theta"] = Fitted("theta"),
        };
        double[][] median = [.. parts.Select((_, i) => Enumerable.Range(0, 4).Select(step => MiddleTwo(forecasts.Values.Select(f => f[i][step]))).ToArray())];

        Assert.Equal(["lstm", "ets", "arima", "theta", "ensemble"], Built.Validation!.Select(s => s.Method));
        foreach (var (method, forecast) in forecasts)
        {
            Assert.Equal(ValidationPart.MeanMase(parts, forecast, 4), Built.Validation!.Single(s => s.Method == method).Mase, 12);
        }
        Assert.Equal(ValidationPart.MeanMase(parts, median, 4), Built.Validation![^1].Mase, 12);
        Assert.Equal(ValidationPart.Calibrate(parts, median, 4).Scores, Built.Artifact!.Calibration!.Scores);
        Assert.Contains(Built.Choices, c => c.StartsWith("ensemble: on every member's last 4 points before its test tail, mean MASE lstm ", StringComparison.Ordinal));
    }

    [Fact]
    public void Every_member_s_interval_is_the_ensemble_s_pooled_quantile_times_the_member_s_own_scale()
    {
        var calibration = Built.Artifact!.Calibration!;

        foreach (var (member, evaluated) in Members.Zip(Built.Evaluation.Members))
        {
            var scale = PooledCalibration.ScaleAt(member.Values.Take(member.Values.Count - 4).ToArray(), 4);
            var first = evaluated.Intervals[0][0];
            Assert.Equal(calibration.HalfWidth(80, 1) * scale, (first.Upper - first.Lower) / 2, 9);
        }
        Assert.Equal([80.0, 95.0], Built.Evaluation.Coverage.Select(c => c.Level));
    }

    [Fact]
    public void The_collection_s_msis_at_each_level_is_the_mean_of_its_members_msis_on_their_test_tails()
    {
        var perMember = Members.Zip(Built.Evaluation.Members).Select(pair =>
        {
            var (member, evaluated) = pair;
            var scale = AccuracyMetrics.MaseScale(member.Values.Take(member.Values.Count - 4).ToArray(), 4);
            var bounds = evaluated.Intervals.Select(step => step.Single(i => i.Level == 95)).ToArray();
            return IntervalScore.Msis(evaluated.Score.Actual, bounds.Select(b => b.Lower).ToArray(), bounds.Select(b => b.Upper).ToArray(), 95, scale);
        }).Where(msis => msis is not null).ToList();

        var at95 = Built.Evaluation.IntervalScores.Single(score => score.Level == 95).Msis;

        Assert.Equal([80.0, 95.0], Built.Evaluation.IntervalScores.Select(score => score.Level));
        Assert.Equal(perMember.Average()!.Value, at95!.Value, 9);
    }

    [Fact]
    public void A_member_too_short_for_the_lookback_has_theta_for_its_network_component_and_says_so()
    {
        var fallback = Built.Evaluation.Members.Single(m => m.Score.Key == "short").Fallback;

        Assert.StartsWith("its lstm component is forecast by the Theta method", fallback, StringComparison.Ordinal);
        Assert.Equal(1, Built.Evaluation.Fallbacks);
        Assert.Contains(Built.Choices, c => c.StartsWith("1 of 7 members are too short for lookback 8", StringComparison.Ordinal));
    }

    [Fact]
    public void The_members_are_fitted_first_as_the_run_s_first_epochs_and_the_network_s_epochs_follow()
    {
        Assert.Equal(Members.Select(m => m.Key).Order(), Observed.MemberReports.SelectMany(r => r.Batch).Select(f => f.Key).Order());
        Assert.Equal(Members.Length, Observed.MemberReports[^1].Fitted);
        // Three epochs validated, then all three trained again.
        Assert.Equal(Enumerable.Range(Members.Length + 1, 6), Observed.Reports.Select(r => r.Epoch));
        Assert.Equal(Members.Length + 6, Observed.Reports[^1].TotalEpochs);
        Assert.Contains(Built.Choices, c => c == "ets, arima and theta fitted to each of the 7 members on its own points before its test tail.");
    }

    [Fact]
    public void A_resumed_run_keeps_the_members_fitted_before_and_continues_the_network_from_its_checkpoint_to_the_same_model()
    {
        var before = Built.Stored.Fits!.Take(3).ToList();
        var observer = new RecordingObserver();

        var resumed = CollectionModelBuilder.Build(Members, Ensemble, observer, CancellationToken.None, resumeFrom: Observed.Checkpoint, fitted: before);

        Assert.Equal(Members.Skip(3).Select(m => m.Key).Order(), observer.MemberReports.SelectMany(r => r.Batch).Select(f => f.Key).Order());
        Assert.True(observer.MemberReports[0].Fitted > 3);
        Assert.Equal(Members.Length + 2, Observed.Checkpoint!.Epoch);
        Assert.Equal(Enumerable.Range(Members.Length + 3, 4), observer.Reports.Select(r => r.Epoch));
        Assert.Equal(Built.Artifact!.Weights, resumed.Artifact!.Weights);
        Assert.Equal(Built.Stored.Fits!.Select(f => f.State.GetRawText()), resumed.Stored.Fits!.Select(f => f.State.GetRawText()));
        Assert.Equal(Built.Evaluation.Members.Select(m => m.Score.Predicted), resumed.Evaluation.Members.Select(m => m.Score.Predicted));
        Assert.Contains(resumed.Choices, c => c.Contains("3 were fitted by an earlier attempt of this run and kept", StringComparison.Ordinal));
    }

    [Fact]
    public void A_restored_ensemble_forecasts_every_member_as_the_built_one_did()
    {
        // Written and read as the model store writes its JSON columns.
        var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        var stored = JsonSerializer.Deserialize<StoredCollectionForecaster>(JsonSerializer.Serialize(Built.Stored, json), json)!;
        using var restored = ForecastingMethods.RestoreCollection(stored);

        var again = CollectionEvaluator.Evaluate(restored, Members, testSize: 4);

        Assert.Equal(("ensemble", true), (restored.Method, restored.HasIntervals));
        Assert.Equal(Built.Evaluation.Members.Select(m => m.Score.Predicted), again.Members.Select(m => m.Score.Predicted));
        Assert.Equal(Built.Evaluation.Members.Select(m => m.Intervals), again.Members.Select(m => m.Intervals));
    }

    [Fact]
    public void The_statistical_part_alone_forecasts_the_median_of_ets_arima_and_theta_and_keeps_each_one_s_forecast_of_the_validation_part()
    {
        var history = Members[2].Values.Take(44).ToArray();

        var fitted = new StatisticalComponents().Fit(new FitInput(history, 4, Horizon: 4), CancellationToken.None);

        var each = EnsembleMethod.StatisticalComponents.Select(m => ForecastingMethods.Statistical(m)!.Fit(new FitInput(history, 4, Horizon: 4), CancellationToken.None).Model.PointForecast(history, 6)).ToList();
        Assert.Equal(Enumerable.Range(0, 6).Select(step => each.Select(e => e[step]).Order().ElementAt(1)), fitted.Model.PointForecast(history, 6));
        var before = history[..40];
        Assert.Equal(
            EnsembleMethod.StatisticalComponents.Select(m => ForecastingMethods.Statistical(m)!.Fit(new FitInput(before, 4, Horizon: 4), CancellationToken.None).Model.PointForecast(before, 4)),
            StatisticalComponents.ValidationForecasts(fitted.State));
    }

    /// <summary>The median of four: the mean of the middle two.</summary>
    private static double MiddleTwo(IEnumerable<double> four)
    {
        var sorted = four.Order().ToArray();
        return (sorted[1] + sorted[2]) / 2;
    }
}
