namespace Forecast.Api.Jobs;

/// <summary>This process as a training worker: the id its claimed runs and its heartbeats carry.</summary>
public sealed class WorkerIdentity
{
    public Guid Id { get; } = Guid.CreateVersion7();

    public string Name { get; } = $"{Environment.MachineName}/{Environment.ProcessId}";
}
