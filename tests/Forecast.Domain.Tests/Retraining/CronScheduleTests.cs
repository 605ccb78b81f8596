using Forecast.Domain.Retraining;

namespace Forecast.Domain.Tests.Retraining;

/// <summary>A cron schedule read in its time zone: when it fires across daylight saving time, what is due, and what is refused.</summary>
public sealed class CronScheduleTests
{
    private static readonly DateTime Now = new(2027, 3, 1, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void Three_in_the_morning_in_Paris_is_two_UTC_in_winter_and_one_UTC_after_the_clocks_go_forward()
    {
        var schedule = CronSchedule.Parse("0 3 * * *", "Europe/Paris", Now);

        Assert.Equal(new DateTime(2027, 3, 2, 2, 0, 0, DateTimeKind.Utc), schedule.NextAfter(Now));
        // Summer time starts on Sunday 28 March 2027.
        Assert.Equal(new DateTime(2027, 3, 29, 1, 0, 0, DateTimeKind.Utc), schedule.NextAfter(new DateTime(2027, 3, 28, 12, 0, 0, DateTimeKind.Utc)));
    }

    [Fact]
    public void Only_the_newest_missed_tick_is_due_so_a_process_down_for_days_retrains_once()
    {
        var schedule = CronSchedule.Parse("0 3 * * *", null, Now);

        Assert.Equal(new DateTime(2027, 3, 5, 3, 0, 0, DateTimeKind.Utc), schedule.DueBetween(Now, new DateTime(2027, 3, 5, 9, 0, 0, DateTimeKind.Utc)));
        Assert.Null(schedule.DueBetween(Now, new DateTime(2027, 3, 2, 2, 59, 0, DateTimeKind.Utc)));
        // A tick exactly at the instant served is not due again.
        Assert.Null(schedule.DueBetween(new DateTime(2027, 3, 2, 3, 0, 0, DateTimeKind.Utc), new DateTime(2027, 3, 2, 3, 0, 0, DateTimeKind.Utc)));
    }

    [Theory]
    [InlineData("0 3 30 2 *", null, "never fires")]
    [InlineData("*/5 * * * *", null, "at most every 15 minutes")]
    [InlineData("0,10 3 * * *", null, "10 minutes apart")]
    [InlineData("0 3 * *", null, "five fields")]
    [InlineData("0 0 3 * * *", null, "five fields")]
    [InlineData("0 3 * * *", "Mars/Olympus_Mons", "not one known here")]
    public void A_schedule_that_never_fires_fires_too_often_or_is_not_one_is_refused_saying_so(string cron, string? zone, string because)
    {
        var refused = Assert.ThrowsAny<DomainValidationException>(() => CronSchedule.Parse(cron, zone, Now));

        Assert.Contains(because, refused.Message, StringComparison.Ordinal);
        Assert.Equal(zone is null ? "cron" : "timeZone", refused.Field);
    }

    [Fact]
    public void A_schedule_every_quarter_of_an_hour_is_the_most_frequent_allowed()
    {
        Assert.Equal(new DateTime(2027, 3, 1, 12, 15, 0, DateTimeKind.Utc), CronSchedule.Parse("*/15 * * * *", null, Now).NextAfter(Now));
    }
}
