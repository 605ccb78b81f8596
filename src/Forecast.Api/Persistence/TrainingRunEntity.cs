using Forecast.Domain.Evaluation;
using Forecast.Domain.Registry;
using Forecast.Domain.Runs;

namespace Forecast.Api.Persistence;

/// <summary>A training run on one series or, for a global model, on a collection: exactly one of the two is set.</summary>
public sealed class TrainingRunEntity
{
    public Guid Id { get; set; }

    /// <summary>The series the run trains on; null for a collection's run.</summary>
    public Guid? SeriesId { get; set; }

    /// <summary>The collection whose members one global model trains on; null for a series' run.</summary>
    public Guid? CollectionId { get; set; }

    /// <summary>The API key that owns the series or collection, copied so that the run is filtered without a join.</summary>
    public Guid OwnerKeyId { get; set; }
    public TrainingRunStatus Status { get; set; }
    public required Hyperparameters Hyperparameters { get; set; }

    /// <summary>Choices the service made for the client (e.g. a shrunk lookback), in plain words.</summary>
    public List<string> Choices { get; set; } = [];

    /// <summary>
    /// The pipeline transform "auto" chose, kept once chosen so that a resumed run continues its checkpoint
    /// with the transform it was trained on instead of choosing again; null until then and for named transforms.
    /// </summary>
    public string? ChosenTransform { get; set; }
    public int Epoch { get; set; }

    /// <summary>
    /// The epochs the run expects in all, as its training last reported them: a collection's network trains twice and learns
    /// how long the second training is only when the first ends. Null until the first epoch, and for runs recorded before.
    /// </summary>
    public int? TotalEpochs { get; set; }
    public double? TrainLoss { get; set; }
    public double? ValidationLoss { get; set; }
    public double ElapsedSeconds { get; set; }
    public bool CancelRequested { get; set; }

    /// <summary>Times a process started this run; more than one means it was resumed after a stop or crash.</summary>
    public int Attempts { get; set; }

    /// <summary>The training process that claimed the run last (see <see cref="TrainingWorkerEntity"/>).</summary>
    public Guid? WorkerId { get; set; }

    /// <summary>Deaths of the run's process since its checkpoint last advanced (<see cref="RunCrashes"/>).</summary>
    public int Crashes { get; set; }

    /// <summary>Those deaths, each counted as the run's share of it among the runs in flight in the process (<see cref="RunCrashes"/>).</summary>
    public double CrashBlame { get; set; }

    /// <summary>The checkpoint's epoch at the last death counted in <see cref="Crashes"/>; null when it had none.</summary>
    public int? CrashCheckpointEpoch { get; set; }

    /// <summary>The checkpoint's epoch when the latest attempt resumed from one; null when it started afresh.</summary>
    public int? ResumedFromEpoch { get; set; }
    public string? Error { get; set; }
    public Guid? ModelId { get; set; }

    /// <summary>The model whose weights the run starts from; null for random ones. Kept if that model is deleted later.</summary>
    public Guid? WarmStartFrom { get; set; }

    /// <summary>The backtest to run on the model once trained; null for none.</summary>
    public BacktestRequest? Backtest { get; set; }

    /// <summary>The alias the run is to move to its model once trained; null for none.</summary>
    public PromotionRequest? Promotion { get; set; }

    /// <summary>Whether the promotion moved the alias, and why; null until the run succeeded, and without a promotion.</summary>
    public string? PromotionOutcome { get; set; }
    /// <summary>The retraining policy that started the run; null for a client's. Kept if the policy is deleted later.</summary>
    public Guid? RetrainingPolicyId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}
