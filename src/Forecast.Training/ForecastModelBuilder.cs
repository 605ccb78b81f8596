using Forecast.Domain.Runs;
using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;
using Forecast.Training.Transforms;

namespace Forecast.Training;

/// <summary>
/// Everything between a stored run and a stored model: resolves the "auto" transform, trains, calibrates
/// the prediction intervals on the validation part and evaluates on the test tail.
/// </summary>
/// <remarks>
/// The observer sees the final training only: its epochs are the run's loss curve and its checkpoints
/// resume it. The "auto" candidates train silently before it and, being deterministic, are trained and
/// judged again when a run resumes, so the resumed run continues the transform it chose before (on the
/// same machine and thread count, where training is bit-for-bit reproducible).
/// </remarks>
public static class ForecastModelBuilder
{
    /// <param name="series">The whole series; only the evaluation looks at its test tail.</param>
    /// <param name="resumeFrom">A checkpoint of the final training of this same run.</param>
    public static BuiltModel Build(
        IReadOnlyList<double> series,
        Hyperparameters hp,
        ITrainingObserver observer,
        CancellationToken cancellation,
        TrainingCheckpoint? resumeFrom = null)
    {
        var split = DataSplit.For(series.Count, hp.TestSize, hp.ValidationFraction);
        var choices = new List<string>();
        var transform = string.Equals(hp.Transform, TransformPipeline.Auto, StringComparison.OrdinalIgnoreCase)
            ? TransformSelector.Choose(series, hp, split, choices, cancellation)
            : TransformPipeline.Parse(hp.Transform);

        var result = LstmTrainer.Train(series, hp with { Transform = transform.ToString() }, observer, cancellation, resumeFrom);
        using var model = new LstmModel(result.Artifact);
        var calibration = ValidationBacktest.Run(model, series, split, CalibrationSteps(hp))
            ?.Calibrate(logScale: transform.Log, growsBeyondCalibration: transform.Difference);
        var evaluation = ModelEvaluator.Evaluate(model, calibration, series, split, hp.SeasonalPeriod);
        if (result.StoppedEarly)
        {
            choices.Add($"stopped early after epoch {result.EpochsRun} of {hp.Epochs}: validation loss had not improved for {hp.EarlyStoppingPatience} epochs; kept the weights of epoch {result.BestEpoch}.");
        }
        return new BuiltModel(result.Artifact with { Calibration = calibration }, evaluation, result.EpochsRun, result.BestEpoch,
            result.StoppedEarly, choices);
    }

    /// <summary>Intervals are calibrated over the test horizon and at least one season, as far as the validation part reaches.</summary>
    private static int CalibrationSteps(Hyperparameters hp) => Math.Max(hp.TestSize, hp.SeasonalPeriod);
}
