using Forecast.Domain.Series;
using Forecast.Domain.Runs;
using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;
using Forecast.Training.Methods;
using Forecast.Training.Transforms;

namespace Forecast.Training;

/// <summary>
/// Everything between a stored run and a stored model, for every method: a statistical method is fitted on everything
/// before the test tail; a network resolves the "auto" transform, trains, and calibrates its prediction intervals on the
/// validation part. Both are then evaluated on the test tail through the forecaster contract.
/// </summary>
/// <remarks>
/// The observer sees the final training only: its epochs are the run's loss curve and its checkpoints
/// resume it. The "auto" candidates train silently before it. A caller that resumes runs chooses first
/// with <see cref="ChooseTransform"/>, keeps the choice, and builds with it, so that a checkpoint is
/// always continued with the transform it was trained on.
/// </remarks>
public static class ForecastModelBuilder
{
    /// <param name="series">The whole series; only the evaluation looks at its test tail.</param>
    /// <param name="resumeFrom">
    /// A checkpoint of the final training of this same run; <paramref name="hp"/> then names the transform it was
    /// trained with, never "auto".
    /// </param>
    /// <param name="warmStart">A trained model of <paramref name="hp"/>'s shape and transform to start from.</param>
    /// <param name="covariates">
    /// The series' covariates (none by default): the network and a method that regresses on them are fitted with them over
    /// the history and evaluated with them over the test tail; the others say in their choices that they left them out.
    /// </param>
    public static BuiltModel Build(
        IReadOnlyList<double> series,
        Hyperparameters hp,
        ITrainingObserver observer,
        CancellationToken cancellation,
        TrainingCheckpoint? resumeFrom = null,
        WarmStart? warmStart = null,
        Covariates? covariates = null)
    {
        covariates ??= Covariates.None;
        if (!hp.TrainsNetwork)
        {
            return Fit(ForecastingMethods.Statistical(hp.Method)!, series, covariates, hp, observer, cancellation);
        }
        if (hp.Method != LstmMethod.MethodName)
        {
            throw new ArgumentException($"A series trains lstm or a statistical method; {hp.Method} is trained on collections (MethodResolution refuses it for a series).", nameof(hp));
        }
        if (resumeFrom is not null && hp.Transform.IsAuto)
        {
            throw new ArgumentException("A resumed run continues the transform its checkpoint was trained with; choose it before the first attempt and keep it.", nameof(hp));
        }
        var split = DataSplit.For(series.Count, hp.TestSize, hp.ValidationFraction);
        var choices = new List<string>();
        if (covariates.PastOnlyNames is { Count: > 0 } pastOnly)
        {
            choices.Add(ForecastingMethods.PastOnlyNotUsed(pastOnly,
                "lstm on a series of its own forecasts one step at a time, feeding its forecasts back, so it would need their values after the origin"));
            covariates = covariates.KnownAhead;
        }
        var transform = hp.Transform.Pipeline ?? ChooseTransform(series, covariates, hp, choices, cancellation);
        if (transform.Deseasonalize && hp.SeasonalPeriods is { } periods)
        {
            choices.Add(MstlSeasons.Describe(transform, periods));
        }

        var result = LstmTrainer.Train(series, hp with { Transform = TransformChoice.Of(transform) }, observer, cancellation, resumeFrom, warmStart, covariates);
        using var model = new LstmModel(result.Artifact);
        var calibration = ValidationBacktest.Run(model, series, covariates, split, CalibrationSteps(hp))
            ?.Calibrate(logScale: transform.Log, growsBeyondCalibration: transform.Difference, scaleWindow: hp.Lookback);
        var evaluation = ModelEvaluator.Evaluate(new LstmForecaster(model, calibration), series, covariates, split, hp.SeasonalPeriod);
        if (!covariates.IsEmpty)
        {
            choices.Add($"covariates: the network reads {string.Join(", ", covariates.Names)} at every step of its window and at each step it forecasts, each scaled by its range over the training part.");
        }
        if (result.StoppedEarly)
        {
            choices.Add(EarlyStopping.Explain(result.EpochsRun, result.BestEpoch, hp));
        }
        var artifact = result.Artifact with { Calibration = calibration };
        return new BuiltModel(new StoredForecaster(hp.Method, artifact, Fit: null, hp.SeasonalPeriod), evaluation, result.EpochsRun, result.BestEpoch,
            result.StoppedEarly, choices, result.StartValidationLoss);
    }

    /// <summary>
    /// Fits a statistical method on everything before the test tail. The observer sees the fit as the run's one epoch, its
    /// loss the fit's mean squared one-step error over the last season before the test tail, on the series' own scale; a fit has nothing to checkpoint.
    /// </summary>
    private static BuiltModel Fit(IStatisticalMethod method, IReadOnlyList<double> series, Covariates covariates, Hyperparameters hp, ITrainingObserver observer,
        CancellationToken cancellation)
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var split = DataSplit.For(series.Count, hp.TestSize, validationFraction: 0);
        var history = series.Take(split.ValidationEnd).ToArray();
        var fitted = ForecastingMethods.Fit(method, new FitInput(history, hp.SeasonalPeriod, hp.TestSize) { Covariates = covariates, SeasonalPeriods = hp.Seasons }, cancellation);
        var evaluation = ModelEvaluator.Evaluate(fitted.Model, series, covariates, split, hp.SeasonalPeriod);
        observer.OnEpoch(new EpochReport(1, 1, fitted.Model.RecentMeanSquaredError(history, covariates, LossPoints(hp)), null, started.Elapsed),
            () => throw new InvalidOperationException("A statistical fit is one step: there is nothing to checkpoint before it ends."));
        return new BuiltModel(new StoredForecaster(method.Name, Network: null, fitted.State, hp.SeasonalPeriod), evaluation, EpochsRun: 1, BestEpoch: 1,
            StoppedEarly: false, fitted.Choices);
    }

    /// <summary>Resolves <c>transform: "auto"</c> for <paramref name="hp"/> as <see cref="Build"/> would.</summary>
    /// <param name="covariates">The series' covariates, which the candidates read as the final network will.</param>
    /// <param name="choices">Receives the diagnostics' findings and the candidates' validation errors, in plain words.</param>
    public static TransformPipeline ChooseTransform(
        IReadOnlyList<double> series, Covariates covariates, Hyperparameters hp, List<string> choices, CancellationToken cancellation) =>
        TransformSelector.Choose(series, covariates, hp, DataSplit.For(series.Count, hp.TestSize, hp.ValidationFraction), choices, cancellation);

    /// <summary>A statistical fit's loss counts the one-step errors of the last season before the test tail (at least 12 points).</summary>
    internal static int LossPoints(Hyperparameters hp) => Math.Max(hp.SeasonalPeriod, 12);

    /// <summary>Intervals are calibrated over the test horizon and at least one season, as far as the validation part reaches.</summary>
    private static int CalibrationSteps(Hyperparameters hp) => Math.Max(hp.TestSize, hp.SeasonalPeriod);
}
