namespace Forecast.Domain.Calendars;

/// <summary>The most a calendar may ask for, so that a calendar's columns stay cheap to generate and a regression's to fit.</summary>
/// <param name="MaxEvents">Events per calendar.</param>
/// <param name="MaxDatesPerEvent">Dates per event.</param>
/// <param name="MaxWindowDays">Days before, and days after, an event's date that it may mark.</param>
/// <param name="MaxCovariates">Covariates a series may carry, uploaded and generated together.</param>
public sealed record CalendarLimits(int MaxEvents, int MaxDatesPerEvent, int MaxWindowDays, int MaxCovariates);
