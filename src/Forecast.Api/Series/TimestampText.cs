using System.Globalization;
using Forecast.Domain;

namespace Forecast.Api.Series;

/// <summary>
/// Timestamps as uploads write them, read into the UTC <see cref="DateTime"/>s Domain takes: a date (midnight UTC) in
/// one of a few formats, or an ISO 8601 date-time, converted to UTC by its offset (taken as UTC without one). Shared
/// by CSV, JSON and the query string, so every way in reads timestamps alike.
/// </summary>
public static class TimestampText
{
    /// <summary>The name that stands for every date-time layout: offsets may change within a file (daylight saving).</summary>
    public const string DateTimeFormat = "an ISO 8601 date-time";

    private static readonly string[] DateFormats = ["yyyy-MM-dd", "yyyy-MM", "yyyy/MM/dd", "yyyy/MM", "yyyy"];

    private static readonly string[] DateTimeLayouts =
    [
        "yyyy-MM-dd'T'HH:mm:ssK", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFK", "yyyy-MM-dd'T'HH:mmK",
        "yyyy-MM-dd HH:mm:ssK", "yyyy-MM-dd HH:mm:ss.FFFFFFFK", "yyyy-MM-dd HH:mmK",
    ];

    /// <param name="format">The date format it was written in, or <see cref="DateTimeFormat"/>: one file keeps to one.</param>
    public static bool TryParse(string text, out DateTime timestamp, out string format)
    {
        const DateTimeStyles utc = DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal;
        foreach (var candidate in DateFormats)
        {
            if (DateTime.TryParseExact(text, candidate, CultureInfo.InvariantCulture, utc, out timestamp))
            {
                format = candidate;
                return true;
            }
        }
        format = DateTimeFormat;
        return DateTime.TryParseExact(text, DateTimeLayouts, CultureInfo.InvariantCulture, utc, out timestamp);
    }

    /// <summary>A timestamp in the format of those before it, which the first fixes: a date and a date-time never mix.</summary>
    /// <param name="where">Where it stands, to begin a refusal: "CSV line 3", "timestamps[2]".</param>
    /// <exception cref="DomainValidationException">Not a timestamp, or written unlike the first.</exception>
    public static DateTime Parse(string text, string where, string field, ref string? fixedFormat)
    {
        if (!TryParse(text, out var timestamp, out var format))
        {
            throw new DomainValidationException(
                $"{where}: '{Clip(text)}' is not a date or a date-time (use e.g. 2024-01-31, or 2024-01-31T13:00:00+01:00).", field);
        }
        fixedFormat ??= format;
        if (format != fixedFormat)
        {
            throw new DomainValidationException(
                $"{where}: '{Clip(text)}' is written as {format}, but the first timestamp as {fixedFormat}; use one format.", field);
        }
        return timestamp;
    }

    /// <summary>A JSON array of timestamps, each refusal naming its index.</summary>
    public static DateTime[]? ParseAll(IReadOnlyList<string>? texts, string field)
    {
        string? format = null;
        return texts?.Select((text, i) => Parse(text, $"{field}[{i}]", field, ref format)).ToArray();
    }

    /// <summary>One timestamp from JSON or a query string.</summary>
    public static DateTime? ParseOne(string? text, string field)
    {
        string? format = null;
        return text is null ? null : Parse(text, field, field, ref format);
    }

    public static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
