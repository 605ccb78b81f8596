using Forecast.Api.Persistence;

namespace Forecast.Api.Runs;

/// <summary>A run a worker has claimed, with what it trains on and the checkpoint it resumes from (null: it starts afresh).</summary>
public sealed record ClaimedRun(TrainingRunEntity Run, RunSubject Subject, CheckpointEntity? Checkpoint);

/// <summary>What a run trains on: one series, or every member of a collection.</summary>
public abstract record RunSubject;

public sealed record SeriesSubject(SeriesEntity Series) : RunSubject;

/// <param name="Members">The collection's members, in key order.</param>
public sealed record CollectionSubject(IReadOnlyList<SeriesEntity> Members) : RunSubject;
