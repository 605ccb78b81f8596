namespace Forecast.Domain.Calendars;

/// <summary>Whose public holidays a series follows: a country (ISO 3166-1 alpha-2) and, where its holidays differ by region, one region.</summary>
/// <param name="Region">A state, province, canton or part of the country (as <see cref="PublicHolidays.RegionsOf"/> names it); null for the national holidays.</param>
public sealed record HolidayRegion(string Country, string? Region);
