using System.Globalization;
using Forecast.Domain.Calendars;

namespace Forecast.Api.Contracts;

/// <summary>
/// A series' calendar: covariates the service generates for every period, the future included, so a forecast never
/// lacks them. Columns: <c>holiday</c> (days of the period that are, or observe, a public holiday), <c>event:{name}</c>
/// per event (days of the period its dates and windows mark), and Fourier pairs per feature (<c>dayOfWeek:sin1</c>, ...).
/// </summary>
/// <param name="Holidays">The public holidays the series follows; null for none.</param>
/// <param name="Events">Your own dated events, at most Limits:Calendar:MaxEvents.</param>
/// <param name="Features">dayOfWeek (daily and sub-daily), hourOfDay (sub-daily), month (monthly and finer), weekOfYear (weekly and finer).</param>
public sealed record CalendarRequest(HolidaysRequest? Holidays = null, CalendarEventRequest[]? Events = null, CalendarFeature[]? Features = null);

/// <param name="Country">An ISO 3166-1 alpha-2 code the PublicHoliday library covers (US, GB, DE, FR, CA, AU, ...).</param>
/// <param name="Region">Where a country's holidays differ by region: a state (DE: BY, AU: VIC), province (CA: QC), canton (CH: ZH), part (GB: Scotland) or region (FR, NZ, PT); null for the national holidays.</param>
public sealed record HolidaysRequest(string? Country, string? Region = null);

/// <param name="Name">Names its column, event:{name}; at most 94 characters.</param>
/// <param name="Dates">Its days (2024-11-29), 1 to Limits:Calendar:MaxDatesPerEvent of them, each within reach of the series.</param>
/// <param name="Before">Days before each date it marks too (default 0, at most Limits:Calendar:MaxWindowDays).</param>
/// <param name="After">Days after each date it marks too (default 0, at most Limits:Calendar:MaxWindowDays).</param>
public sealed record CalendarEventRequest(string? Name, string[]? Dates, int Before = 0, int After = 0);

/// <summary>A series' calendar as stored, and the covariates it generates.</summary>
/// <param name="Columns">The names of the covariates it generates, known for every period a forecast reaches.</param>
public sealed record CalendarResponse(HolidaysRequest? Holidays, IReadOnlyList<CalendarEventResponse> Events, IReadOnlyList<CalendarFeature> Features, IReadOnlyList<string> Columns)
{
    /// <summary>A stored calendar as a series' or a collection's read shows it; null for none.</summary>
    public static CalendarResponse? Of(SeriesCalendar calendar) =>
        calendar.IsEmpty
            ? null
            : new CalendarResponse(calendar.Holidays is { } h ? new HolidaysRequest(h.Country, h.Region) : null,
                [.. calendar.Events.Select(e => new CalendarEventResponse(e.Name, [.. e.Dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))], e.Before, e.After))],
                calendar.Features, calendar.ColumnNames);
}

public sealed record CalendarEventResponse(string Name, IReadOnlyList<string> Dates, int Before, int After);

/// <summary>The periods a series' calendar marks within a span, in order.</summary>
public sealed record CalendarMarksResponse(Guid SeriesId, IReadOnlyList<CalendarMarkResponse> Marks);

/// <summary>A period the holiday column or an event's column marks.</summary>
/// <param name="Timestamp">The period, written as the series' timestamps are.</param>
/// <param name="Name">The holiday's English name ("Thanksgiving"; "(observed)" after it on the weekday it is observed on), or the event's name.</param>
/// <param name="Kind">holiday or event.</param>
public sealed record CalendarMarkResponse(string Timestamp, string Name, CalendarMarkKind Kind);
