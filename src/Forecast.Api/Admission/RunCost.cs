using System.Globalization;
using Forecast.Domain.Runs;

namespace Forecast.Api.Admission;

/// <summary>
/// What a training run will ask of the machine, known before it is queued. Time: every epoch runs the LSTM
/// over each window's <c>lookback</c> steps, and a step costs about hiddenSize² per layer, so the cost is
/// epochs × windows × lookback × layers × hiddenSize², for each network of the ensemble, times the trainings
/// transform "auto" may need. Ensemble members train one after another, so they do not multiply the memory.
/// Memory: a batch holds its activations for every window, step and unit at once, and the validation
/// windows are evaluated as one batch, so the larger batch × lookback × layers × hiddenSize must fit.
/// </summary>
public sealed record RunCost(double Work, string WorkFactors, double BatchActivations, string BatchFactors)
{
    public static RunCost Of(Hyperparameters hp, int seriesCount)
    {
        var split = DataSplit.For(seriesCount, hp.TestSize, hp.ValidationFraction);
        var trainWindows = Math.Max(0, split.TrainEnd - hp.Lookback);
        var validationWindows = Math.Max(0, split.ValidationCount);
        var auto = hp.Transform.IsAuto;
        // "auto" trains each candidate as fully as the final model; which candidates, and how many, is only
        // known while training, so the ceiling counts the most there can be: every pipeline.
        var trainings = auto ? 1 + TransformPipeline.All.Count : 1;
        var windows = trainWindows + validationWindows;
        var work = (double)trainings * hp.EnsembleSize * hp.Epochs * windows * hp.Lookback * hp.Layers * hp.HiddenSize * hp.HiddenSize;
        var ensembleText = hp.EnsembleSize > 1 ? Invariant($" × ensembleSize {hp.EnsembleSize}") : "";
        var trainingsText = auto ? Invariant($" × trainings {trainings} (the model and up to {TransformPipeline.All.Count} candidates of transform auto)") : "";
        var workFactors = Invariant($"epochs {hp.Epochs:N0} × windows {windows:N0} × lookback {hp.Lookback:N0} × layers {hp.Layers} × hiddenSize² {hp.HiddenSize * hp.HiddenSize:N0}{ensembleText}{trainingsText}");

        var batch = Math.Max(Math.Min(hp.BatchSize ?? trainWindows, trainWindows), validationWindows);
        var activations = (double)batch * hp.Lookback * hp.Layers * hp.HiddenSize;
        var batchFactors = Invariant($"the largest batch {batch:N0} windows × lookback {hp.Lookback:N0} × layers {hp.Layers} × hiddenSize {hp.HiddenSize:N0}");
        return new RunCost(work, workFactors, activations, batchFactors);
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
