using Forecast.Api.Admission;
using Forecast.Api.Contracts;
using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Forecast.Domain;
using Forecast.Domain.Evaluation;
using Forecast.Domain.Registry;
using Forecast.Domain.Runs;
using Forecast.Training.Methods;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Runs;

/// <summary>Who asks for a run: whose open runs are limited, and what the run should say about how it came.</summary>
/// <param name="LimitedKey">The key whose open runs count against <c>Limits:MaxOpenRunsPerKey</c>; null when not limited (the admin).</param>
/// <param name="Choices">Lines the run records before the resolver's, e.g. why its policy started it.</param>
/// <param name="PolicyId">The retraining policy that asks; null for a client.</param>
public sealed record RunSubmitter(Guid? LimitedKey, IReadOnlyList<string> Choices, Guid? PolicyId = null)
{
    /// <summary>A client's request: its key's open runs are limited, the admin's are not (the admin is the operator).</summary>
    public static RunSubmitter Caller(ICallerContext caller) => new(caller.SeesAll ? null : caller.OwnerId, []);
}

/// <summary>
/// The one path from a training request to a queued run, for a client's request and for a retraining policy alike:
/// the subject loaded, the warm start found, the hyperparameters resolved, the backtest checked, the run admitted
/// within the cost ceilings and the submitter's open runs, then stored as Queued.
/// </summary>
public sealed class RunSubmission(
    IDbContextFactory<ForecastDbContext> dbFactory, HyperparameterResolver resolver, RunAdmission admission, RunStore store, TimeProvider clock)
{
    /// <summary>The run <paramref name="request"/> asks for on a series, checked and queued.</summary>
    /// <exception cref="NotFoundException">No such series, or not the caller's.</exception>
    /// <exception cref="DomainValidationException">The request breaks a rule (400), or cannot be trained (422).</exception>
    /// <exception cref="Errors.TooManyRequestsException">The submitter has the most open runs allowed.</exception>
    public async Task<RunView> QueueForSeriesAsync(Guid seriesId, TrainingRunRequest request, RunSubmitter submitter, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await CheckForSeriesAsync(db, seriesId, request, submitter, cancellationToken);
        await store.QueueAsync(run, cancellationToken);
        return new RunView(run, await RunReads.QueuePositionAsync(db, run, cancellationToken), Outcome: null);
    }

    /// <summary>The run <paramref name="request"/> asks for on a collection, checked and queued.</summary>
    /// <exception cref="NotFoundException">No such collection, or not the caller's.</exception>
    /// <exception cref="DomainValidationException">The request breaks a rule (400), or cannot be trained (422).</exception>
    /// <exception cref="Errors.TooManyRequestsException">The submitter has the most open runs allowed.</exception>
    public async Task<RunView> QueueForCollectionAsync(Guid collectionId, TrainingRunRequest request, RunSubmitter submitter, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var run = await CheckForCollectionAsync(db, collectionId, request, submitter, cancellationToken);
        await store.QueueAsync(run, cancellationToken);
        return new RunView(run, await RunReads.QueuePositionAsync(db, run, cancellationToken), Outcome: null);
    }

    /// <summary>
    /// The run a request would queue on a series or a collection, checked as it would be but for the open runs, without
    /// queuing it: a retraining policy's check when it is put.
    /// </summary>
    public async Task CheckAsync(Guid? seriesId, Guid? collectionId, TrainingRunRequest request, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var unlimited = new RunSubmitter(LimitedKey: null, []);
        _ = seriesId is { } series
            ? await CheckForSeriesAsync(db, series, request, unlimited, cancellationToken)
            : await CheckForCollectionAsync(db, collectionId!.Value, request, unlimited, cancellationToken);
    }

    private async Task<TrainingRunEntity> CheckForSeriesAsync(
        ForecastDbContext db, Guid seriesId, TrainingRunRequest request, RunSubmitter submitter, CancellationToken cancellationToken)
    {
        var series = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken)
            ?? throw new NotFoundException("Series", seriesId);
        var domain = series.ToDomain();
        var warmStart = await WarmStarts.SourceAsync(db, request.WarmStartFrom, request.Method, cancellationToken);
        request = warmStart?.Fill(request) ?? request;
        var resolved = resolver.ResolveRun(request, domain, () => Random.Shared.Next());
        warmStart?.Check(resolved.Hyperparameters);
        var windows = request.Backtest is { } backtest ? resolver.CheckBacktest(backtest, request, resolved.Hyperparameters, domain).Count : 0;
        await admission.CheckAsync(db, resolved.Hyperparameters, series.Count, submitter.LimitedKey, cancellationToken, Trainings(request.Backtest, windows));
        var run = NewRun(resolved, request, series.OwnerKeyId, warmStart, submitter);
        run.SeriesId = seriesId;
        return run;
    }

    private async Task<TrainingRunEntity> CheckForCollectionAsync(
        ForecastDbContext db, Guid collectionId, TrainingRunRequest request, RunSubmitter submitter, CancellationToken cancellationToken)
    {
        var (collection, lengths, shape) = await CollectionShapes.LoadAsync(db, collectionId, cancellationToken);
        var warmStart = await WarmStarts.CollectionSourceAsync(db, request.WarmStartFrom, request.Method, cancellationToken);
        request = warmStart?.Fill(request) ?? request;
        var resolved = resolver.ResolveCollectionRun(request, shape, () => Random.Shared.Next());
        warmStart?.Check(resolved.Hyperparameters);
        var windows = request.Backtest is { } backtest ? resolver.CheckCollectionBacktest(backtest, request, resolved.Hyperparameters, shape).Count : 0;
        await admission.CheckCollectionAsync(db, resolved.Hyperparameters, lengths, submitter.LimitedKey, cancellationToken, Trainings(request.Backtest, windows));
        var run = NewRun(resolved, request, collection.OwnerKeyId, warmStart, submitter);
        run.CollectionId = collectionId;
        return run;
    }

    /// <summary>Models a run trains: its own, and with a refitted backtest one per earlier window.</summary>
    private static int Trainings(BacktestRequest? backtest, int windows) => backtest?.Refit == true ? windows : 1;

    private TrainingRunEntity NewRun(
        ResolvedHyperparameters resolved, TrainingRunRequest request, Guid ownerKeyId, WarmStartSource? warmStart, RunSubmitter submitter) => new()
    {
        Id = Guid.CreateVersion7(),
        OwnerKeyId = ownerKeyId,
        Hyperparameters = resolved.Hyperparameters,
        Choices = [.. submitter.Choices, .. resolved.Choices, .. warmStart is null ? [] : new[] { warmStart.Explain() }],
        Promotion = request.Promote is { } promote ? promote with { Alias = AliasName.Check(promote.Alias) } : null,
        Backtest = request.Backtest,
        WarmStartFrom = warmStart?.ModelId,
        RetrainingPolicyId = submitter.PolicyId,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };
}
