using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Forecast.Domain;

namespace Forecast.Api.Series;

/// <summary>Dated points read from CSV.</summary>
public sealed record CsvPoints(List<DateOnly> Dates, List<double> Values);

/// <summary>
/// Reads a two-column CSV (date, value): header optional, delimiter detected (comma, semicolon, tab),
/// quotes, a BOM and blank lines tolerated. A row with an empty value is a missing observation: it is
/// left out, and the gap it leaves is handled by the series' fill policy. Every error names the line at fault.
/// </summary>
public static class CsvSeriesReader
{
    private static readonly string[] DateFormats =
    [
        "yyyy-MM-dd", "yyyy-MM", "yyyy/MM/dd", "yyyy/MM", "yyyy-MM-ddTHH:mm:ss", "yyyy-MM-dd HH:mm:ss",
        "yyyy-MM-ddTHH:mm:ssZ", "yyyy",
    ];

    public static CsvPoints Read(TextReader text, int maxPoints, int maxLineLength)
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
        var points = new CsvPoints([], []);
        string? format = null;
        var first = true;
        while (Read(csv))
        {
            var line = csv.RawRow;
            if (csv.RawRecord.Length > maxLineLength)
            {
                throw new DomainValidationException($"CSV line {line} is longer than {maxLineLength} characters.", "file");
            }
            var record = csv.Record!;
            if (record.Length < 2)
            {
                throw new DomainValidationException($"CSV line {line}: expected a date and a value, found {record.Length} column(s).", "file");
            }
            if (first && !TryParseDate(record[0], out _, out _))
            {
                first = false; // a header row
                continue;
            }
            first = false;
            if (!TryParseDate(record[0], out var date, out var dateFormat))
            {
                throw new DomainValidationException($"CSV line {line}: '{Clip(record[0])}' is not a date (use e.g. 2024-01-31).", "file");
            }
            format ??= dateFormat;
            if (dateFormat != format)
            {
                throw new DomainValidationException(
                    $"CSV line {line}: date '{Clip(record[0])}' is written as {dateFormat}, but earlier lines use {format}; use one format.", "file");
            }
            if (record[1].Length == 0)
            {
                continue;
            }
            if (!double.TryParse(record[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value))
            {
                throw new DomainValidationException($"CSV line {line}: '{Clip(record[1])}' is not a finite number.", "file");
            }
            points.Dates.Add(date);
            points.Values.Add(value);
            if (points.Values.Count > maxPoints)
            {
                throw new DomainValidationException($"The CSV has more than {maxPoints} points, the most a series may have.", "file");
            }
        }
        if (points.Values.Count == 0)
        {
            throw new DomainValidationException("The CSV holds no data rows.", "file");
        }
        return points;
    }

    private static bool Read(CsvParser csv)
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

    private static bool TryParseDate(string field, out DateOnly date, out string format)
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

    private static string Clip(string field) => field.Length <= 40 ? field : field[..40] + "...";
}
