using System.ComponentModel.DataAnnotations;
using Forecast.Domain.Calendars;

namespace Forecast.Api.Configuration;

/// <summary>Sizes of a series' calendar (section <c>Limits:Calendar</c>): each event is a covariate column a regression fits.</summary>
public sealed class CalendarLimitsOptions
{
    [Range(0, 1000)]
    public int MaxEvents { get; set; } = 20;

    [Range(1, 100_000)]
    public int MaxDatesPerEvent { get; set; } = 1_000;

    /// <summary>Days before, and days after, each date an event may mark: a wider window marks most days and explains nothing.</summary>
    [Range(0, 366)]
    public int MaxWindowDays { get; set; } = 30;

    public CalendarLimits ToDomain(int maxCovariates) => new(MaxEvents, MaxDatesPerEvent, MaxWindowDays, maxCovariates);
}
