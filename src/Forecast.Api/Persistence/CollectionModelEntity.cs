using Forecast.Domain.Evaluation;
using Forecast.Domain.Runs;
using Forecast.Training.Collections;
using Forecast.Training.Evaluation;
using Forecast.Training.Methods;

namespace Forecast.Api.Persistence;

/// <summary>
/// A model of a collection: one global network for every member, a statistical method fitted to each member, or the
/// ensemble of both; how the
/// collection scored, and its interval coverage. Each member's own score (and a statistical method's fit of it) is a row
/// of <see cref="MemberEvaluationEntity"/>, so that the table of members is paged and sorted in the database.
/// </summary>
public sealed class CollectionModelEntity
{
    public Guid Id { get; set; }
    public Guid RunId { get; set; }
    public Guid CollectionId { get; set; }
    public Guid OwnerKeyId { get; set; }

    /// <summary>The method's registered name (<see cref="ForecastingMethods"/>): "lstm", the global network, or a statistical method's.</summary>
    public string Method { get; set; } = Hyperparameters.NetworkMethod;

    /// <summary>The global network (the ensemble's with the ensemble's calibration); null for a statistical method, whose members' fits are on their evaluations' rows, as the ensemble's are.</summary>
    public GlobalModelArtifact? Artifact { get; set; }
    public required Hyperparameters Hyperparameters { get; set; }
    public required CollectionAccuracy Accuracy { get; set; }
    public List<IntervalCoverage> Coverage { get; set; } = [];
    public int EpochsRun { get; set; }
    public int BestEpoch { get; set; }
    public bool StoppedEarly { get; set; }

    /// <summary>Windows of all members the network trained on; 0 for a statistical method.</summary>
    public int TrainingWindows { get; set; }
    public double TrainingSeconds { get; set; }

    /// <summary>The ensemble's scores on the validation parts, each component's then its own; null for any other method.</summary>
    public List<ValidationScore>? Validation { get; set; }

    /// <summary>The latest rolling-origin backtest: asked for on the run, or later without refitting; null for none.</summary>
    public CollectionBacktest? Backtest { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>What the methods' registry rebuilds the fitted collection from.</summary>
    /// <param name="fits">The members' fits (<see cref="MemberEvaluationEntity.Fit"/>) of a statistical method or the ensemble; null for the lstm.</param>
    public StoredCollectionForecaster Stored(IReadOnlyList<MemberFit>? fits) => new(Method, Artifact, fits, Hyperparameters.SeasonalPeriod);
}
