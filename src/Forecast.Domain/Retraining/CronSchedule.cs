using Cronos;

namespace Forecast.Domain.Retraining;

/// <summary>
/// When a retraining policy runs: a standard five-field cron expression (<c>0 3 * * *</c>) read in a time zone, so that
/// "3 a.m. in Paris" stays 3 a.m. across daylight saving time. Occurrences are instants in UTC.
/// </summary>
public sealed class CronSchedule
{
    /// <summary>
    /// The shortest time allowed between two occurrences: every tick trains a model and backtests two, so a schedule of
    /// minutes would keep a worker busy for nothing.
    /// </summary>
    public static readonly TimeSpan MinimumInterval = TimeSpan.FromMinutes(15);

    // Occurrences looked at for the minimum interval: enough to see a schedule's densest hour in a day.
    private const int IntervalsChecked = 96;

    private readonly CronExpression expression;

    private CronSchedule(string cron, CronExpression expression, TimeZoneInfo zone)
    {
        Cron = cron;
        this.expression = expression;
        Zone = zone;
    }

    public string Cron { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The time zone's IANA id, as the client named it.</summary>
    public string TimeZone => Zone.Id;

    /// <param name="cron">Five fields: minute, hour, day of month, month, day of week.</param>
    /// <param name="timeZone">An IANA time zone (Europe/Paris); UTC when null.</param>
    /// <param name="now">Whether it ever fires, and how often, is judged from here.</param>
    /// <exception cref="DomainValidationException">The expression or the zone is not one, the schedule never fires, or fires too often.</exception>
    public static CronSchedule Parse(string cron, string? timeZone, DateTime now)
    {
        if (!CronExpression.TryParse(cron, CronFormat.Standard, out var expression))
        {
            throw new DomainValidationException(
                $"cron is five fields (minute hour day-of-month month day-of-week), such as '0 3 * * *' for 3 a.m. every day; '{cron}' is not one.", "cron");
        }
        var zone = FindZone(timeZone ?? "UTC");
        var schedule = new CronSchedule(cron, expression, zone);
        var first = schedule.NextAfter(now)
            ?? throw new DomainValidationException($"cron '{cron}' never fires (no such date comes again); name days that exist.", "cron");
        var previous = first;
        for (var i = 0; i < IntervalsChecked && schedule.NextAfter(previous) is { } next; i++, previous = next)
        {
            if (next - previous < MinimumInterval)
            {
                throw new DomainValidationException(
                    $"cron '{cron}' fires {(next - previous).TotalMinutes:0} minutes apart at times; retraining may run at most every {MinimumInterval.TotalMinutes:0} minutes.", "cron");
            }
        }
        return schedule;
    }

    /// <summary>The first occurrence strictly after <paramref name="after"/> (UTC), or null when none comes.</summary>
    public DateTime? NextAfter(DateTime after) => expression.GetNextOccurrence(Utc(after), Zone);

    /// <summary>The newest occurrence in (<paramref name="after"/>, <paramref name="now"/>]: the tick due now, or null when none is.</summary>
    public DateTime? DueBetween(DateTime after, DateTime now)
    {
        if (now <= after)
        {
            return null;
        }
        // Ticks missed while no process ran are not replayed one by one: the newest stands for them all.
        var due = expression.GetOccurrences(Utc(after), Utc(now), Zone, fromInclusive: false, toInclusive: true).LastOrDefault();
        return due == default ? null : due;
    }

    private static DateTime Utc(DateTime instant) => DateTime.SpecifyKind(instant, DateTimeKind.Utc);

    private static TimeZoneInfo FindZone(string id)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception e) when (e is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            throw new DomainValidationException($"timeZone is an IANA time zone such as 'Europe/Paris' or 'UTC'; '{id}' is not one known here.", "timeZone");
        }
    }
}
