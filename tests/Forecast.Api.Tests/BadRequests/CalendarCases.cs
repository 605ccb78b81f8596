using System.Net;
using static Forecast.Api.Tests.BadRequests.Requests;

namespace Forecast.Api.Tests.BadRequests;

/// <summary>
/// Calendars that cannot be stored: holidays of an unknown country or region, features a frequency does not vary,
/// events without dates, with dates that are no dates or far from the series, windows or counts past the limits, and
/// columns an uploaded covariate already names.
/// </summary>
public static class CalendarCases
{
    private static HttpRequestMessage WithCalendar(string calendar, string frequency = "daily", string covariates = "") =>
        Upload($"{{\"name\":\"x\",\"start\":\"2024-01-01\",\"frequency\":\"{frequency}\",\"values\":[1,2,3,4,5,6]{covariates},\"calendar\":{calendar}}}");

    private static string Event(string dates, int before = 0, int after = 0, string name = "promo") =>
        $"{{\"name\":\"{name}\",\"dates\":[{dates}],\"before\":{before},\"after\":{after}}}";

    /// <summary>A daily collection of members a and b, six points each from 2024-01-01, a with <paramref name="covariates"/>.</summary>
    private static HttpRequestMessage CollectionWithCalendar(string calendar, string covariates = "\"price\":[1,2,3,4,5,6]") =>
        Post("/api/collections", "{\"name\":\"c\",\"frequency\":\"daily\",\"calendar\":" + calendar + ",\"series\":["
            + $"{{\"key\":\"a\",\"start\":\"2024-01-01\",\"values\":[1,2,3,4,5,6],\"covariates\":{{{covariates}}}}},"
            + "{\"key\":\"b\",\"start\":\"2023-01-01\",\"values\":[1,2,3,4,5,6],\"covariates\":{" + covariates + "}}]}");

    public static readonly IReadOnlyList<BadRequest> Cases =
    [
        // Reads of a series' calendar marks (the covariate series runs daily from 2024-01-01).
        new("calendar marks without from", HttpStatusCode.BadRequest, "from is required",
            t => new HttpRequestMessage(HttpMethod.Get, $"/api/series/{t.CovariateSeriesId}/calendar/marks?to=2024-01-09")),
        new("calendar marks from off the grid", HttpStatusCode.BadRequest, "is not one of the series' periods",
            t => new HttpRequestMessage(HttpMethod.Get, $"/api/series/{t.CovariateSeriesId}/calendar/marks?from=2024-01-06T12:00:00Z&to=2024-01-09")),
        new("calendar marks from before the series' start", HttpStatusCode.BadRequest, "from 2023-12-31 is not one of the series' periods",
            t => new HttpRequestMessage(HttpMethod.Get, $"/api/series/{t.CovariateSeriesId}/calendar/marks?from=2023-12-31&to=2024-01-09")),
        new("calendar marks to before from", HttpStatusCode.BadRequest, "to must be from 'from'",
            t => new HttpRequestMessage(HttpMethod.Get, $"/api/series/{t.CovariateSeriesId}/calendar/marks?from=2024-01-09&to=2024-01-06")),
        new("calendar marks over more than Limits:MaxHorizon periods", HttpStatusCode.BadRequest, "Limits:MaxHorizon",
            t => new HttpRequestMessage(HttpMethod.Get, $"/api/series/{t.CovariateSeriesId}/calendar/marks?from=2024-01-01&to=2027-01-01")),

        // A collection's calendar, which every member follows.
        new("a collection's holidays of an unknown country", HttpStatusCode.BadRequest, "No public holidays are known for the country 'XX'",
            _ => CollectionWithCalendar("{\"holidays\":{\"country\":\"XX\"}}")),
        new("a collection CSV's holiday region without a country", HttpStatusCode.BadRequest, "holidayRegion needs holidays",
            _ => Post("/api/collections?name=c&holidayRegion=BY", "series,date,value\na,2024-01-01,1\na,2024-01-02,2\na,2024-01-03,3\n", "text/csv")),
        new("a collection CSV's unknown calendar feature", HttpStatusCode.BadRequest, "calendarFeatures",
            _ => Post("/api/collections?name=c&calendarFeatures=season", "series,date,value\na,2024-01-01,1\na,2024-01-02,2\na,2024-01-03,3\n", "text/csv")),
        new("a collection's event that marks no day of a member", HttpStatusCode.BadRequest, "Member 'b' is refused: The event 'promo' has the date 2026-06-01",
            _ => CollectionWithCalendar($"{{\"events\":[{Event("\"2026-06-01\"")}]}}")),
        new("a collection's calendar column a member's covariate names", HttpStatusCode.BadRequest, "an uploaded covariate has that name",
            _ => CollectionWithCalendar("{\"holidays\":{\"country\":\"US\"}}", "\"holiday\":[0,0,0,0,0,0]")),

        new("holidays of an unknown country", HttpStatusCode.BadRequest, "No public holidays are known for the country 'XX'", _ => WithCalendar("{\"holidays\":{\"country\":\"XX\"}}")),
        new("holidays without a country", HttpStatusCode.BadRequest, "lacks required fields: 'country'", _ => WithCalendar("{\"holidays\":{}}")),
        new("holidays of a region the country does not have", HttpStatusCode.BadRequest, "DE has no region 'XY'", _ => WithCalendar("{\"holidays\":{\"country\":\"DE\",\"region\":\"XY\"}}")),
        new("a region of a country whose holidays are national", HttpStatusCode.BadRequest, "US's public holidays are national", _ => WithCalendar("{\"holidays\":{\"country\":\"US\",\"region\":\"CA\"}}")),
        new("hourOfDay on a monthly series", HttpStatusCode.BadRequest, "hourOfDay does not vary in a monthly series", _ => WithCalendar("{\"features\":[\"hourOfDay\"]}", "monthly")),
        new("dayOfWeek on a weekly series", HttpStatusCode.BadRequest, "dayOfWeek does not vary in a weekly series", _ => WithCalendar("{\"features\":[\"dayOfWeek\"]}", "weekly")),
        new("a calendar feature given twice", HttpStatusCode.BadRequest, "month is given twice", _ => WithCalendar("{\"features\":[\"month\",\"month\"]}")),
        new("an unknown calendar feature", HttpStatusCode.BadRequest, "features", _ => WithCalendar("{\"features\":[\"season\"]}")),
        new("an event with no dates", HttpStatusCode.BadRequest, "'promo' has 0 dates", _ => WithCalendar($"{{\"events\":[{Event("")}]}}")),
        new("an event without a name", HttpStatusCode.BadRequest, "An event's name is required", _ => WithCalendar($"{{\"events\":[{Event("\"2024-01-02\"", name: "")}]}}")),
        new("an event date that is not a date", HttpStatusCode.BadRequest, "calendar.events[0].dates[1] '2024-13-01' is not a date",
            _ => WithCalendar($"{{\"events\":[{Event("\"2024-01-02\",\"2024-13-01\"")}]}}")),
        new("an event date with a time of day", HttpStatusCode.BadRequest, "'2024-01-02T10:00:00Z' is not a date", _ => WithCalendar($"{{\"events\":[{Event("\"2024-01-02T10:00:00Z\"")}]}}")),
        new("an event dated centuries after the series", HttpStatusCode.BadRequest, "2204-01-02, which marks no day", _ => WithCalendar($"{{\"events\":[{Event("\"2204-01-02\"")}]}}")),
        new("an event window wider than Limits:Calendar:MaxWindowDays", HttpStatusCode.BadRequest, "Limits:Calendar:MaxWindowDays",
            _ => WithCalendar($"{{\"events\":[{Event("\"2024-01-02\"", after: 10_000)}]}}")),
        new("a negative event window", HttpStatusCode.BadRequest, "-1 days before", _ => WithCalendar($"{{\"events\":[{Event("\"2024-01-02\"", before: -1)}]}}")),
        new("an event named twice", HttpStatusCode.BadRequest, "'promo' is given twice", _ => WithCalendar($"{{\"events\":[{Event("\"2024-01-02\"")},{Event("\"2024-01-03\"")}]}}")),
        new("more events than Limits:Calendar:MaxEvents", HttpStatusCode.BadRequest, "Limits:Calendar:MaxEvents",
            _ => WithCalendar($"{{\"events\":[{string.Join(',', Enumerable.Range(0, 21).Select(i => Event("\"2024-01-02\"", name: $"e{i}")))}]}}")),
        new("more event dates than Limits:Calendar:MaxDatesPerEvent", HttpStatusCode.BadRequest, "Limits:Calendar:MaxDatesPerEvent",
            _ => WithCalendar($"{{\"events\":[{Event(string.Join(',', Enumerable.Repeat("\"2024-01-02\"", 1001)))}]}}")),
        new("a calendar column an uploaded covariate names", HttpStatusCode.BadRequest, "makes a covariate 'holiday', and an uploaded covariate has that name",
            _ => WithCalendar("{\"holidays\":{\"country\":\"US\"}}", covariates: ",\"covariates\":{\"holiday\":[0,0,0,0,0,1]}")),
        new("an event column an uploaded covariate names", HttpStatusCode.BadRequest, "'event:promo'",
            _ => WithCalendar($"{{\"events\":[{Event("\"2024-01-02\"")}]}}", covariates: ",\"covariates\":{\"event:promo\":[0,1,0,0,0,0]}")),
        new("a CSV upload's holidays of an unknown country", HttpStatusCode.BadRequest, "'UK'", _ => Csv("date,value\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n", "?holidays=UK")),
        new("a CSV upload's holiday region without a country", HttpStatusCode.BadRequest, "holidayRegion needs holidays", _ => Csv("date,value\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n", "?holidayRegion=BY")),
        new("a CSV upload's unknown calendar feature", HttpStatusCode.BadRequest, "calendarFeatures 'season'", _ => Csv("date,value\n2024-01-01,1\n2024-01-02,2\n2024-01-03,3\n", "?calendarFeatures=dayOfWeek,season")),
    ];
}
