using Forecast.Domain.Runs;
using Forecast.Training.Lstm;

namespace Forecast.Training.Collections;

/// <summary>A trained, calibrated and evaluated global model, and what was chosen while building it, in plain words.</summary>
/// <param name="TrainingWindows">Windows of all members the network trained on, before <c>windowsPerEpoch</c> drew from them.</param>
public sealed record BuiltCollectionModel(
    GlobalModelArtifact Artifact,
    CollectionEvaluation Evaluation,
    int EpochsRun,
    int BestEpoch,
    bool StoppedEarly,
    int TrainingWindows,
    IReadOnlyList<string> Choices);

/// <summary>
/// Everything between a collection's run and its stored model: trains one network on every member
/// (<see cref="GlobalTrainer"/>), calibrates the intervals on the members' validation parts pooled
/// (<see cref="PooledCalibration"/>) and scores every member on its test tail (<see cref="CollectionEvaluator"/>).
/// </summary>
/// <remarks>
/// Transform "auto" is chosen per member by a rule (<see cref="MemberTransforms"/>), not by training candidates, so a
/// resumed run chooses exactly as its first attempt did and nothing needs keeping between attempts.
/// </remarks>
public static class CollectionModelBuilder
{
    /// <param name="members">Every member whole; only the evaluation looks at their test tails.</param>
    /// <param name="resumeFrom">A checkpoint of this same run to continue from, or null to start afresh.</param>
    /// <param name="options">How the network sees its windows; <see cref="GlobalTrainingOptions.Default"/> unless a benchmark measures another.</param>
    /// <param name="warmStart">A collection model of <paramref name="hp"/>'s shape to start from (<see cref="GlobalTrainer.Train"/>).</param>
    public static BuiltCollectionModel Build(
        IReadOnlyList<GlobalMember> members,
        Hyperparameters hp,
        ITrainingObserver observer,
        CancellationToken cancellation,
        TrainingCheckpoint? resumeFrom = null,
        GlobalTrainingOptions? options = null,
        GlobalWarmStart? warmStart = null)
    {
        var trained = GlobalTrainer.Train(members, hp, options ?? GlobalTrainingOptions.Default, observer, cancellation, resumeFrom, warmStart);
        GlobalModelArtifact artifact;
        using (var uncalibrated = new GlobalModel(trained.Artifact))
        {
            artifact = trained.Artifact with { Calibration = PooledCalibration.Fit(uncalibrated, members, hp) };
        }
        using var model = new GlobalModel(artifact);
        var evaluation = CollectionEvaluator.Evaluate(model, members, hp.TestSize);

        var choices = new List<string>();
        if (trained.SeenAfresh > 0)
        {
            choices.Add($"{trained.SeenAfresh} of {members.Count} members were not learned by the model this run started from (new, forecast by Theta, or no longer positive for its logarithm); each got its own transform and scaler.");
        }
        if (evaluation.Fallbacks > 0)
        {
            choices.Add($"{evaluation.Fallbacks} of {members.Count} members are too short for lookback {hp.Lookback} with their transform and are forecast by the Theta method; the evaluation names them.");
        }
        if (trained.StoppedEarly)
        {
            choices.Add(EarlyStopping.Explain(trained.EpochsRun, trained.BestEpoch, hp));
        }
        return new BuiltCollectionModel(artifact, evaluation, trained.EpochsRun, trained.BestEpoch, trained.StoppedEarly, trained.TrainingWindows, choices);
    }
}
