using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Training.Diagnostics;
using Forecast.Training.Lstm;
using Forecast.Training.Tests.Lstm;

namespace Forecast.Training.Tests.Diagnostics;

public class ResidualDiagnosticsTests
{
    private static readonly double[] Seasonal = Enumerable.Range(0, 96)
        .Select(t => (50 + t) * (1 + 0.3 * Math.Sin(2 * Math.PI * t / 12))).ToArray();

    // 96 points, test 12, validation 0.2 of the 84 before it: training and validation end at index 84.
    private static readonly Hyperparameters Tiny = new(Lookback: 6, HiddenSize: 6, Layers: 1, Dropout: 0, Epochs: 3, BatchSize: null,
        LearningRate: 0.01, ValidationFraction: 0.2, TestSize: 12, Seed: 4, Transform: TransformChoice.None, SeasonalPeriod: 12);

    private static readonly Lazy<ModelArtifact> Trained = new(() =>
        LstmTrainer.Train(Seasonal, Tiny, new RecordingObserver(), CancellationToken.None).Artifact);

    [Fact]
    public void Residuals_are_actual_minus_one_step_prediction_before_the_test_tail_only()
    {
        using var model = new LstmForecaster(new LstmModel(Trained.Value), calibration: null);
        var wildTail = Seasonal.Select((v, t) => t < 84 ? v : 1e6 * (t % 2 == 0 ? 1 : -1)).ToArray();

        var report = ResidualDiagnostics.Compute(model, Seasonal, Tiny, new ResidualDiagnosticsOptions());
        var withWildTail = ResidualDiagnostics.Compute(model, wildTail, Tiny, new ResidualDiagnosticsOptions());

        var first = model.FirstPredictable;
        var predicted = model.Network.PredictOneStep(Seasonal, first, 84);
        Assert.Equal(84 - first, report.Residuals.Count);
        Assert.Equal(predicted.Select((p, i) => Seasonal[first + i] - p), report.Residuals);
        Assert.Equal(report.Residuals, withWildTail.Residuals);
    }

    [Fact]
    public void The_mean_and_the_sample_standard_deviation_describe_the_residuals()
    {
        var report = ResidualDiagnostics.Of([2, 4, 4, 4, 5, 5, 7, 9], new ResidualDiagnosticsOptions { Lags = [1, 2] });

        Assert.Equal(5, report.Mean, 12);
        Assert.Equal(Math.Sqrt(32.0 / 7), report.StandardDeviation, 12);
        Assert.Equal([1, 2], report.LjungBox.Select(t => t.Lag));
    }

    [Fact]
    public void The_finding_flips_when_alpha_passes_the_smallest_p_value()
    {
        var random = new Random(3);
        var residuals = Enumerable.Range(0, 200).Select(_ => random.NextDouble() - 0.5).ToArray();
        var smallest = ResidualDiagnostics.Of(residuals, new ResidualDiagnosticsOptions()).LjungBox.MinBy(t => t.PValue)!;
        Assert.InRange(smallest.PValue!.Value, 1e-6, 1 - 1e-6);

        var atSmallest = ResidualDiagnostics.Of(residuals, new ResidualDiagnosticsOptions { Alpha = smallest.PValue.Value });
        var justAbove = ResidualDiagnostics.Of(residuals, new ResidualDiagnosticsOptions { Alpha = Math.BitIncrement(smallest.PValue.Value) });

        // White noise means no p-value strictly below alpha.
        Assert.True(atSmallest.WhiteNoise);
        Assert.StartsWith("Residuals look like white noise", atSmallest.Interpretation, StringComparison.Ordinal);
        Assert.False(justAbove.WhiteNoise);
        Assert.StartsWith($"Residuals are autocorrelated (Ljung-Box lag {smallest.Lag},", justAbove.Interpretation, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(-0.5)]
    [InlineData(double.NaN)]
    public void Alpha_outside_zero_to_one_is_refused_naming_the_field(double alpha)
    {
        var refused = Assert.Throws<DomainValidationException>(() => new ResidualDiagnosticsOptions { Alpha = alpha });

        Assert.Equal("alpha", refused.Field);
    }
}
