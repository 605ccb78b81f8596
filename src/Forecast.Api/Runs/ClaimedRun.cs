using Forecast.Api.Persistence;

namespace Forecast.Api.Runs;

/// <summary>A run a worker has claimed, with its series and the checkpoint it resumes from (null: it starts afresh).</summary>
public sealed record ClaimedRun(TrainingRunEntity Run, SeriesEntity Series, CheckpointEntity? Checkpoint);
