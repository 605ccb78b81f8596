namespace Forecast.Api.Persistence;

/// <summary>A process that trains runs, as long as it keeps beating; see <c>RunRecovery</c>.</summary>
public sealed class TrainingWorkerEntity
{
    public Guid Id { get; set; }

    /// <summary>Host name and process id, for people reading the table.</summary>
    public required string Name { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime HeartbeatAt { get; set; }
}
