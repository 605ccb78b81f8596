namespace Forecast.Api.Persistence;

/// <summary>One epoch of a run's loss curve; (RunId, Epoch) is the key, so an epoch is stored once.</summary>
public sealed class LossEntryEntity
{
    public Guid RunId { get; set; }
    public int Epoch { get; set; }
    public double TrainLoss { get; set; }
    public double? ValidationLoss { get; set; }
}
