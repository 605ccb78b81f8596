using System.Globalization;
using Forecast.Api.Configuration;
using Forecast.Api.Errors;
using Forecast.Api.Persistence;
using Forecast.Api.Security;
using Forecast.Domain;
using Forecast.Domain.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Admission;

/// <summary>Whether a resolved training run may be queued: within the cost ceilings, and within the caller's open runs.</summary>
public sealed class RunAdmission(IOptions<LimitsOptions> limits, ICallerContext caller)
{
    private readonly LimitsOptions limits = limits.Value;

    /// <param name="db">A context filtered for the caller, so that the open runs counted are the caller's.</param>
    /// <exception cref="UnprocessableException">The run would cost more than a ceiling allows (422).</exception>
    /// <exception cref="TooManyRequestsException">The caller already has the most open runs allowed (429).</exception>
    /// <param name="trainings">Models the run trains: 1, or more when a backtest refits a model per window.</param>
    public Task CheckAsync(ForecastDbContext db, Hyperparameters hp, int seriesCount, CancellationToken cancellationToken, int trainings = 1) =>
        CheckAsync(db, RunCost.Of(hp, seriesCount).Times(trainings), cancellationToken);

    /// <summary>As <see cref="CheckAsync(ForecastDbContext, Hyperparameters, int, CancellationToken, int)"/> for a global run over members of these lengths.</summary>
    public Task CheckCollectionAsync(
        ForecastDbContext db, Hyperparameters hp, IReadOnlyList<int> memberLengths, CancellationToken cancellationToken, int trainings = 1) =>
        CheckAsync(db, RunCost.OfCollection(hp, memberLengths).Times(trainings), cancellationToken);

    private async Task CheckAsync(ForecastDbContext db, RunCost cost, CancellationToken cancellationToken)
    {
        if (cost.Work > limits.MaxRunCost)
        {
            throw new UnprocessableException(string.Create(CultureInfo.InvariantCulture,
                $"This run would cost {cost.Work:G3} ({cost.WorkFactors}), above the ceiling of {limits.MaxRunCost:G3} (Limits:MaxRunCost). Ask for fewer epochs, a smaller hiddenSize, fewer layers or a shorter lookback, or name a transform instead of auto."),
                "hyperparameters");
        }
        if (cost.BatchActivations > limits.MaxBatchActivations)
        {
            throw new UnprocessableException(string.Create(CultureInfo.InvariantCulture,
                $"One batch of this run would hold {cost.BatchActivations:G3} activations ({cost.BatchFactors}), above the ceiling of {limits.MaxBatchActivations:G3} (Limits:MaxBatchActivations). Set a smaller batchSize (the validation part is one batch: a smaller validationFraction shrinks it), or a smaller lookback or hiddenSize."),
                "batchSize");
        }
        // The admin is the operator and is not limited in open runs.
        if (caller.SeesAll)
        {
            return;
        }
        var open = await db.TrainingRuns.CountAsync(
            r => RunLifecycle.Open.Contains(r.Status), cancellationToken);
        if (open >= limits.MaxOpenRunsPerKey)
        {
            throw new TooManyRequestsException(
                $"This API key has {open} training runs queued or running, the most allowed at once (Limits:MaxOpenRunsPerKey = {limits.MaxOpenRunsPerKey}); wait for one to finish or cancel one.");
        }
    }
}
