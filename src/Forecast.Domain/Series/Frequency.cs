namespace Forecast.Domain.Series;

public enum Frequency
{
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
}

public static class FrequencyExtensions
{
    /// <summary>The date <paramref name="steps"/> periods after <paramref name="start"/>.</summary>
    /// <remarks>Month-based steps keep a month-end anchor: 1949-01-31 + 1 month is 1949-02-28, + 2 is 1949-03-31.</remarks>
    public static DateOnly Advance(this Frequency frequency, DateOnly start, int steps) => frequency switch
    {
        Frequency.Daily => start.AddDays(steps),
        Frequency.Weekly => start.AddDays(7 * steps),
        Frequency.Monthly => AddMonthsAnchored(start, steps),
        Frequency.Quarterly => AddMonthsAnchored(start, 3 * steps),
        Frequency.Yearly => AddMonthsAnchored(start, 12 * steps),
        _ => throw new ArgumentOutOfRangeException(nameof(frequency)),
    };

    /// <summary>The period of <paramref name="date"/> on the grid that starts at <paramref name="start"/> (negative before it); null off the grid.</summary>
    public static int? PeriodOf(this Frequency frequency, DateOnly start, DateOnly date)
    {
        var days = date.DayNumber - start.DayNumber;
        var months = (date.Year - start.Year) * 12 + date.Month - start.Month;
        var period = frequency switch
        {
            Frequency.Daily => days,
            Frequency.Weekly => (int)Math.Floor(days / 7.0),
            Frequency.Monthly => months,
            Frequency.Quarterly => (int)Math.Floor(months / 3.0),
            Frequency.Yearly => (int)Math.Floor(months / 12.0),
            _ => throw new ArgumentOutOfRangeException(nameof(frequency)),
        };
        return frequency.Advance(start, period) == date ? period : null;
    }

    /// <summary>The usual seasonal period: 7 for daily, 52 weekly, 12 monthly, 4 quarterly, 1 yearly.</summary>
    public static int SeasonalPeriod(this Frequency frequency) => frequency switch
    {
        Frequency.Daily => 7,
        Frequency.Weekly => 52,
        Frequency.Monthly => 12,
        Frequency.Quarterly => 4,
        _ => 1,
    };

    /// <summary>Infers the frequency from the most common gap between consecutive dates.</summary>
    public static Frequency? Infer(IReadOnlyList<DateOnly> dates)
    {
        if (dates.Count < 2)
        {
            return null;
        }
        var gaps = new int[dates.Count - 1];
        for (var i = 1; i < dates.Count; i++)
        {
            gaps[i - 1] = dates[i].DayNumber - dates[i - 1].DayNumber;
        }
        Array.Sort(gaps);
        // The smallest typical step decides: with gaps in the data the median may be a multiple.
        var step = gaps[gaps.Length / 4];
        return step switch
        {
            1 => Frequency.Daily,
            7 => Frequency.Weekly,
            >= 28 and <= 31 => Frequency.Monthly,
            >= 89 and <= 92 => Frequency.Quarterly,
            365 or 366 => Frequency.Yearly,
            _ => null,
        };
    }

    private static DateOnly AddMonthsAnchored(DateOnly start, int months)
    {
        var isMonthEnd = start.Day == DateTime.DaysInMonth(start.Year, start.Month);
        var moved = start.AddMonths(months);
        return isMonthEnd ? new DateOnly(moved.Year, moved.Month, DateTime.DaysInMonth(moved.Year, moved.Month)) : moved;
    }
}
