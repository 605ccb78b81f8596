namespace Forecast.Domain.Series;

/// <summary>
/// Puts uploaded covariate rows on a built series' periods: every period of its history needs a value of every
/// covariate (a covariate is never filled, not even where the series' own gap was), and the rows after its end,
/// the known future, run on from it without a gap, each covariate as far as it is known.
/// </summary>
public static class CovariateAlignment
{
    public const int MaxNameLength = 100;

    /// <summary>Names an upload already uses for something else, in any case.</summary>
    public static readonly IReadOnlyList<string> ReservedNames = ["value", "date", "series", "timestamp"];

    /// <param name="maxFuturePeriods">The most periods past the series' end a covariate may be known.</param>
    /// <param name="pastOnly">The names of the covariates known only as they happen (<see cref="Covariate.PastOnly"/>); none by default.</param>
    /// <exception cref="TimestampException">A row at fault (its index in <paramref name="rows"/>): off the series' grid, before its start, repeated, too far ahead, empty or out of turn for a covariate, or a past-only covariate's value after the series' end.</exception>
    /// <exception cref="DomainValidationException">A name that is reserved, too long or unprintable; a covariate without a value at a period the series' fill policy filled; a past-only name that no covariate has.</exception>
    public static Covariates Align(RegularSeries series, CovariateRows rows, int maxFuturePeriods, IReadOnlyCollection<string>? pastOnly = null)
    {
        pastOnly ??= [];
        foreach (var name in pastOnly.Where(name => !rows.Names.Contains(name, StringComparer.Ordinal)))
        {
            throw new DomainValidationException(
                $"pastOnly names '{name}', which is not a covariate of the upload{(rows.Names.Count == 0 ? " (it has none)" : $" ({string.Join(", ", rows.Names)})")}.", "pastOnly");
        }
        if (rows.Names.Count == 0)
        {
            return Covariates.None;
        }
        foreach (var name in rows.Names)
        {
            CheckName(name);
        }
        var periods = Periods(series, rows.Timestamps);
        var end = Math.Max(series.Count, periods.Length == 0 ? 0 : periods.Max() + 1);
        if (end - series.Count > maxFuturePeriods)
        {
            throw new TimestampException(
                $"The covariates run {end - series.Count} periods past the series' last value ({series.Format(series.End)}); at most {maxFuturePeriods} periods of known future may be uploaded.",
                Array.IndexOf(periods, end - 1), "covariates");
        }
        var rowAt = new int?[end];
        for (var r = 0; r < periods.Length; r++)
        {
            rowAt[periods[r]] = r;
        }
        return new Covariates([.. rows.Names.Select((name, c) =>
        {
            var values = Column(series, name, rows.Columns[c], rowAt);
            var isPastOnly = pastOnly.Contains(name);
            if (isPastOnly)
            {
                CheckNoFuture(series, name, values.Length, periods);
            }
            return new Covariate(name, values) { PastOnly = isPastOnly };
        })]);
    }

    /// <summary>A past-only covariate has no known future: it may not run past the series' last value.</summary>
    /// <param name="known">How many periods the covariate has values for.</param>
    /// <param name="periods">Each row's period, to name the row of its first value past the end.</param>
    /// <exception cref="TimestampException">A value after the series' last one.</exception>
    internal static void CheckNoFuture(RegularSeries series, string name, int known, int[] periods)
    {
        if (known > series.Count)
        {
            throw new TimestampException(
                $"The covariate '{name}' is past-only (known only as it happens), so it has no known future, but it has a value at {series.Format(series.TimestampAt(series.Count))}, after the series' last value.",
                Array.IndexOf(periods, series.Count), "covariates");
        }
    }

    private static void CheckName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > MaxNameLength || !PrintableText.Is(name))
        {
            throw new DomainValidationException(
                $"A covariate's name is required and may have at most {MaxNameLength} characters, none of them a control or bidirectional-override character.", "covariates");
        }
        if (ReservedNames.Contains(name, StringComparer.OrdinalIgnoreCase))
        {
            throw new DomainValidationException(
                $"'{name}' cannot name a covariate: {string.Join(", ", ReservedNames)} name the series' own columns.", "covariates");
        }
    }

    /// <summary>Each row's period of the series.</summary>
    /// <exception cref="TimestampException">A row off the series' grid, before its start, or at a period another row has.</exception>
    internal static int[] Periods(RegularSeries series, IReadOnlyList<DateTime> timestamps)
    {
        var periods = new int[timestamps.Count];
        var seen = new HashSet<int>();
        for (var r = 0; r < timestamps.Count; r++)
        {
            var period = series.Frequency.PeriodOf(series.Start, timestamps[r]);
            if (period is not int p || p < 0)
            {
                throw new TimestampException(
                    $"Timestamp {FrequencyExtensions.Describe(timestamps[r])} is not one of the series' periods ({series.Frequency.Name()} from its first value, {series.Format(series.Start)}), so its covariates go with none.",
                    r, "covariates");
            }
            if (!seen.Add(p))
            {
                throw new TimestampException($"Timestamp {series.Format(timestamps[r])} appears twice.", r, "covariates");
            }
            periods[r] = p;
        }
        return periods;
    }

    /// <returns>The covariate's values from the series' first period to the last it is known at.</returns>
    private static double[] Column(RegularSeries series, string name, IReadOnlyList<double?> cells, int?[] rowAt)
    {
        double? ValueAt(int t) => rowAt[t] is int r ? cells[r] : null;
        for (var t = 0; t < series.Count; t++)
        {
            if (ValueAt(t) is not null)
            {
                continue;
            }
            var when = series.Format(series.TimestampAt(t));
            throw rowAt[t] is int row
                ? new TimestampException($"The covariate '{name}' has no value at {when}: a covariate needs one at every period of the series' history, and is never filled.", row, "covariates")
                : new DomainValidationException(
                    $"The covariate '{name}' has no value at {when}, a period missing from the upload that the series' fill policy filled: a covariate is never filled, so upload the period with its covariates.",
                    "covariates");
        }
        var known = series.Count;
        while (known < rowAt.Length && ValueAt(known) is not null)
        {
            known++;
        }
        for (var t = known + 1; t < rowAt.Length; t++)
        {
            if (ValueAt(t) is not null)
            {
                throw new TimestampException(
                    $"The covariate '{name}' has a value at {series.Format(series.TimestampAt(t))} but none at {series.Format(series.TimestampAt(known))}: its known future must run on from the series' end without a gap.",
                    rowAt[t]!.Value, "covariates");
            }
        }
        return [.. Enumerable.Range(0, known).Select(t => ValueAt(t)!.Value)];
    }
}
