using Forecast.Api.Series;
using Forecast.Domain;
using Forecast.Domain.Series;

namespace Forecast.Api.Collections;

/// <summary>
/// Reads a long CSV, one row per member and date (<c>series,date,value</c>), header required. The id column is the
/// one named by <c>idColumn</c>, else the one called series, id, unique_id or key; the date column is called date,
/// ds or timestamp, else it is the first other column; the value column is called value or y, else it is the next.
/// Rows may come in any order; each member's are put in date order, and a date given twice is refused with both lines.
/// Every other column is a covariate named by its header (<c>series,date,value,price,promo</c>), carried by every member;
/// a member's rows with an empty value after its last one are its covariates' known future, as in a series' CSV.
/// </summary>
public static class CollectionCsvReader
{
    private static readonly string[] IdNames = ["series", "id", "unique_id", "key"];
    private static readonly string[] DateNames = ["date", "ds", "timestamp"];
    private static readonly string[] ValueNames = ["value", "y"];

    /// <param name="maxPoints">The most points the CSV may hold, the <paramref name="limit"/> named when it holds more.</param>
    /// <param name="limit">What the limit is, in words, e.g. "the most a collection may have (Limits:Collections:MaxTotalPoints)".</param>
    /// <param name="maxCovariates">The most covariate columns the header may name.</param>
    public static IReadOnlyList<MemberPoints> Read(TextReader text, string? idColumn, int maxPoints, string limit, int maxLineLength, int maxCovariates)
    {
        var members = new Dictionary<string, Member>(StringComparer.Ordinal);
        (int Id, int Date, int Value, int[] Covariates)? columns = null;
        string[] names = [];
        string? format = null;
        var points = 0;
        foreach (var (line, record) in CsvRows.Read(text, maxLineLength))
        {
            if (columns is not { } c)
            {
                columns = Columns(record, idColumn);
                names = CovariateHeader.Check([.. columns.Value.Covariates.Select(i => record[i])], line, maxCovariates);
                continue;
            }
            if (record.Length <= Math.Max(c.Id, Math.Max(c.Date, c.Value)) || (names.Length > 0 && record.Length != 3 + names.Length))
            {
                throw new DomainValidationException(names.Length == 0
                    ? $"CSV line {line}: expected {c.Value + 1} or more columns as in the header, found {record.Length}."
                    : $"CSV line {line}: {record.Length} columns, but the header names {3 + names.Length}.", "file");
            }
            var key = record[c.Id];
            if (key.Length == 0)
            {
                throw new DomainValidationException($"CSV line {line}: the member key is empty.", "file");
            }
            var date = CsvRows.Timestamp(record[c.Date], line, ref format);
            if (!members.TryGetValue(key, out var member))
            {
                member = new Member(line, names.Length);
                members.Add(key, member);
            }
            if (names.Length > 0)
            {
                member.CovariateRows.Add((date, [.. c.Covariates.Select(i => CsvRows.Value(record[i], line))]));
            }
            if (CsvRows.Value(record[c.Value], line) is not { } value)
            {
                continue;
            }
            if (++points > maxPoints)
            {
                throw new DomainValidationException($"The CSV has more than {maxPoints} points, {limit}.", "file");
            }
            member.Rows.Add((date, value, line));
        }
        if (columns is null || members.Count == 0)
        {
            throw new DomainValidationException("The CSV holds no data rows; send a header (series,date,value) and one row per member and date.", "file");
        }
        return members.Select(m => m.Value.ToPoints(m.Key, names)).ToList();
    }

    /// <returns>The id, date and value columns, and the others: the covariates.</returns>
    private static (int Id, int Date, int Value, int[] Covariates) Columns(string[] header, string? idColumn)
    {
        var names = header.Select(h => h.ToLowerInvariant()).ToList();
        var id = idColumn is { Length: > 0 }
            ? names.IndexOf(idColumn.ToLowerInvariant())
            : names.FindIndex(IdNames.Contains);
        if (id < 0)
        {
            throw new DomainValidationException(idColumn is { Length: > 0 }
                ? $"CSV line 1: there is no column '{idColumn}' (idColumn); the header is {string.Join(",", header)}."
                : $"CSV line 1: no member id column; call it series, id, unique_id or key, or name it with ?idColumn=. The header is {string.Join(",", header)}.",
                "idColumn");
        }
        var others = Enumerable.Range(0, header.Length).Where(i => i != id).ToList();
        var date = others.FirstOrDefault(i => DateNames.Contains(names[i]), others.FirstOrDefault(-1));
        var value = others.FirstOrDefault(i => i != date && ValueNames.Contains(names[i]), others.FirstOrDefault(i => i != date, -1));
        if (date < 0 || value < 0)
        {
            throw new DomainValidationException($"CSV line 1: expected a member id, a date and a value column; the header is {string.Join(",", header)}.", "file");
        }
        return (id, date, value, [.. others.Where(i => i != date && i != value)]);
    }

    private sealed class Member(long firstLine, int covariates)
    {
        public List<(DateTime Date, double Value, long Line)> Rows { get; } = [];

        /// <summary>Every row's date and covariate values, those of rows without a value too.</summary>
        public List<(DateTime Date, double?[] Values)> CovariateRows { get; } = [];

        public MemberPoints ToPoints(string key, string[] names)
        {
            var rows = Rows.OrderBy(r => r.Date).ToList();
            for (var i = 1; i < rows.Count; i++)
            {
                if (rows[i].Date == rows[i - 1].Date)
                {
                    var (a, b) = (Math.Min(rows[i].Line, rows[i - 1].Line), Math.Max(rows[i].Line, rows[i - 1].Line));
                    throw new DomainValidationException($"Member '{key}': {FrequencyExtensions.Describe(rows[i].Date)} is given twice (CSV lines {a} and {b}).", "file");
                }
            }
            var covariateRows = CovariateRows.OrderBy(r => r.Date).ToList();
            return new MemberPoints(key, rows.Select(r => r.Date).ToList(), rows.Select(r => r.Value).ToList(), $"from CSV line {firstLine}")
            {
                Covariates = covariates == 0 ? Domain.Series.CovariateRows.None : new Domain.Series.CovariateRows(
                    [.. covariateRows.Select(r => r.Date)], names,
                    [.. Enumerable.Range(0, covariates).Select(c => (IReadOnlyList<double?>)[.. covariateRows.Select(r => r.Values[c])])]),
            };
        }
    }
}
