using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Forecast.Domain;

namespace Forecast.Api.Series;

/// <summary>
/// The rows of an uploaded CSV with their line numbers: delimiter detected (comma, semicolon, tab), quotes, a BOM
/// and blank lines tolerated, fields trimmed; a line over the length limit or malformed quoting is refused,
/// naming the line. Shared by the single-series and the collection readers, so both read CSV alike.
/// </summary>
internal static class CsvRows
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM", "yyyy/MM/dd", "yyyy/MM", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-ddTHH:mm:ssZ", "yyyy",
    ];

    public static IEnumerable<(long Line, string[] Fields)> Read(TextReader text, int maxLineLength)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            HasHeaderRecord = false,
            DetectDelimiter = true,
            DetectDelimiterValues = [",", ";", "\t"],
            IgnoreBlankLines = true,
            TrimOptions = TrimOptions.Trim,
            BadDataFound = args => throw new DomainValidationException(
                $"CSV line {args.Context.Parser?.RawRow}: malformed field ({args.Field}).", "file"),
        };
        using var csv = new CsvParser(text, config);
        while (Next(csv))
        {
            if (csv.RawRecord.Length > maxLineLength)
            {
                throw new DomainValidationException($"CSV line {csv.RawRow} is longer than {maxLineLength} characters.", "file");
            }
            yield return (csv.RawRow, csv.Record!);
        }
    }

    public static bool TryParseDate(string field, out DateOnly date, out string format)
    {
        foreach (var candidate in DateFormats)
        {
            if (DateTime.TryParseExact(field, candidate, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out var parsed)
                && parsed.TimeOfDay == TimeSpan.Zero)
            {
                date = DateOnly.FromDateTime(parsed);
                format = candidate;
                return true;
            }
        }
        date = default;
        format = "";
        return false;
    }

    /// <summary>A date in the file's one format: the first date fixes it, so that 01/02 cannot mean two days.</summary>
    public static DateOnly Date(string field, long line, ref string? fileFormat)
    {
        if (!TryParseDate(field, out var date, out var format))
        {
            throw new DomainValidationException($"CSV line {line}: '{Clip(field)}' is not a date (use e.g. 2024-01-31).", "file");
        }
        fileFormat ??= format;
        if (format != fileFormat)
        {
            throw new DomainValidationException(
                $"CSV line {line}: date '{Clip(field)}' is written as {format}, but earlier lines use {fileFormat}; use one format.", "file");
        }
        return date;
    }

    /// <summary>A value, or null for an empty field: a missing observation, filled by the fill policy.</summary>
    public static double? Value(string field, long line)
    {
        if (field.Length == 0)
        {
            return null;
        }
        return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new DomainValidationException($"CSV line {line}: '{Clip(field)}' is not a finite number.", "file");
    }

    public static string Clip(string field) => field.Length <= 40 ? field : field[..40] + "...";

    private static bool Next(CsvParser csv)
    {
        try
        {
            return csv.Read();
        }
        catch (CsvHelperException e)
        {
            throw new DomainValidationException($"CSV line {csv.RawRow}: {e.Message.Split('\n')[0]}", "file");
        }
    }
}
