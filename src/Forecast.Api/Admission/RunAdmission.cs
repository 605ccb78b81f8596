using System.Globalization;
using Forecast.Api.Configuration;
using Forecast.Api.Errors;
using Forecast.Api.Persistence;
using Forecast.Domain;
using Forecast.Domain.Runs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Admission;

/// <summary>Whether a resolved training run may be queued: within the cost ceilings, and within its submitter's open runs.</summary>
public sealed class RunAdmission(IOptions<LimitsOptions> limits)
{
    private readonly LimitsOptions limits = limits.Value;

    /// <param name="limitedKey">The key whose open runs are limited; null for none (the admin, the operator, is not limited).</param>
    /// <param name="trainings">Models the run trains: 1, or more when a backtest refits a model per window.</param>
    /// <exception cref="UnprocessableException">The run would cost more than a ceiling allows (422).</exception>
    /// <exception cref="TooManyRequestsException">The key already has the most open runs allowed (429).</exception>
    public Task CheckAsync(ForecastDbContext db, Hyperparameters hp, int seriesCount, Guid? limitedKey, CancellationToken cancellationToken, int trainings = 1) =>
        CheckAsync(db, RunCost.Of(hp, seriesCount).Times(trainings), limitedKey, cancellationToken);

    /// <summary>As <see cref="CheckAsync(ForecastDbContext, Hyperparameters, int, Guid?, CancellationToken, int)"/> for a global run over members of these lengths.</summary>
    public Task CheckCollectionAsync(
        ForecastDbContext db, Hyperparameters hp, IReadOnlyList<int> memberLengths, Guid? limitedKey, CancellationToken cancellationToken, int trainings = 1) =>
        CheckAsync(db, RunCost.OfCollection(hp, memberLengths).Times(trainings), limitedKey, cancellationToken);

    private async Task CheckAsync(ForecastDbContext db, RunCost cost, Guid? limitedKey, CancellationToken cancellationToken)
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
        if (limitedKey is not { } key)
        {
            return;
        }
        // Filtered by key here, not by the context: a policy's job has no caller and its context sees every key's runs.
        var open = await db.TrainingRuns.CountAsync(r => r.OwnerKeyId == key && RunLifecycle.Open.Contains(r.Status), cancellationToken);
        if (open >= limits.MaxOpenRunsPerKey)
        {
            throw new TooManyRequestsException(
                $"This API key has {open} training runs queued or running, the most allowed at once (Limits:MaxOpenRunsPerKey = {limits.MaxOpenRunsPerKey}); wait for one to finish or cancel one.");
        }
    }
}
