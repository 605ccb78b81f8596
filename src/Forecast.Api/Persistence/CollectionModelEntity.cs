using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Collections;
using Forecast.Training.Evaluation;

namespace Forecast.Api.Persistence;

/// <summary>
/// A global model trained on a collection: one network for every member, how the collection scored, and its pooled
/// interval coverage. Each member's own score is a row of <see cref="MemberEvaluationEntity"/>, so that the table of
/// members is paged and sorted in the database.
/// </summary>
public sealed class CollectionModelEntity
{
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    public Guid CollectionId { get; set; }
    public Guid OwnerKeyId { get; set; }

    /// <summary>The method's registered name: "lstm", the global network, for every collection's model so far.</summary>
    public string Method { get; set; } = Hyperparameters.NetworkMethod;
    public required GlobalModelArtifact Artifact { get; set; }
    public required Hyperparameters Hyperparameters { get; set; }
    public required CollectionAccuracy Accuracy { get; set; }
    public List<IntervalCoverage> Coverage { get; set; } = [];
    public int EpochsRun { get; set; }
    public int BestEpoch { get; set; }
    public bool StoppedEarly { get; set; }

    /// <summary>Windows of all members the network trained on.</summary>
    public int TrainingWindows { get; set; }
    public double TrainingSeconds { get; set; }

    /// <summary>The latest rolling-origin backtest: asked for on the run, or later without refitting; null for none.</summary>
    public CollectionBacktest? Backtest { get; set; }
    public DateTime CreatedAt { get; set; }
}
