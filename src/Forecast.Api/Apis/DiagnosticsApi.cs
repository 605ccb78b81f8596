using Forecast.Api.Contracts;
using Forecast.Api.Models;
using Forecast.Api.Persistence;
using Forecast.Domain;
using Forecast.Domain.Series;
using Forecast.Training.Diagnostics;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Forecast.Api.Apis;

public static class DiagnosticsApi
{
    public static IEndpointRouteBuilder MapDiagnosticsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/series/{id:guid}/diagnostics", GetSeriesDiagnostics)
            .WithTags("Diagnostics")
            .WithName(nameof(GetSeriesDiagnostics))
            .WithSummary("ADF, KPSS, Ljung-Box and Box-Pierce, ACF/PACF, seasonality, each covariate's cross-correlations with the series, and plain-language findings")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        app.MapGet("/api/models/{id:guid}/residual-diagnostics", GetResidualDiagnostics)
            .WithTags("Diagnostics")
            .WithName(nameof(GetResidualDiagnostics))
            .WithSummary("Ljung-Box on the model's one-step in-sample residuals, and their cross-correlations with each covariate's changes: is anything left to learn?")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="lags">Ljung-Box / Box-Pierce lags, repeatable (default 10 and 20).</param>
    /// <param name="nlags">ACF/PACF length, and the lags either way of the cross-correlations (default 20).</param>
    /// <param name="alpha">Significance level for findings and correlogram bounds (default 0.05).</param>
    public static async Task<Ok<SeriesDiagnosticsResponse>> GetSeriesDiagnostics(
        Guid id, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken,
        int[]? lags = null, int? nlags = null, double alpha = 0.05)
    {
        var (series, covariates) = await LoadSeriesAsync(dbFactory, id, cancellationToken);
        var report = SeriesDiagnostics.Compute(series.Values, new DiagnosticsOptions
        {
            Lags = lags is { Length: > 0 } ? lags : null,
            Nlags = nlags,
            Alpha = alpha,
            SeasonalPeriodHint = series.Frequency.SeasonalPeriod(),
        }, covariates);
        var s = report.Summary;
        var summary = new DiagnosticsSummary(s.Count, s.Mean, s.StandardDeviation, s.Min, s.FirstQuartile, s.Median,
            s.ThirdQuartile, s.Max, series.Format(series.Start), series.Format(series.End), series.Frequency);
        return TypedResults.Ok(new SeriesDiagnosticsResponse(id, summary, report.Adf, report.Kpss, report.LjungBox,
            report.BoxPierce, report.Acf, report.Pacf, report.Seasonality, report.CrossCorrelations, report.Interpretation));
    }

    /// <param name="lags">Ljung-Box lags, repeatable (default 10 and 20).</param>
    /// <param name="alpha">Significance level (default 0.05).</param>
    public static async Task<Ok<ResidualDiagnosticsResponse>> GetResidualDiagnostics(
        Guid id, ModelCache cache, CancellationToken cancellationToken, int[]? lags = null, double alpha = 0.05)
    {
        // Options first: a bad alpha is refused before the model is rebuilt.
        var options = new ResidualDiagnosticsOptions { Lags = lags is { Length: > 0 } ? lags : null, Alpha = alpha };
        var model = await cache.GetAsync(id, cancellationToken);
        var report = ResidualDiagnostics.Compute(model.Model, model.Series.Values, model.Entity.Hyperparameters, options, model.Covariates);
        return TypedResults.Ok(new ResidualDiagnosticsResponse(id, report.Residuals.Count, report.Mean, report.StandardDeviation,
            report.LjungBox, report.Alpha, report.WhiteNoise, report.CrossCorrelations, report.Interpretation));
    }

    private static async Task<(RegularSeries Series, Covariates Covariates)> LoadSeriesAsync(
        IDbContextFactory<ForecastDbContext> dbFactory, Guid seriesId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == seriesId, cancellationToken)
            ?? throw new NotFoundException("Series", seriesId);
        return (entity.ToDomain(), entity.CovariatesToDomain(knownFuture: 0));
    }
}
