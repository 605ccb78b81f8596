using Forecast.Api.Persistence;
using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Training.Lstm;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Runs;

/// <summary>The stored side of a warm start: the model a run names, as the caller may see it, and its weights once the run trains.</summary>
public static class WarmStarts
{
    /// <returns>Null when the run asks for no warm start.</returns>
    /// <exception cref="UnprocessableException">No series' model of that id that the caller may see.</exception>
    public static async Task<WarmStartSource?> SourceAsync(ForecastDbContext db, WarmStartRequest? request, CancellationToken cancellationToken)
    {
        if (request is null)
        {
            return null;
        }
        var model = await db.Models.AsNoTracking().Where(m => m.Id == request.ModelId)
            .Select(m => new { m.Hyperparameters, m.Artifact }).FirstOrDefaultAsync(cancellationToken)
            ?? throw new UnprocessableException($"warmStartFrom names model '{request.ModelId}', which is not a series' model of yours.", "warmStartFrom");
        return WarmStartSource.Of(request.ModelId, model.Hyperparameters, model.Artifact.Transform, model.Artifact.Optimizer is not null);
    }

    /// <summary>The model a run starts from, read when it trains (and again when it resumes, for the scaler).</summary>
    /// <exception cref="UnprocessableException">The model was deleted after the run was queued: the run fails saying so.</exception>
    public static WarmStart StartOf(ForecastDbContext db, Guid modelId) =>
        WarmStart.From(db.Models.AsNoTracking().Where(m => m.Id == modelId).Select(m => m.Artifact).FirstOrDefault()
            ?? throw new UnprocessableException($"Model '{modelId}', which this run starts from, was deleted before the run was trained.", "warmStartFrom"));
}
