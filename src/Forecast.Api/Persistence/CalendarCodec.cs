using System.Text.Json;
using Forecast.Domain.Calendars;

namespace Forecast.Api.Persistence;

/// <summary>
/// Encodes a series' calendar as JSON for a text column, null for none. Only what the client gave is stored: the
/// columns are generated from it whenever the series is read, as far as that read needs.
/// </summary>
public static class CalendarCodec
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string? Encode(SeriesCalendar calendar) =>
        calendar.IsEmpty
            ? null
            : JsonSerializer.Serialize(new Stored(
                calendar.Holidays is { } h ? new StoredHolidays(h.Country, h.Region) : null,
                [.. calendar.Events.Select(e => new StoredEvent(e.Name, [.. e.Dates], e.Before, e.After))],
                [.. calendar.Features]), Options);

    public static SeriesCalendar Decode(string? json)
    {
        if (json is null)
        {
            return SeriesCalendar.None;
        }
        var stored = JsonSerializer.Deserialize<Stored>(json, Options)!;
        return new SeriesCalendar(
            stored.Holidays is { } h ? new HolidayRegion(h.Country, h.Region) : null,
            [.. stored.Events.Select(e => new CalendarEvent(e.Name, e.Dates, e.Before, e.After))],
            stored.Features);
    }

    private sealed record Stored(StoredHolidays? Holidays, StoredEvent[] Events, CalendarFeature[] Features);

    private sealed record StoredHolidays(string Country, string? Region);

    private sealed record StoredEvent(string Name, DateOnly[] Dates, int Before, int After);
}
