using Forecast.Api.Persistence;

namespace Forecast.Api.Runs;

/// <summary>A run a worker has claimed, with what it trains on and the checkpoint it resumes from (null: it starts afresh).</summary>
public sealed record ClaimedRun(TrainingRunEntity Run, RunSubject Subject, CheckpointEntity? Checkpoint);

/// <summary>What a run trains on: one series, or every member of a collection.</summary>
public abstract record RunSubject;

public sealed record SeriesSubject(SeriesEntity Series) : RunSubject;

/// <param name="Members">The collection's members, in key order.</param>
/// <param name="Fitted">A statistical method's members fitted by earlier attempts of the run: its checkpoint, kept when it resumes.</param>
public sealed record CollectionSubject(IReadOnlyList<SeriesEntity> Members, IReadOnlyList<MemberFitEntity> Fitted) : RunSubject;
