namespace Forecast.Api.Runs;

/// <summary>Another worker has taken the run over; this attempt stops and leaves the run to it.</summary>
public sealed class RunTakenOverException(Guid runId)
    : Exception($"Training run {runId} was taken over by another worker after this one fell silent.");
