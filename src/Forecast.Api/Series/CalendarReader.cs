using System.Globalization;
using Forecast.Api.Contracts;
using Forecast.Domain;
using Forecast.Domain.Calendars;

namespace Forecast.Api.Series;

/// <summary>A calendar as an upload gives it, JSON's <c>calendar</c> object or a CSV's query or form fields, read into the domain's.</summary>
public static class CalendarReader
{
    /// <exception cref="DomainValidationException">An unknown country or region, an event without dates or with a date that is not yyyy-MM-dd.</exception>
    public static SeriesCalendar FromJson(CalendarRequest? request)
    {
        if (request is null)
        {
            return SeriesCalendar.None;
        }
        var holidays = request.Holidays is { } h ? PublicHolidays.Resolve(h.Country, h.Region) : null;
        var events = (request.Events ?? []).Select((e, i) => Event(e, $"calendar.events[{i}]")).ToArray();
        return new SeriesCalendar(holidays, events, request.Features ?? []);
    }

    /// <param name="holidays">A country code, or none.</param>
    /// <param name="holidayRegion">The country's region, or none.</param>
    /// <param name="features">Feature names separated by commas, or none.</param>
    /// <exception cref="DomainValidationException">An unknown country, region or feature; a region without a country.</exception>
    public static SeriesCalendar FromCsv(string? holidays, string? holidayRegion, string? features)
    {
        if (string.IsNullOrWhiteSpace(holidays) && !string.IsNullOrWhiteSpace(holidayRegion))
        {
            throw new DomainValidationException("holidayRegion needs holidays, the country it is a region of.", "holidayRegion");
        }
        var where = string.IsNullOrWhiteSpace(holidays) ? null : PublicHolidays.Resolve(holidays, holidayRegion);
        var parsed = (features ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => UploadNames.ParseEnum<CalendarFeature>(f, "calendarFeatures")!.Value).ToArray();
        return new SeriesCalendar(where, [], parsed);
    }

    private static CalendarEvent Event(CalendarEventRequest? e, string field)
    {
        if (e is null)
        {
            throw new DomainValidationException($"{field} must be an object with a name and dates.", field);
        }
        var dates = (e.Dates ?? []).Select((text, j) => DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new DomainValidationException($"{field}.dates[{j}] '{text}' is not a date (yyyy-MM-dd).", $"{field}.dates")).ToArray();
        return new CalendarEvent(e.Name ?? "", dates, e.Before, e.After);
    }
}
