using System.Text.RegularExpressions;
using Forecast.Domain.Runs;
using Forecast.Training.Lstm;
using Forecast.Training.Tests.Lstm;

namespace Forecast.Training.Tests;

public class ForecastModelBuilderTests
{
    // Ten years of a positive monthly series with a trend and a season: auto has candidates to compare.
    private static readonly double[] Monthly = Enumerable.Range(0, 120)
        .Select(t => (100 + 2 * t) * (1 + 0.25 * Math.Sin(2 * Math.PI * t / 12)) + 3 * Math.Cos(t)).ToArray();

    private static Hyperparameters Tiny(string transform = "auto", double validationFraction = 0.2) => new(
        Lookback: 12, HiddenSize: 6, Layers: 1, Dropout: 0, Epochs: 6, BatchSize: null, LearningRate: 0.01,
        ValidationFraction: validationFraction, TestSize: 12, Seed: 9, Transform: TransformChoice.Parse(transform), SeasonalPeriod: 12);

    private static BuiltModel Build(Hyperparameters hp, RecordingObserver? observer = null) =>
        ForecastModelBuilder.Build(Monthly, hp, observer ?? new RecordingObserver(), CancellationToken.None);

    [Fact]
    public void Auto_compares_the_diagnosed_candidates_on_validation_and_keeps_the_winner()
    {
        var built = Build(Tiny());

        // The diagnostics find growing variation, a season, months that differ and a trend: all twelve pipelines are candidates.
        var comparison = Assert.Single(built.Choices, c => c.Contains("lowest mean squared error", StringComparison.Ordinal));
        Assert.All(TransformPipeline.All, p => Assert.Matches($"[( ]{Regex.Escape(p.ToString())} [0-9]", comparison));
        Assert.StartsWith($"transform {built.Artifact!.Transform}:", comparison, StringComparison.Ordinal);
        Assert.Contains(built.Choices, c => c.Contains("seasonal with period 12", StringComparison.Ordinal));
    }

    [Fact]
    public void The_same_seed_builds_the_same_model_bit_for_bit_through_auto()
    {
        var first = new RecordingObserver();
        var second = new RecordingObserver();
        var a = Build(Tiny(), first);
        var b = Build(Tiny(), second);

        Assert.Equal(a.Artifact!.Weights, b.Artifact!.Weights);
        Assert.Equal(a.Artifact.Transform, b.Artifact.Transform);
        Assert.Equal(first.Reports.Select(r => (r.TrainLoss, r.ValidationLoss)), second.Reports.Select(r => (r.TrainLoss, r.ValidationLoss)));
        Assert.Equal(a.Evaluation.MultiStep.Predicted, b.Evaluation.MultiStep.Predicted);
        Assert.Equal(a.Artifact.Calibration!.Scores.SelectMany(s => s), b.Artifact.Calibration!.Scores.SelectMany(s => s));
        Assert.Equal(a.Choices, b.Choices);
    }

    [Fact]
    public void A_named_transform_is_used_as_given_and_the_observer_sees_only_the_final_training()
    {
        var observer = new RecordingObserver();

        var built = Build(Tiny("log+seasonalDifference"), observer);

        Assert.Equal("log+seasonalDifference", built.Artifact!.Transform.ToString());
        Assert.Empty(built.Choices);
        Assert.Equal(Enumerable.Range(1, 6), observer.Reports.Select(r => r.Epoch));
    }

    [Fact]
    public void Intervals_are_calibrated_on_validation_and_their_coverage_is_counted_on_the_test_tail()
    {
        var built = Build(Tiny("seasonalDifference"));
        var e = built.Evaluation;

        // 24 validation points: steps 1..12 each keep at least 10 errors (step 12 has 13), each divided by
        // the volatility over the lookback before its origin.
        var calibration = built.Artifact!.Calibration!;
        Assert.Equal((12, 12), (calibration.CalibratedSteps, calibration.ScaleWindow));
        var scale = calibration.ScaleAt(Monthly[..e.ForecastOrigin]);
        Assert.Equal(e.MultiStep.Predicted[0] + calibration.HalfWidth(80, 1) * scale, e.MultiStepIntervals[0][0].Upper, 9);
        Assert.Equal([80.0, 95.0], e.Coverage.Select(c => c.Level));
        for (var k = 0; k < 2; k++)
        {
            var inside = e.Actual.Where((actual, i) => e.MultiStepIntervals[i][k].Lower <= actual && actual <= e.MultiStepIntervals[i][k].Upper).Count();
            Assert.Equal(inside / 12.0, e.Coverage[k].Coverage, 12);
        }
        Assert.All(e.MultiStepIntervals.Select((intervals, i) => (intervals, i)), p =>
        {
            Assert.True(p.intervals[0].Lower <= e.MultiStep.Predicted[p.i] && e.MultiStep.Predicted[p.i] <= p.intervals[0].Upper);
            Assert.True(p.intervals[1].Lower <= p.intervals[0].Lower && p.intervals[0].Upper <= p.intervals[1].Upper);
        });
    }

    [Fact]
    public void Without_a_validation_part_auto_follows_the_diagnostics_and_there_are_no_intervals()
    {
        var built = Build(Tiny(validationFraction: 0));

        Assert.Null(built.Artifact!.Calibration);
        Assert.Empty(built.Evaluation.Coverage);
        Assert.All(built.Evaluation.MultiStepIntervals, Assert.Empty);
        Assert.Contains(built.Choices, c => c.Contains("without a validation part", StringComparison.Ordinal));
    }

    [Fact]
    public void Early_stopping_is_recorded_as_a_choice()
    {
        var built = Build(Tiny("none") with { Epochs = 200, LearningRate = 0.3, EarlyStoppingPatience = 3 });

        Assert.True(built.StoppedEarly);
        Assert.Contains($"kept the weights of epoch {built.BestEpoch}", Assert.Single(built.Choices), StringComparison.Ordinal);
    }

    [Fact]
    public void A_resumed_build_must_name_the_transform_its_checkpoint_was_trained_with()
    {
        var checkpoint = new TrainingCheckpoint(3, [], [], null, 0, null, 0);

        var error = Assert.Throws<ArgumentException>(() =>
            ForecastModelBuilder.Build(Monthly, Tiny(), new RecordingObserver(), CancellationToken.None, checkpoint));

        Assert.Contains("choose it before the first attempt", error.Message, StringComparison.Ordinal);
    }
}
