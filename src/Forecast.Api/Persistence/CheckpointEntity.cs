namespace Forecast.Api.Persistence;

/// <summary>The latest checkpoint of a running run (one row per run, replaced as training goes on).</summary>
public sealed class CheckpointEntity
{
    public Guid RunId { get; set; }
    public int Epoch { get; set; }
    public required byte[] Network { get; set; }
    public required byte[] Optimizer { get; set; }
    public byte[]? BestNetwork { get; set; }
    public byte[]? BestOptimizer { get; set; }
    public int BestEpoch { get; set; }
    public double? BestValidationLoss { get; set; }
    public int EpochsWithoutImprovement { get; set; }

    /// <summary>What a collection network's validation chose, once it trains again (<see cref="Training.Lstm.TrainingCheckpoint.Refit"/>); null before.</summary>
    public Training.Lstm.RefitCheckpoint? Refit { get; set; }
    public double ElapsedSeconds { get; set; }
    public DateTime SavedAt { get; set; }
}
