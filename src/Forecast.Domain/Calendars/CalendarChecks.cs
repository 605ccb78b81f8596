using Forecast.Domain.Series;

namespace Forecast.Domain.Calendars;

/// <summary>The rules a calendar keeps before it is stored with a series.</summary>
public static class CalendarChecks
{
    /// <param name="uploaded">The series' uploaded covariates, whose names the calendar's columns must not take.</param>
    /// <param name="knownFuture">How far past the series' end its columns are generated (<see cref="SeriesCalendar.With"/>).</param>
    /// <exception cref="DomainValidationException">
    /// Too many events or dates, an event without a name, dates or a sane window, or whose every date is far from the
    /// series; a feature twice or one its frequency does not vary; a column an uploaded covariate already names; too many covariates.
    /// </exception>
    /// <exception cref="UnprocessableException">Holidays the library does not know for a year of the series.</exception>
    public static void Check(SeriesCalendar calendar, RegularSeries series, Covariates uploaded, int knownFuture, CalendarLimits limits)
    {
        if (calendar.IsEmpty)
        {
            return;
        }
        CheckEvents(calendar.Events, series, knownFuture, limits);
        CheckFeatures(calendar.Features, series.Frequency);
        var names = calendar.ColumnNames;
        if (names.FirstOrDefault(name => uploaded.Names.Contains(name, StringComparer.OrdinalIgnoreCase)) is { } clash)
        {
            throw new DomainValidationException(
                $"The calendar makes a covariate '{clash}', and an uploaded covariate has that name; rename the uploaded one.", "calendar");
        }
        if (uploaded.Columns.Count + names.Count > limits.MaxCovariates)
        {
            throw new DomainValidationException(
                $"The series would carry {uploaded.Columns.Count} uploaded and {names.Count} calendar covariates; at most {limits.MaxCovariates} in all (Limits:MaxCovariates).", "calendar");
        }
        // Made once here, so that a year without known holidays is refused at upload rather than at each forecast.
        calendar.Columns(series, series.Count + knownFuture);
    }

    /// <summary>
    /// A collection's calendar, which every member follows: checked against each member, its span and its uploaded
    /// covariates, as a series' is; a refusal names the member.
    /// </summary>
    public static void Check(SeriesCalendar calendar, CollectionContents collection, int knownFuture, CalendarLimits limits)
    {
        foreach (var member in collection.Members)
        {
            MemberErrors.Naming(member.Key, source: null, () =>
            {
                Check(calendar, member.Built.Series, member.Covariates, knownFuture, limits);
                return member;
            });
        }
    }

    private static void CheckEvents(IReadOnlyList<CalendarEvent> events, RegularSeries series, int knownFuture, CalendarLimits limits)
    {
        if (events.Count > limits.MaxEvents)
        {
            throw new DomainValidationException($"The calendar has {events.Count} events; at most {limits.MaxEvents} are taken (Limits:Calendar:MaxEvents).", "calendar.events");
        }
        var first = CalendarPeriods.DaysOf(series.Frequency, series.Start).First;
        var last = CalendarPeriods.DaysOf(series.Frequency, series.TimestampAt(series.Count + knownFuture - 1)).Last;
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var field = $"calendar.events[{i}]";
            if (string.IsNullOrWhiteSpace(e.Name) || e.ColumnName.Length > CovariateAlignment.MaxNameLength || !PrintableText.Is(e.Name))
            {
                throw new DomainValidationException(
                    $"An event's name is required and may have at most {CovariateAlignment.MaxNameLength - CalendarEvent.ColumnPrefix.Length} characters, none of them a control or bidirectional-override character.",
                    $"{field}.name");
            }
            if (!seen.Add(e.Name))
            {
                throw new DomainValidationException($"The event '{e.Name}' is given twice.", $"{field}.name");
            }
            if (e.Dates.Count == 0 || e.Dates.Count > limits.MaxDatesPerEvent)
            {
                throw new DomainValidationException(
                    $"The event '{e.Name}' has {e.Dates.Count} dates; an event needs 1 to {limits.MaxDatesPerEvent} (Limits:Calendar:MaxDatesPerEvent).", $"{field}.dates");
            }
            if (e.Before is < 0 || e.After is < 0 || e.Before > limits.MaxWindowDays || e.After > limits.MaxWindowDays)
            {
                throw new DomainValidationException(
                    $"The event '{e.Name}' marks {e.Before} days before and {e.After} after each date; each must be 0 to {limits.MaxWindowDays} (Limits:Calendar:MaxWindowDays).",
                    $"{field}.{(e.Before is < 0 || e.Before > limits.MaxWindowDays ? "before" : "after")}");
            }
            // A date whose window misses every period the series has or forecasts marks nothing: a typo, most likely a year.
            foreach (var far in e.Dates.Where(d => d.DayNumber + e.After < first.DayNumber || d.DayNumber - e.Before > last.DayNumber).Take(1))
            {
                throw new DomainValidationException(
                    $"The event '{e.Name}' has the date {far:yyyy-MM-dd}, which marks no day from the series' first period ({first:yyyy-MM-dd}) to the last a forecast reaches ({last:yyyy-MM-dd}).",
                    $"{field}.dates");
            }
        }
    }

    private static void CheckFeatures(IReadOnlyList<CalendarFeature> features, Frequency frequency)
    {
        if (features.GroupBy(f => f).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new DomainValidationException($"The calendar feature {twice.Key.Name()} is given twice.", "calendar.features");
        }
        foreach (var unsuited in features.Where(f => !f.Suits(frequency)).Take(1))
        {
            throw new DomainValidationException(
                $"The calendar feature {unsuited.Name()} does not vary in a {frequency.Name()} series; it suits {unsuited.Suited()}.", "calendar.features");
        }
    }
}
