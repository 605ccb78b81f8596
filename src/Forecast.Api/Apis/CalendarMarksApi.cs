using Forecast.Api.Configuration;
using Forecast.Api.Contracts;
using Forecast.Api.Persistence;
using Forecast.Api.Series;
using Forecast.Domain;
using Forecast.Domain.Series;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Forecast.Api.Apis;

/// <summary>The holidays and events a series' calendar marks, by name: what the page marks on a forecast's chart.</summary>
public static class CalendarMarksApi
{
    public static IEndpointRouteBuilder MapCalendarMarksApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/series/{id:guid}/calendar/marks", GetCalendarMarks)
            .WithTags("Series")
            .WithName(nameof(GetCalendarMarks))
            .WithSummary("The periods from 'from' to 'to' (a forecast's horizon, say) that the series' holidays or events mark, each with the holiday's or event's name")
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return app;
    }

    /// <param name="from">The first period: a timestamp on the series' grid, at or after its start.</param>
    /// <param name="to">The last period: on the grid, from <paramref name="from"/> to Limits:MaxHorizon periods on.</param>
    public static async Task<Ok<CalendarMarksResponse>> GetCalendarMarks(
        Guid id, IDbContextFactory<ForecastDbContext> dbFactory, IOptions<LimitsOptions> limits, CancellationToken cancellationToken,
        string? from = null, string? to = null)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entity = await db.Series.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, cancellationToken) ?? throw new NotFoundException("Series", id);
        var series = entity.ToDomain();
        var (first, last) = (Period(series, from, "from"), Period(series, to, "to"));
        if (last < first || last - first >= limits.Value.MaxHorizon)
        {
            throw new DomainValidationException(
                $"to must be from 'from' to {limits.Value.MaxHorizon - 1} periods after it (Limits:MaxHorizon); it is {last - first} periods after.", "to");
        }
        var marks = CalendarCodec.Decode(entity.Calendar).Marks(series, first, last + 1);
        return TypedResults.Ok(new CalendarMarksResponse(id, [.. marks.Select(m => new CalendarMarkResponse(series.Format(m.Timestamp), m.Name, m.Kind))]));
    }

    private static int Period(RegularSeries series, string? text, string field)
    {
        var timestamp = TimestampText.ParseOne(text, field) ?? throw new DomainValidationException($"{field} is required: a timestamp on the series' grid.", field);
        return series.Frequency.PeriodOf(series.Start, timestamp) is int period and >= 0
            ? period
            : throw new DomainValidationException(
                $"{field} {TimestampText.Clip(text!)} is not one of the series' periods ({series.Frequency.Name()} from {series.Format(series.Start)}).", field);
    }
}
