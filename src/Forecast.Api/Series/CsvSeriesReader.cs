using Forecast.Domain;

namespace Forecast.Api.Series;

/// <summary>Timestamped points read from CSV, with the line each came from.</summary>
public sealed record CsvPoints(List<DateTime> Dates, List<double> Values, PointLines Lines);

/// <summary>
/// Reads a two-column CSV (date, value), header optional (<see cref="CsvRows"/> for what is tolerated). A row with
/// an empty value is a missing observation: it is left out, and the gap it leaves is handled by the series' fill
/// policy. Every error names the line at fault.
/// </summary>
public static class CsvSeriesReader
{
    public static CsvPoints Read(TextReader text, int maxPoints, int maxLineLength)
    {
        var points = new CsvPoints([], [], new PointLines());
        string? format = null;
        var first = true;
        foreach (var (line, record) in CsvRows.Read(text, maxLineLength))
        {
            if (record.Length < 2)
            {
                throw new DomainValidationException($"CSV line {line}: expected a timestamp and a value, found {record.Length} column(s).", "file");
            }
            var header = first && !TimestampText.TryParse(record[0], out _, out _);
            first = false;
            if (header)
            {
                continue;
            }
            var date = CsvRows.Timestamp(record[0], line, ref format);
            if (CsvRows.Value(record[1], line) is not { } value)
            {
                continue;
            }
            points.Dates.Add(date);
            points.Values.Add(value);
            points.Lines.Add(line);
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
}
