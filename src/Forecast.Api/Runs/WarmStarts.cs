using Forecast.Api.Persistence;
using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Training.Collections;
using Forecast.Training.Lstm;
using Forecast.Training.Methods;
using Forecast.Training.Methods.Ensemble;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Runs;

/// <summary>The stored side of a warm start: the model a run names, as the caller may see it, and its weights once the run trains.</summary>
/// <remarks>A series' run starts from a series' model, a collection's run from a collection's; the other kind is not found.</remarks>
public static class WarmStarts
{
    /// <param name="method">The method the run asks for; null for the default.</param>
    /// <returns>Null when the run asks for no warm start.</returns>
    /// <exception cref="DomainValidationException">A warm start asked of a statistical method, which has no weights to continue, or of the ensemble.</exception>
    /// <exception cref="UnprocessableException">No series' network model of that id that the caller may see.</exception>
    public static async Task<WarmStartSource?> SourceAsync(ForecastDbContext db, WarmStartRequest? request, string? method, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return null;
        }
        RefuseUnlessLstm(method);
        var model = await db.Models.AsNoTracking().Where(m => m.Id == request.ModelId)
            .Select(m => new { m.Hyperparameters, m.Method, m.Artifact }).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFound(request.ModelId, "a series' model");
        var artifact = model.Artifact ?? throw NoNetwork(request.ModelId, model.Method);
        return WarmStartSource.Of(request.ModelId, model.Hyperparameters, TransformChoice.Of(artifact.Transform), artifact.Optimizer is not null);
    }

    /// <param name="method">The method the run asks for; null for the default.</param>
    /// <returns>Null when the run asks for no warm start.</returns>
    /// <exception cref="DomainValidationException">A warm start asked of a statistical method, which has no weights to continue, or of the ensemble.</exception>
    /// <exception cref="UnprocessableException">
    /// No collection's network model of that id that the caller may see, or one that forecasts one step at a time (stored
    /// before collection networks forecast the whole horizon): its weights would not fit a run's network.
    /// </exception>
    public static async Task<WarmStartSource?> CollectionSourceAsync(ForecastDbContext db, WarmStartRequest? request, string? method, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return null;
        }
        RefuseUnlessLstm(method);
        var model = await db.CollectionModels.AsNoTracking().Where(m => m.Id == request.ModelId)
            .Select(m => new { m.Hyperparameters, m.Method, m.Artifact }).FirstOrDefaultAsync(cancellationToken)
            ?? throw NotFound(request.ModelId, "a collection's model");
        var artifact = model.Artifact ?? throw NoNetwork(request.ModelId, model.Method);
        if (artifact.Outputs == 1)
        {
            throw new UnprocessableException(
                $"Model '{request.ModelId}' forecasts one step at a time, as collection models did before they forecast the whole horizon at once; its weights do not fit a run's network now. Train from scratch.",
                "warmStartFrom");
        }
        return WarmStartSource.Of(request.ModelId, model.Hyperparameters, model.Hyperparameters.Transform, artifact.Optimizer is not null, keepsHorizon: true);
    }

    /// <exception cref="DomainValidationException">
    /// A statistical method, which is fitted afresh and has no weights to continue; or the ensemble, whose network is one of
    /// four components scored and calibrated together, all trained or fitted afresh.
    /// </exception>
    private static void RefuseUnlessLstm(string? method)
    {
        switch (method is null ? null : ForecastingMethods.Find(method))
        {
            case IStatisticalMethod:
                throw new DomainValidationException(
                    $"warmStartFrom belongs to the lstm method, not to {method}: a warm start continues a network's weights, and {method} is fitted afresh in moments.",
                    "warmStartFrom");
            case EnsembleMethod:
                throw new DomainValidationException(
                    $"warmStartFrom belongs to the lstm method, not to {method}: the ensemble's network is trained afresh with its other components, so that all four are scored on the same validation parts. Leave warmStartFrom out, or warm-start an lstm run.",
                    "warmStartFrom");
        }
    }

    private static UnprocessableException NoNetwork(Guid modelId, string method) =>
        new($"warmStartFrom names model '{modelId}', a {method} model: it has no network weights to start from. Name an lstm model.", "warmStartFrom");

    /// <summary>The model a series' run starts from, read when it trains (and again when it resumes, for the scaler).</summary>
    /// <exception cref="UnprocessableException">The model was deleted after the run was queued: the run fails saying so.</exception>
    public static WarmStart StartOf(ForecastDbContext db, Guid modelId) =>
        WarmStart.From(db.Models.AsNoTracking().Where(m => m.Id == modelId).Select(m => m.Artifact).FirstOrDefault() ?? throw Deleted(modelId));

    /// <summary>The model a collection's run starts from, read when it trains (and again when it resumes, for the members' scalers).</summary>
    /// <exception cref="UnprocessableException">The model was deleted after the run was queued: the run fails saying so.</exception>
    public static GlobalWarmStart CollectionStartOf(ForecastDbContext db, Guid modelId) =>
        GlobalWarmStart.From(db.CollectionModels.AsNoTracking().Where(m => m.Id == modelId).Select(m => m.Artifact).FirstOrDefault() ?? throw Deleted(modelId));

    private static UnprocessableException NotFound(Guid modelId, string kind) =>
        new($"warmStartFrom names model '{modelId}', which is not {kind} of yours.", "warmStartFrom");

    private static UnprocessableException Deleted(Guid modelId) =>
        new($"Model '{modelId}', which this run starts from, was deleted before the run was trained.", "warmStartFrom");
}
