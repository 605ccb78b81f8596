using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Training.Lstm;

namespace Forecast.Training.Collections;

/// <summary>How a global run trains, beyond the hyperparameters it shares with one series'.</summary>
/// <param name="RelativeWindows">Windows less their last value (<see cref="ModelArtifact.RelativeWindows"/>).</param>
public sealed record GlobalTrainingOptions(bool RelativeWindows)
{
    /// <summary>
    /// What the service trains with: relative windows, which let one network learn from members of any level
    /// (docs/accuracy.md). The benchmark may turn them off to measure them.
    /// </summary>
    public static GlobalTrainingOptions Default { get; } = new(RelativeWindows: true);
}

/// <param name="TrainingWindows">Windows of all members the network trained on, before <c>windowsPerEpoch</c> drew from them.</param>
/// <param name="SeenAfresh">Of a warm start's members, those its model had not learned (new, or forecast by Theta then), given their own transform and scaler; 0 without a warm start.</param>
public sealed record GlobalTrainingResult(GlobalModelArtifact Artifact, int EpochsRun, int BestEpoch, bool StoppedEarly, int TrainingWindows, int SeenAfresh = 0);

/// <summary>
/// Trains one network on windows from every member of a collection (a global model): each member is transformed
/// (<see cref="MemberTransforms"/>) and scaled on its own training part, its last <c>testSize</c> points held out and its
/// validation part its own; the windows of all members are pooled, so mini-batches mix members, shuffled from the seed.
/// </summary>
/// <remarks>
/// A member too short for the lookback and its transform is not dropped: the model forecasts it by the Theta method
/// and says so (<see cref="GlobalMemberModel.Fallback"/>). Training itself is <see cref="EpochLoop"/>'s, with its early
/// stopping and its deterministic resumption from a checkpoint. A warm start (<see cref="GlobalWarmStart"/>) begins from a
/// trained model's weights and sees every member it learned as it did.
/// </remarks>
public static class GlobalTrainer
{
    /// <param name="warmStart">
    /// A collection model (same shape) to start from instead of random weights; null for a cold start. A resumed warm
    /// start passes it too: the checkpoint's weights win, and the members are still seen through the model's scalers.
    /// </param>
    /// <exception cref="UnprocessableException">A member shorter than the test tail plus three points, or no member long enough to train on.</exception>
    public static GlobalTrainingResult Train(
        IReadOnlyList<GlobalMember> members,
        Hyperparameters hp,
        GlobalTrainingOptions options,
        ITrainingObserver observer,
        CancellationToken cancellation,
        TrainingCheckpoint? resumeFrom = null,
        GlobalWarmStart? warmStart = null)
    {
        var seenAfresh = 0;
        var views = new List<GlobalMemberModel>(members.Count);
        var train = new List<Windows>(members.Count);
        var validation = new List<Windows>(members.Count);
        foreach (var member in members)
        {
            if (member.Values.Count < hp.TestSize + HyperparameterResolver.MinimumMemberHistory)
            {
                throw new UnprocessableException(
                    $"Member '{member.Key}' has {member.Values.Count} points; with testSize {hp.TestSize} held out it needs at least {hp.TestSize + HyperparameterResolver.MinimumMemberHistory}.",
                    "testSize");
            }
            var split = DataSplit.For(member.Values.Count, hp.TestSize, hp.ValidationFraction);
            var learned = warmStart?.Learned(member, split);
            seenAfresh += warmStart is not null && learned is null ? 1 : 0;
            var pipeline = learned?.Transform ?? MemberTransforms.For(member.Values, split, hp.SeasonalPeriod, hp.Transform);
            try
            {
                var prepared = PreparedSeries.Of(member.Values, pipeline, hp.SeasonalPeriod, hp.Lookback, split, options.RelativeWindows, learned?.Scaler);
                views.Add(new GlobalMemberModel(member.Key, pipeline, prepared.Scaler, Fallback: null));
                train.Add(prepared.Train);
                validation.Add(prepared.Validation);
            }
            catch (UnprocessableException tooShort)
            {
                views.Add(new GlobalMemberModel(member.Key, pipeline, Scaler: null, $"forecast by the Theta method: {tooShort.Message}"));
            }
        }
        if (train.Count == 0)
        {
            throw new UnprocessableException(
                $"No member is long enough for lookback {hp.Lookback} with its transform and validation part; shorten the lookback.", "lookback");
        }
        var windows = Windows.Concat(train, hp.Lookback);
        var trained = EpochLoop.Run(windows, Windows.Concat(validation, hp.Lookback), hp, resumeFrom, observer, cancellation, warmStart?.Network);
        return new GlobalTrainingResult(
            new GlobalModelArtifact(trained.Weights, hp.Lookback, hp.HiddenSize, hp.Layers, ModelArtifact.CurrentTorchSharpVersion, hp.SeasonalPeriod,
                options.RelativeWindows, views, Optimizer: trained.Optimizer),
            trained.EpochsRun,
            trained.BestEpoch,
            trained.StoppedEarly,
            windows.Count,
            seenAfresh);
    }
}
