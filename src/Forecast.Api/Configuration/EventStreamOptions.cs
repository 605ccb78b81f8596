using System.ComponentModel.DataAnnotations;

namespace Forecast.Api.Configuration;

/// <summary>How run event streams are served (section <c>Events</c>).</summary>
public sealed class EventStreamOptions
{
    public const string Section = "Events";

    /// <summary>How often a followed run is read: the most an event lags behind the epoch it reports.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:01:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>A comment is sent after this long without an event, so that proxies keep an idle stream open.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan HeartbeatInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Event streams one client key may hold open at once.</summary>
    [Range(1, 10_000)]
    public int MaxStreamsPerKey { get; set; } = 10;
}
