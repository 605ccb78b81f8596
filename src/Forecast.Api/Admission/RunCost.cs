using System.Globalization;
using Forecast.Domain.Runs;

namespace Forecast.Api.Admission;

/// <summary>
/// What a training run will ask of the machine, known before it is queued. Time: every epoch runs the LSTM
/// over each window's <c>lookback</c> steps, and a step costs about hiddenSize² per layer, so the cost is
/// epochs × windows × lookback × layers × hiddenSize² (windows of every member for a collection), for each network of the ensemble, times the trainings
/// transform "auto" may need. Ensemble members train one after another, so they do not multiply the memory.
/// Memory: a batch holds its activations for every window, step and unit at once, and the validation
/// windows are evaluated as one batch, so the larger batch × lookback × layers × hiddenSize must fit.
/// </summary>
public sealed record RunCost(double Work, string WorkFactors, double BatchActivations, string BatchFactors)
{
    public static RunCost Of(Hyperparameters hp, int seriesCount) => Of(hp, [seriesCount], auto: hp.Transform.IsAuto);

    /// <summary>
    /// A global run: the windows of every member, the training ones bounded by <c>windowsPerEpoch</c>. Transform "auto"
    /// is a rule per member there and trains no candidates.
    /// </summary>
    /// <remarks>
    /// The network forecasts the whole test tail at once and trains twice (<c>GlobalTrainer</c>): each epoch of the
    /// validation's trains on every window whose targets end before the member's validation part and forecasts that part
    /// once, and the second training, at most as many epochs, on every window before the test tail.
    /// </remarks>
    public static RunCost OfCollection(Hyperparameters hp, IReadOnlyList<int> memberLengths)
    {
        long WindowsBefore(int heldOut) => Math.Min(
            memberLengths.Sum(count => (long)Math.Max(0, count - heldOut - hp.Lookback - hp.TestSize + 1)), hp.WindowsPerEpoch ?? long.MaxValue);
        var validating = hp.ValidationFraction > 0;
        var (final, before) = (WindowsBefore(hp.TestSize), validating ? WindowsBefore(2 * hp.TestSize) : 0);
        return Assemble(hp, final + before, Math.Max(final, before), validationWindows: validating ? memberLengths.Count : 0, trainings: 1, trainingsText: "");
    }

    private static RunCost Of(Hyperparameters hp, IReadOnlyList<int> lengths, bool auto)
    {
        var splits = lengths.Select(count => DataSplit.For(count, hp.TestSize, hp.ValidationFraction)).ToList();
        var allTrainWindows = splits.Sum(split => (long)Math.Max(0, split.TrainEnd - hp.Lookback));
        var trainWindows = Math.Min(allTrainWindows, hp.WindowsPerEpoch ?? long.MaxValue);
        var validationWindows = splits.Sum(split => (long)Math.Max(0, split.ValidationCount));
        // "auto" trains each candidate as fully as the final model; which candidates, and how many, is only
        // known while training, so the ceiling counts the most there can be: every pipeline.
        var trainings = auto ? 1 + TransformPipeline.All.Count : 1;
        var trainingsText = auto ? Invariant($" × trainings {trainings} (the model and up to {TransformPipeline.All.Count} candidates of transform auto)") : "";
        return Assemble(hp, trainWindows, trainWindows, validationWindows, trainings, trainingsText);
    }

    /// <param name="trainWindows">Windows trained on each epoch, over every training the run does.</param>
    /// <param name="batchWindows">The most windows one training has, which one batch may hold.</param>
    private static RunCost Assemble(Hyperparameters hp, long trainWindows, long batchWindows, long validationWindows, int trainings, string trainingsText)
    {
        var windows = trainWindows + validationWindows;
        var work = (double)trainings * hp.EnsembleSize * hp.Epochs * windows * hp.Lookback * hp.Layers * hp.HiddenSize * hp.HiddenSize;
        var ensembleText = hp.EnsembleSize > 1 ? Invariant($" × ensembleSize {hp.EnsembleSize}") : "";
        var workFactors = Invariant($"epochs {hp.Epochs:N0} × windows {windows:N0} × lookback {hp.Lookback:N0} × layers {hp.Layers} × hiddenSize² {hp.HiddenSize * hp.HiddenSize:N0}{ensembleText}{trainingsText}");

        var batch = Math.Max(Math.Min(hp.BatchSize ?? batchWindows, batchWindows), validationWindows);
        var activations = (double)batch * hp.Lookback * hp.Layers * hp.HiddenSize;
        var batchFactors = Invariant($"the largest batch {batch:N0} windows × lookback {hp.Lookback:N0} × layers {hp.Layers} × hiddenSize {hp.HiddenSize:N0}");
        return new RunCost(work, workFactors, activations, batchFactors);
    }

    /// <summary>This cost <paramref name="trainings"/> times over: a run that trains a model per backtest window as well.</summary>
    public RunCost Times(int trainings) => trainings == 1 ? this : this with
    {
        Work = Work * trainings,
        WorkFactors = Invariant($"{WorkFactors} × {trainings} trainings (the model and one per earlier backtest window)"),
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
