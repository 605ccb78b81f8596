using Forecast.Domain;
using Forecast.Domain.Series;

namespace Forecast.Api.Series;

/// <summary>Timestamped points read from CSV, with the line each came from, and the covariate rows with theirs.</summary>
public sealed record CsvPoints(List<DateTime> Dates, List<double> Values, PointLines Lines, CovariateRows Covariates, PointLines CovariateLines);

/// <summary>
/// Reads a CSV of a timestamp, a value and optionally covariates (<c>date,value,price,promo</c>; the header names them,
/// and is optional without them; <see cref="CsvRows"/> for what is tolerated). A row with an empty value is a missing
/// observation: it is left out, and the gap it leaves is handled by the series' fill policy; the rows after the last
/// value carry the covariates' known future. Every error names the line at fault.
/// </summary>
public static class CsvSeriesReader
{
    /// <param name="maxCovariates">The most covariate columns a header may name.</param>
    public static CsvPoints Read(TextReader text, int maxPoints, int maxLineLength, int maxCovariates)
    {
        var points = new CsvPoints([], [], new PointLines(), CovariateRows.None, new PointLines());
        var covariateTimestamps = new List<DateTime>();
        string[] names = [];
        List<double?>[] columns = [];
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
                names = CovariateHeader.Check(record[2..], line, maxCovariates);
                columns = [.. names.Select(_ => new List<double?>())];
                continue;
            }
            var date = CsvRows.Timestamp(record[0], line, ref format);
            var value = CsvRows.Value(record[1], line);
            if (record.Length != 2 + names.Length)
            {
                throw new DomainValidationException(names.Length == 0
                    ? $"CSV line {line}: {record.Length} columns, but no header names the ones after the value; a covariate column needs a header (date,value,price,...)."
                    : $"CSV line {line}: {record.Length} columns, but the header names {2 + names.Length} (date, value, {string.Join(", ", names)}).", "file");
            }
            if (names.Length > 0)
            {
                covariateTimestamps.Add(date);
                points.CovariateLines.Add(line);
                for (var c = 0; c < names.Length; c++)
                {
                    columns[c].Add(CsvRows.Value(record[2 + c], line));
                }
            }
            if (value is null)
            {
                continue;
            }
            points.Dates.Add(date);
            points.Values.Add(value.Value);
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
        return points with { Covariates = names.Length == 0 ? CovariateRows.None : new CovariateRows(covariateTimestamps, names, columns) };
    }
}
