using PublicHoliday;

namespace Forecast.Domain.Calendars;

/// <summary>
/// Public holidays by country and region, from the PublicHoliday library (MIT): 39 countries, eight of them with
/// regional holidays. A holiday marks both its own date and the weekday it is observed on when that differs (the
/// 4th of July 2021, a Sunday, was observed on Monday the 5th), since people shop and rest on either.
/// </summary>
public static class PublicHolidays
{
    private sealed record Country(IReadOnlyList<string> Regions, Func<string?, IPublicHolidays> Calendar);

    private static readonly Dictionary<string, Country> Countries = BuildCountries();

    /// <summary>The country codes holidays are known for, in order.</summary>
    public static IReadOnlyList<string> CountryCodes { get; } = [.. Countries.Keys.Order(StringComparer.Ordinal)];

    /// <summary>The regions of <paramref name="country"/> with holidays of their own; empty where the holidays are national.</summary>
    public static IReadOnlyList<string> RegionsOf(string country) => Countries[country].Regions;

    /// <summary>The country and region as this class names them, whatever their case.</summary>
    /// <exception cref="DomainValidationException">A country without known holidays, or a region it does not have.</exception>
    public static HolidayRegion Resolve(string? country, string? region)
    {
        var code = country?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(code) || !Countries.TryGetValue(code, out var known))
        {
            throw new DomainValidationException(
                $"No public holidays are known for the country '{country}'; give one of {string.Join(", ", CountryCodes)} (ISO 3166-1 alpha-2).", "calendar.holidays.country");
        }
        if (string.IsNullOrWhiteSpace(region))
        {
            return new HolidayRegion(code, null);
        }
        var named = known.Regions.FirstOrDefault(r => string.Equals(r, region.Trim(), StringComparison.OrdinalIgnoreCase))
            ?? throw new DomainValidationException(
                known.Regions.Count == 0
                    ? $"{code}'s public holidays are national; leave the region out (got '{region}')."
                    : $"{code} has no region '{region}' with holidays of its own; give one of {string.Join(", ", known.Regions)}, or none for the national holidays.",
                "calendar.holidays.region");
        return new HolidayRegion(code, named);
    }

    /// <summary>The days from <paramref name="first"/> to <paramref name="last"/> that are, or observe, a public holiday of <paramref name="where"/>.</summary>
    /// <exception cref="UnprocessableException">A year the library has no holidays for (it keeps some, Turkey's religious ones, as tables of years).</exception>
    public static IReadOnlySet<DateOnly> Between(HolidayRegion where, DateOnly first, DateOnly last) =>
        Named(where, first, last).Select(h => h.Day).ToHashSet();

    /// <summary>
    /// The days of <see cref="Between"/>, each with its holiday's English name, for people to read (a chart's marks);
    /// the weekday a holiday is observed on, when another, as "{name} (observed)".
    /// </summary>
    /// <exception cref="UnprocessableException">A year the library has no holidays for.</exception>
    public static IReadOnlyList<(DateOnly Day, string Name)> Named(HolidayRegion where, DateOnly first, DateOnly last)
    {
        var calendar = Countries[where.Country].Calendar(where.Region);
        var days = new List<(DateOnly Day, string Name)>();
        // A year's list holds the holidays observed in the neighbouring year too (1 January 2022 was observed on 31 December 2021).
        for (var year = first.Year - 1; year <= last.Year + 1; year++)
        {
            foreach (var holiday in YearOf(calendar, where, year))
            {
                // Without a region a calendar lists the holidays of some regions as not public; with one, only that region's.
                if (holiday.IsPublic || where.Region is not null)
                {
                    var name = string.IsNullOrWhiteSpace(holiday.EnglishName) ? holiday.Name : holiday.EnglishName;
                    days.Add((DateOnly.FromDateTime(holiday.HolidayDate), name));
                    if (holiday.ObservedDate.Date != holiday.HolidayDate.Date)
                    {
                        days.Add((DateOnly.FromDateTime(holiday.ObservedDate), $"{name} (observed)"));
                    }
                }
            }
        }
        return [.. days.Where(d => d.Day >= first && d.Day <= last).Distinct().OrderBy(d => d.Day)];
    }

    private static IList<Holiday> YearOf(IPublicHolidays calendar, HolidayRegion where, int year)
    {
        try
        {
            return calendar.PublicHolidaysInformation(year);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or KeyNotFoundException or IndexOutOfRangeException)
        {
            throw new UnprocessableException($"The public holidays of {where.Country} are not known for {year}.", "calendar.holidays");
        }
    }

    private static Dictionary<string, Country> BuildCountries()
    {
        // The library's own codes, less PO: it takes PO and PL both for Poland, and PO is no ISO code.
        var countries = Enum.GetValues<PublicHolidayCountryCode>().Where(c => c != PublicHolidayCountryCode.Po)
            .ToDictionary(c => c.ToString().ToUpperInvariant(), c => new Country([], _ => PublicHolidayFactory.GetPublicHolidayForCountry(c)), StringComparer.Ordinal);
        // Where a calendar is set to a region, its holidays are those the region keeps (national and its own).
        Regional(countries, "AU", RegionsOf<AustraliaPublicHoliday.States>(), r => new AustraliaPublicHoliday { State = Enum.Parse<AustraliaPublicHoliday.States>(r) });
        Regional(countries, "CA", ["AB", "BC", "MB", "NB", "NL", "NS", "NT", "NU", "ON", "PE", "QC", "SK", "YT"], r => new CanadaPublicHoliday(r));
        Regional(countries, "CH", RegionsOf<SwitzerlandPublicHoliday.Cantons>(), r => new SwitzerlandPublicHoliday { Canton = Enum.Parse<SwitzerlandPublicHoliday.Cantons>(r) });
        Regional(countries, "DE", RegionsOf<GermanPublicHoliday.States>(), r => new GermanPublicHoliday { State = Enum.Parse<GermanPublicHoliday.States>(r) });
        Regional(countries, "FR", RegionsOf<FrancePublicHoliday.Regions>(), r => new FrancePublicHoliday { Region = Enum.Parse<FrancePublicHoliday.Regions>(r) });
        Regional(countries, "GB", RegionsOf<UKBankHoliday.UkCountries>(), r => new UKBankHoliday(Enum.Parse<UKBankHoliday.UkCountries>(r)));
        Regional(countries, "NZ", RegionsOf<NewZealandPublicHoliday.ProvincialDistricts>(),
            r => new NewZealandPublicHoliday { ProvincialDistrict = Enum.Parse<NewZealandPublicHoliday.ProvincialDistricts>(r) });
        Regional(countries, "PT", RegionsOf<PortugalPublicHoliday.Regions>(), r => new PortugalPublicHoliday { Region = Enum.Parse<PortugalPublicHoliday.Regions>(r) });
        return countries;
    }

    /// <summary>A country whose calendar takes a region; without one, the library's national calendar.</summary>
    private static void Regional(Dictionary<string, Country> countries, string code, IReadOnlyList<string> regions, Func<string, IPublicHolidays> calendarOf)
    {
        var national = countries[code].Calendar;
        countries[code] = new Country(regions, region => region is null ? national(null) : calendarOf(region));
    }

    /// <summary>A region enum's members, less those that stand for all regions or none.</summary>
    private static string[] RegionsOf<TRegion>() where TRegion : struct, Enum =>
        [.. Enum.GetNames<TRegion>().Where(name => !name.Equals("All", StringComparison.OrdinalIgnoreCase) && name != "OnlyOfficial")];
}
