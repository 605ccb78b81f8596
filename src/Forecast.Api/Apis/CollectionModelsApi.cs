using System.Diagnostics;
using System.Globalization;
using System.Text;
using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Api.Models;
using Forecast.Api.Persistence;
using Forecast.Api.Telemetry;
using Forecast.Domain;
using Forecast.Domain.Series;
using Forecast.Training.Intervals;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Apis;

/// <summary>The routes only a collection's model has: its members' table and evaluations, and every member's forecast.</summary>
public static class CollectionModelsApi
{
    public const string CsvContentType = "text/csv";

    public static IEndpointRouteBuilder MapCollectionModelsApi(this IEndpointRouteBuilder app)
    {
        var models = app.MapGroup("/api/models").WithTags("Models");
        models.MapGet("/{id:guid}/members", ListMemberScores).WithName(nameof(ListMemberScores))
            .WithSummary("A collection model's members scored on their test tails, a page at a time, sorted by MASE (sort=mase, -mase or key)")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        models.MapGet("/{id:guid}/members/{key}", GetMemberEvaluation).WithName(nameof(GetMemberEvaluation))
            .WithSummary("One member's test tail: actual beside the model's multi-step forecast and intervals, with its metrics and baselines")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        models.MapGet("/{id:guid}/forecasts", GetForecasts).WithName(nameof(GetForecasts))
            .WithConditionalReads()
            .WithSummary("Every member's forecast at once: JSON, or with Accept: text/csv a streamed CSV series,timestamp,value,lower_80,upper_80,...")
            .Produces<CollectionForecastResponse>(contentType: "application/json")
            .Produces(StatusCodes.Status200OK, contentType: CsvContentType)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <param name="sort"><c>mase</c> (default, best first, undefined last), <c>-mase</c> (worst first) or <c>key</c>.</param>
    /// <param name="page">The page, from 1 (default 1).</param>
    /// <param name="pageSize">Items per page, 1 to Limits:MaxPageSize (default 20).</param>
    public static async Task<Ok<PagedList<MemberScoreItem>>> ListMemberScores(
        Guid id, ModelCache cache, IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits, CancellationToken cancellationToken,
        int page = 1, int pageSize = 20, string sort = "mase")
    {
        Paging.Check(page, pageSize, limits.Value.MaxPageSize);
        await cache.GetCollectionModelAsync(id, cancellationToken);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var members = db.MemberEvaluations.AsNoTracking().Where(m => m.ModelId == id);
        var ordered = sort switch
        {
            "mase" => members.OrderBy(m => m.Mase == null).ThenBy(m => m.Mase).ThenBy(m => m.Key),
            "-mase" => members.OrderBy(m => m.Mase == null).ThenByDescending(m => m.Mase).ThenBy(m => m.Key),
            "key" => members.OrderBy(m => m.Key),
            _ => throw new DomainValidationException($"sort is mase, -mase or key; got '{sort}'.", "sort"),
        };
        var total = await members.CountAsync(cancellationToken);
        var rows = await ordered.Skip((page - 1) * pageSize).Take(pageSize).ToListAsync(cancellationToken);
        var items = rows.Select(m => new MemberScoreItem(m.Key, m.SeriesId, m.Mase, m.Smape,
            m.Evaluation.Score.SeasonalNaive.Mase, m.Evaluation.Score.Theta.Mase, m.Evaluation.Fallback, m.Evaluation.Method)).ToList();
        return TypedResults.Ok(new PagedList<MemberScoreItem>(items, page, pageSize, total));
    }

    public static async Task<Ok<MemberEvaluationResponse>> GetMemberEvaluation(
        Guid id, string key, ModelCache cache, IDbContextFactory<ForecastDbContext> dbFactory, CancellationToken cancellationToken)
    {
        var model = await cache.GetCollectionModelAsync(id, cancellationToken);
        var member = MemberOf(model, key);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.MemberEvaluations.AsNoTracking().FirstAsync(m => m.ModelId == id && m.Key == key, cancellationToken);
        var (score, intervals) = (row.Evaluation.Score, row.Evaluation.Intervals);
        var origin = row.ForecastOrigin;
        var points = score.Actual.Select((actual, i) =>
            new MemberEvaluationPoint(member.Series.Format(member.Series.TimestampAt(origin + i)), actual, score.Predicted[i], intervals[i])).ToList();
        return TypedResults.Ok(new MemberEvaluationResponse(id, key, member.SeriesId, member.Series.Format(member.Series.TimestampAt(origin)), points, score.Model,
            new MemberBaselineMetrics(score.Naive, score.SeasonalNaive, score.Naive2, score.Theta), row.Evaluation.Fallback));
    }

    /// <param name="horizon">Periods to forecast after the end of each member (default 12).</param>
    /// <param name="level">Prediction interval levels in percent, repeatable (<c>level=80&amp;level=95</c>), each in 50..99.9.</param>
    public static async Task<Results<Ok<CollectionForecastResponse>, PushStreamHttpResult, StatusCodeHttpResult>> GetForecasts(
        Guid id, HttpRequest request, ModelCache cache, IOptions<LimitsOptions> limits, ForecastMetrics metrics, CancellationToken cancellationToken,
        int horizon = 12, double[]? level = null)
    {
        var started = Stopwatch.GetTimestamp();
        var levels = ModelsApi.CheckForecastRequest(horizon, level, limits.Value);
        var model = await cache.GetCollectionModelAsync(id, cancellationToken);
        var csv = request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals(CsvContentType, StringComparison.OrdinalIgnoreCase));
        request.HttpContext.Response.Headers.Vary = "Accept";
        if (EntityTags.IsFresh(request.HttpContext, $"forecasts:{id}:{model.CollectionVersion}:{horizon}:{string.Join(',', levels.Values)}:{(csv ? "csv" : "json")}"))
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }
        var forecasts = model.ForecastAll(horizon, levels);
        // Counted once computed: the CSV is written after, at the pace the client reads it.
        metrics.ForecastServed("collection", Stopwatch.GetElapsedTime(started));
        if (csv)
        {
            return TypedResults.Stream(body => WriteCsvAsync(body, model, forecasts, horizon, levels), CsvContentType,
                fileDownloadName: $"forecasts-{id}.csv");
        }
        var members = model.Members.Select((member, i) => new MemberForecast(member.Key, member.SeriesId, PointsOf(member, member.Series.Count, forecasts[i]))).ToList();
        return TypedResults.Ok(new CollectionForecastResponse(id, horizon, members));
    }

    /// <exception cref="DomainValidationException">No member named, or none of that key; or an origin the member cannot be forecast from.</exception>
    public static ForecastResponse ForecastMember(LoadedCollectionModel model, string? key, DateTime? origin, int horizon, IntervalLevels levels)
    {
        var member = MemberNamed(model, key);
        var from = LoadedCollectionModel.OriginIndex(member, origin);
        return new ForecastResponse(model.Entity.Id, horizon, member.Series.Format(member.Series.TimestampAt(from)), member.SeriesVersion,
            PointsOf(member, from, model.Forecast(member, from, horizon, levels)), member.Key);
    }

    public static CollectionModelResponse ToResponse(LoadedCollectionModel model)
    {
        var m = model.Entity;
        // Only a network has members it always forecasts by Theta: a statistical method fits each on the history it has.
        return new CollectionModelResponse(m.Id, m.RunId, m.CollectionId, m.Method, m.Hyperparameters, m.Artifact?.TorchSharpVersion, m.TrainingSeconds,
            m.EpochsRun, m.BestEpoch, m.StoppedEarly, m.TrainingWindows, model.Members.Count,
            m.Artifact?.Members.Count(member => member.Fallback is not null) ?? 0, m.Accuracy, m.Coverage, m.Backtest, m.Validation, m.CreatedAt);
    }

    /// <summary>The member a request about a collection's model names with <c>series</c>.</summary>
    /// <exception cref="DomainValidationException">No member named.</exception>
    /// <exception cref="NotFoundException">None of that key.</exception>
    public static ModelMember MemberNamed(LoadedCollectionModel model, string? key) => MemberOf(model, key ?? throw new DomainValidationException(
        $"Model '{model.Entity.Id}' is a collection's model: name the member with series={{key}} (every member's forecasts are at /api/models/{model.Entity.Id}/forecasts).",
        "series"));

    private static ModelMember MemberOf(LoadedCollectionModel model, string key) =>
        model.Member(key) ?? throw new NotFoundException($"Member of model {model.Entity.Id}", key);

    private static List<ForecastPoint> PointsOf(ModelMember member, int origin, IReadOnlyList<ForecastStep> steps) =>
        steps.Select((step, i) => new ForecastPoint(member.Series.Format(member.Series.TimestampAt(origin + i)), step.Value, step.Intervals)).ToList();

    private static async Task WriteCsvAsync(
        Stream body, LoadedCollectionModel model, IReadOnlyList<IReadOnlyList<ForecastStep>> forecasts, int horizon, IntervalLevels levels)
    {
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
        var header = new StringBuilder("series,timestamp,value");
        foreach (var l in levels.Values)
        {
            var name = l.ToString(CultureInfo.InvariantCulture);
            header.Append(CultureInfo.InvariantCulture, $",lower_{name},upper_{name}");
        }
        await writer.WriteLineAsync(header.ToString());
        for (var i = 0; i < model.Members.Count; i++)
        {
            var member = model.Members[i];
            var key = CsvField(member.Key);
            var timestamps = member.Series.Frequency.Format(member.Series.FutureTimestamps(horizon));
            var line = new StringBuilder();
            for (var h = 0; h < horizon; h++)
            {
                var step = forecasts[i][h];
                line.Clear().Append(CultureInfo.InvariantCulture, $"{key},{timestamps[h]},{step.Value:R}");
                foreach (var interval in step.Intervals ?? [])
                {
                    line.Append(CultureInfo.InvariantCulture, $",{interval.Lower:R},{interval.Upper:R}");
                }
                await writer.WriteLineAsync(line.ToString());
            }
        }
    }

    // A key holding a comma, a quote or a line break is quoted, its quotes doubled (RFC 4180).
    private static string CsvField(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"" : value;
}
