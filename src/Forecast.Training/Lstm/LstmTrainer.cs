using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training.Transforms;

namespace Forecast.Training.Lstm;

/// <param name="EpochsRun">Epochs trained, fewer than asked when early stopping ended the run.</param>
/// <param name="BestEpoch">The epoch whose weights the model keeps: lowest validation loss, or the last without validation; 0 for a warm start's own weights, which no epoch beat.</param>
/// <param name="StartValidationLoss">A warm start's validation loss before its first epoch; null for a cold start, without validation, and when resumed.</param>
public sealed record TrainingResult(ModelArtifact Artifact, int EpochsRun, int BestEpoch, bool StoppedEarly, double? StartValidationLoss = null);

/// <summary>Trains an ensemble of <see cref="LstmNetwork"/>s on one series: Adam, MSE, chronological split.</summary>
/// <remarks>
/// The networks see the series through <see cref="Hyperparameters.Transform"/> (a concrete pipeline, not
/// "auto") and a MinMax scaler fitted on the transformed training part; losses are on that scale. The loop
/// itself, with its ensemble, early stopping and deterministic resumption, is <see cref="EpochLoop"/>'s.
/// </remarks>
public static class LstmTrainer
{
    /// <param name="series">The whole series; the test tail given by the split is never seen.</param>
    /// <param name="resumeFrom">A checkpoint of this same run to continue from, or null to start afresh.</param>
    /// <param name="warmStart">
    /// A trained model (same shape) to start from instead of random weights; null for a cold start. A resumed warm start
    /// passes it too: the checkpoint's weights win, and the model's scaler is still the one they were trained through.
    /// </param>
    /// <param name="covariates">
    /// Known values beside the series, read at every input step and at the step forecast; none by default. Each must cover
    /// the validation part.
    /// </param>
    /// <exception cref="UnprocessableException">
    /// The transform and lookback leave fewer than two training windows, or a warm start whose network reads other covariates.
    /// </exception>
    /// <exception cref="OperationCanceledException">When <paramref name="cancellation"/> fires; checked at every batch.</exception>
    public static TrainingResult Train(
        IReadOnlyList<double> series,
        Hyperparameters hp,
        ITrainingObserver observer,
        CancellationToken cancellation,
        TrainingCheckpoint? resumeFrom = null,
        WarmStart? warmStart = null,
        Covariates? covariates = null)
    {
        covariates ??= Covariates.None;
        var split = DataSplit.For(series.Count, hp.TestSize, hp.ValidationFraction);
        var pipeline = hp.Transform.Pipeline
            ?? throw new ArgumentException("The trainer trains one concrete pipeline; resolve transform auto first (ForecastModelBuilder).", nameof(hp));
        if (warmStart is not null)
        {
            WarmStartCovariates.Check(warmStart.Covariates, covariates, "the series");
        }
        var prepared = PreparedSeries.Of(series, pipeline, hp.SeasonalPeriod, hp.Lookback, split, scaler: warmStart?.Scaler,
            covariates: covariates, covariateScalers: warmStart?.Covariates, seasonalPeriods: hp.SeasonalPeriods);
        var trained = EpochLoop.Run(prepared.Train, OneStepValidation.Of(prepared.Validation), hp, resumeFrom, observer, cancellation, warmStart?.Network);
        return new TrainingResult(
            new ModelArtifact(trained.Weights, prepared.Scaler, hp.Lookback, hp.HiddenSize, hp.Layers, ModelArtifact.CurrentTorchSharpVersion,
                pipeline, hp.SeasonalPeriod, Optimizer: trained.Optimizer, Covariates: covariates.IsEmpty ? null : prepared.CovariateScalers,
                SeasonalPeriods: hp.SeasonalPeriods),
            trained.EpochsRun,
            trained.BestEpoch,
            trained.StoppedEarly,
            trained.StartValidationLoss);
    }
}
