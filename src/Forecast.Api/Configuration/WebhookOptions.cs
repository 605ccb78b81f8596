using System.ComponentModel.DataAnnotations;

namespace Forecast.Api.Configuration;

/// <summary>How webhooks are delivered (section <c>Webhooks</c>). The address rules default to strict outside Development.</summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Only https destinations; null for the default, true outside Development.</summary>
    public bool? RequireHttps { get; set; }

    /// <summary>Destinations that resolve to loopback, link-local or private addresses; null for the default, true only in Development.</summary>
    public bool? AllowPrivateAddresses { get; set; }

    /// <summary>Tries per delivery, the first included; the waits between them grow threefold from <see cref="FirstRetryDelay"/>.</summary>
    [Range(1, 20)]
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The wait before the second try: 1 min, then 3, 9, 27, 81, 243 and 729 min, eight tries over about 18 hours.</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often a process looks for retries that are due: the most a retry starts late.</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00")]
    public TimeSpan RetryPollInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>How long a receiver has to answer one try.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:01:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Webhooks one client key may register.</summary>
    [Range(1, 1000)]
    public int MaxPerKey { get; set; } = 20;
}
