namespace Forecast.Domain.Series;

// How often a series is observed. Timestamps are UTC DateTimes: a daily or coarser series has one at midnight per
// period (a date), a sub-daily one a time of day too. The sub-daily members come after the original five, so that
// default(Frequency) and every ordering made before them keep their meaning. (Not a doc comment: the OpenAPI
// document would repeat it at every use.)
public enum Frequency
{
    Daily,
    Weekly,
    Monthly,
    Quarterly,
    Yearly,
    Hourly,
    Minutes1,
    Minutes5,
    Minutes10,
    Minutes15,
    Minutes30,
}

public static class FrequencyExtensions
{
    private static readonly Frequency[] SubDaily =
        [Frequency.Minutes1, Frequency.Minutes5, Frequency.Minutes10, Frequency.Minutes15, Frequency.Minutes30, Frequency.Hourly];

    /// <summary>Every frequency's name as clients write it, for messages that list them.</summary>
    public const string Names = "minutes1, minutes5, minutes10, minutes15, minutes30, hourly, daily, weekly, monthly, quarterly or yearly";

    /// <summary>The length of a period that is always the same length, in UTC; null for month-based ones.</summary>
    public static TimeSpan? FixedStep(this Frequency frequency) => frequency switch
    {
        Frequency.Minutes1 => TimeSpan.FromMinutes(1),
        Frequency.Minutes5 => TimeSpan.FromMinutes(5),
        Frequency.Minutes10 => TimeSpan.FromMinutes(10),
        Frequency.Minutes15 => TimeSpan.FromMinutes(15),
        Frequency.Minutes30 => TimeSpan.FromMinutes(30),
        Frequency.Hourly => TimeSpan.FromHours(1),
        Frequency.Daily => TimeSpan.FromDays(1),
        Frequency.Weekly => TimeSpan.FromDays(7),
        _ => null,
    };

    /// <summary>True when a period is shorter than a day, so a timestamp needs its time of day.</summary>
    public static bool IsSubDaily(this Frequency frequency) => frequency.FixedStep() < TimeSpan.FromDays(1);

    /// <summary>The timestamp <paramref name="steps"/> periods after <paramref name="start"/>.</summary>
    /// <remarks>
    /// Fixed steps are exact UTC arithmetic, so no hour is skipped or repeated at a daylight-saving change. Month-based
    /// steps keep a month-end anchor: 1949-01-31 + 1 month is 1949-02-28, + 2 is 1949-03-31.
    /// </remarks>
    public static DateTime Advance(this Frequency frequency, DateTime start, int steps) => frequency switch
    {
        Frequency.Monthly => AddMonthsAnchored(start, steps),
        Frequency.Quarterly => AddMonthsAnchored(start, 3 * steps),
        Frequency.Yearly => AddMonthsAnchored(start, 12 * steps),
        _ => start + steps * (frequency.FixedStep() ?? throw new ArgumentOutOfRangeException(nameof(frequency))),
    };

    /// <summary>The period of <paramref name="timestamp"/> on the grid that starts at <paramref name="start"/> (negative before it); null off the grid.</summary>
    public static int? PeriodOf(this Frequency frequency, DateTime start, DateTime timestamp)
    {
        var months = (timestamp.Year - start.Year) * 12 + timestamp.Month - start.Month;
        var period = frequency switch
        {
            Frequency.Monthly => months,
            Frequency.Quarterly => (int)Math.Floor(months / 3.0),
            Frequency.Yearly => (int)Math.Floor(months / 12.0),
            _ => (int)Math.Floor((timestamp - start) / (frequency.FixedStep() ?? throw new ArgumentOutOfRangeException(nameof(frequency)))),
        };
        return frequency.Advance(start, period) == timestamp ? period : null;
    }

    /// <summary>
    /// The usual seasonal period: a day's periods for sub-daily data (1440/N for N minutes, 24 hourly), 7 for daily,
    /// 52 weekly, 12 monthly, 4 quarterly, 1 yearly.
    /// </summary>
    public static int SeasonalPeriod(this Frequency frequency) => frequency switch
    {
        _ when frequency.IsSubDaily() => (int)(TimeSpan.FromDays(1) / frequency.FixedStep()!.Value),
        Frequency.Daily => 7,
        Frequency.Weekly => 52,
        Frequency.Monthly => 12,
        Frequency.Quarterly => 4,
        _ => 1,
    };

    /// <summary>A timestamp as answers write it: a date for daily or coarser series, else an ISO 8601 UTC date-time.</summary>
    public static string Format(this Frequency frequency, DateTime timestamp) =>
        timestamp.ToString(frequency.IsSubDaily() ? "yyyy-MM-dd'T'HH:mm:ss'Z'" : "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>A timestamp in a message where no frequency decides its resolution (yet): a date when it is midnight UTC.</summary>
    public static string Describe(DateTime timestamp) =>
        (timestamp.TimeOfDay == TimeSpan.Zero ? Frequency.Daily : Frequency.Hourly).Format(timestamp);

    /// <summary>Timestamps as answers write them.</summary>
    public static IReadOnlyList<string> Format(this Frequency frequency, IEnumerable<DateTime> timestamps) =>
        timestamps.Select(timestamp => frequency.Format(timestamp)).ToArray();

    /// <summary>The frequency's name as clients write it.</summary>
    public static string Name(this Frequency frequency) => frequency.ToString().ToLowerInvariant();

    /// <summary>Infers the frequency from the most common gap between consecutive timestamps.</summary>
    public static Frequency? Infer(IReadOnlyList<DateTime> timestamps)
    {
        if (timestamps.Count < 2)
        {
            return null;
        }
        var gaps = new TimeSpan[timestamps.Count - 1];
        for (var i = 1; i < timestamps.Count; i++)
        {
            gaps[i - 1] = timestamps[i] - timestamps[i - 1];
        }
        Array.Sort(gaps);
        // The smallest typical step decides: with gaps in the data the median may be a multiple.
        var step = gaps[gaps.Length / 4];
        if (step < TimeSpan.FromDays(1))
        {
            var match = Array.FindIndex(SubDaily, f => f.FixedStep() == step);
            return match < 0 ? null : SubDaily[match];
        }
        return step.Ticks % TimeSpan.TicksPerDay != 0 ? null : (int)step.TotalDays switch
        {
            1 => Frequency.Daily,
            7 => Frequency.Weekly,
            >= 28 and <= 31 => Frequency.Monthly,
            >= 89 and <= 92 => Frequency.Quarterly,
            365 or 366 => Frequency.Yearly,
            _ => null,
        };
    }

    private static DateTime AddMonthsAnchored(DateTime start, int months)
    {
        var isMonthEnd = start.Day == DateTime.DaysInMonth(start.Year, start.Month);
        var moved = start.AddMonths(months);
        return isMonthEnd ? moved.AddDays(DateTime.DaysInMonth(moved.Year, moved.Month) - moved.Day) : moved;
    }
}
