using Forecast.Api.Persistence;
using Forecast.Api.Runs;
using Forecast.Domain;
using Forecast.Domain.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Forecast.Api.Tests;

/// <summary>
/// The one writer of run statuses, on a real SQLite file with no training process (Training:WorkerCount 0), so that
/// only these calls move the runs: a change whose premise no longer holds writes nothing.
/// </summary>
public sealed class RunStoreTests : IDisposable
{
    private static readonly Guid Worker = Guid.CreateVersion7();
    private static readonly Guid OtherWorker = Guid.CreateVersion7();

    private readonly ForecastApiFactory factory = ForecastApiFactory.With(("Training:WorkerCount", "0"));

    private RunStore Store => factory.Services.GetRequiredService<RunStore>();

    [Fact]
    public async Task A_queued_run_is_claimed_once_and_a_second_claim_finds_nothing_to_do()
    {
        var runId = await QueuedRunAsync();

        var first = Store.Claim(runId, Worker);
        var second = Store.Claim(runId, OtherWorker);

        Assert.NotNull(first);
        Assert.Null(second);
        var stored = await StoredAsync(runId);
        Assert.Equal((TrainingRunStatus.Running, 1, (Guid?)Worker), (stored.Status, stored.Attempts, stored.WorkerId));
    }

    [Fact]
    public async Task A_worker_that_lost_its_run_writes_nothing_to_it()
    {
        var runId = await QueuedRunAsync();
        Store.Claim(runId, OtherWorker);
        var model = await ModelAsync(runId);

        Assert.Throws<RunTakenOverException>(() => Store.RecordEpoch(runId, Worker, new EpochProgress(1, 10, 0.5, 0.6, 1, Checkpoint(runId, 1))));
        Assert.Throws<RunTakenOverException>(() => Store.Succeed(runId, Worker, model, [], promotion: null));
        Assert.False(Store.Fail(runId, Worker, "not mine"));
        Assert.False(Store.Cancel(runId, Worker));
        Assert.False(Store.RequeueAtStop(runId, Worker));

        var stored = await StoredAsync(runId);
        Assert.Equal((TrainingRunStatus.Running, (Guid?)OtherWorker, 0, (string?)null), (stored.Status, stored.WorkerId, stored.Epoch, stored.Error));
        await using var db = await DbAsync();
        Assert.Equal((0, 0, 0), (await db.Models.CountAsync(), await db.LossEntries.CountAsync(), await db.Checkpoints.CountAsync()));
    }

    [Fact]
    public async Task A_run_whose_checkpoint_advances_between_deaths_survives_any_number_of_them()
    {
        var runId = await QueuedRunAsync();

        for (var death = 1; death <= 10; death++)
        {
            Assert.NotNull(Store.Claim(runId, Worker));
            Store.RecordEpoch(runId, Worker, new EpochProgress(death, 10, 0.5, 0.6, death, Checkpoint(runId, death)));
            Assert.Equal(1, await Store.RequeueOrphansAsync(everyRunningRun: true, DateTime.UtcNow, maxCrashes: 3, CancellationToken.None));
        }

        var stored = await StoredAsync(runId);
        Assert.Equal((TrainingRunStatus.Queued, 1, (int?)10, 10), (stored.Status, stored.Crashes, stored.CrashCheckpointEpoch, stored.Attempts));
    }

    [Fact]
    public async Task A_run_that_dies_three_times_at_the_same_checkpoint_is_failed_and_its_checkpoint_dropped()
    {
        var runId = await QueuedRunAsync();
        Store.Claim(runId, Worker);
        Store.RecordEpoch(runId, Worker, new EpochProgress(1, 10, 0.5, 0.6, 1, Checkpoint(runId, 1)));

        for (var death = 1; death <= 3; death++)
        {
            await Store.RequeueOrphansAsync(everyRunningRun: true, DateTime.UtcNow, maxCrashes: 3, CancellationToken.None);
            Store.Claim(runId, Worker);
        }

        var stored = await StoredAsync(runId);
        Assert.Equal((TrainingRunStatus.Failed, 3), (stored.Status, stored.Crashes));
        Assert.Contains("without its checkpoint advancing past epoch 1", stored.Error, StringComparison.Ordinal);
        await using var db = await DbAsync();
        Assert.False(await db.Checkpoints.AnyAsync());
    }

    [Fact]
    public async Task Cancelling_a_queued_run_ends_it_at_once_and_a_finished_run_cannot_be_cancelled()
    {
        var runId = await QueuedRunAsync();

        var cancelled = await Store.CancelAsync(runId, CancellationToken.None);

        Assert.Equal((TrainingRunStatus.Cancelled, true), (cancelled.Status, cancelled.CancelRequested));
        Assert.Null(Store.Claim(runId, Worker));
        await Assert.ThrowsAsync<ConflictException>(() => Store.CancelAsync(runId, CancellationToken.None));
    }

    [Fact]
    public async Task Cancelling_a_running_run_asks_its_worker_who_ends_it_at_its_next_epoch()
    {
        var runId = await QueuedRunAsync();
        Store.Claim(runId, Worker);

        var asked = await Store.CancelAsync(runId, CancellationToken.None);
        var seen = Store.RecordEpoch(runId, Worker, new EpochProgress(1, 10, 0.5, 0.6, 1, Checkpoint: null));

        Assert.Equal(TrainingRunStatus.Running, asked.Status);
        Assert.True(seen);
        Assert.True(Store.Cancel(runId, Worker));
        Assert.Equal(TrainingRunStatus.Cancelled, (await StoredAsync(runId)).Status);
    }

    private async Task<Guid> QueuedRunAsync()
    {
        using var client = factory.CreateClient();
        var series = await TrainingFlow.UploadAsync(client, "airpassengers.csv");
        return (await TrainingFlow.StartAsync(client, series.Id, TrainingFlow.Tiny(epochs: 2, transform: "none"))).Id;
    }

    private static CheckpointEntity Checkpoint(Guid runId, int epoch) =>
        new() { RunId = runId, Epoch = epoch, Network = [1, 2, 3], Optimizer = [4, 5, 6], SavedAt = DateTime.UtcNow };

    // Never written: the store refuses it before it looks at the artifact or the evaluation.
    private async Task<ModelEntity> ModelAsync(Guid runId)
    {
        var run = await StoredAsync(runId);
        return new ModelEntity
        {
            Id = Guid.CreateVersion7(),
            RunId = runId,
            SeriesId = run.SeriesId!.Value,
            Artifact = null!,
            Hyperparameters = run.Hyperparameters,
            Evaluation = null!,
            CreatedAt = DateTime.UtcNow,
        };
    }

    private async Task<TrainingRunEntity> StoredAsync(Guid runId)
    {
        await using var db = await DbAsync();
        return await db.TrainingRuns.AsNoTracking().SingleAsync(r => r.Id == runId);
    }

    private Task<ForecastDbContext> DbAsync() => factory.Services.GetRequiredService<IDbContextFactory<ForecastDbContext>>().CreateDbContextAsync();

    public void Dispose() => factory.Dispose();
}
