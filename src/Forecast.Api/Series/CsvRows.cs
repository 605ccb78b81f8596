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

    /// <summary>A timestamp in the file's one format: the first fixes it, so that 01/02 cannot mean two days.</summary>
    public static DateTime Timestamp(string field, long line, ref string? fileFormat) =>
        TimestampText.Parse(field, $"CSV line {line}", "file", ref fileFormat);

    /// <summary>A value, or null for an empty field: a missing observation, filled by the fill policy.</summary>
    public static double? Value(string field, long line)
    {
        if (field.Length == 0)
        {
            return null;
        }
        return double.TryParse(field, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && double.IsFinite(value)
            ? value
            : throw new DomainValidationException($"CSV line {line}: '{TimestampText.Clip(field)}' is not a finite number.", "file");
    }

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
