namespace Forecast.Domain.Series;

/// <summary>A series' covariates after an append, and whether the append changed them.</summary>
public sealed record AppendedCovariates(Covariates Covariates, bool Changed);

/// <summary>
/// Puts an append's covariate rows on a series with covariates. Every period the append adds needs a value of every
/// covariate, given by the append or already known: the stored known future covers as many new periods as it reaches.
/// The known future is what was known ahead of time (a plan, a forecast of the covariate), so a value the append gives
/// for a period after the series' old end replaces it, as the period's actual value or a newer plan; rows past the new
/// end extend it, as on upload, without a gap. A period of the old history holds an observed value: the same value again
/// is a no-op, another one a conflict unless the append revises, as for the series' own values.
/// </summary>
public static class CovariateAppender
{
    /// <param name="stored">The series' covariates before the append.</param>
    /// <param name="oldCount">The series' length before the append: the periods before it are its history.</param>
    /// <param name="series">The series after the append.</param>
    /// <param name="rows">The append's covariates, each row at a period of the series; a null cell gives nothing.</param>
    /// <param name="maxFuturePeriods">The most periods past the series' end a covariate may be known.</param>
    /// <exception cref="DomainValidationException">A covariate the series does not have (or any, when it has none).</exception>
    /// <exception cref="TimestampException">A row off the grid or repeated, a known future with a gap, or too long.</exception>
    /// <exception cref="ConflictException">A value of the history that differs from the stored one, without revise.</exception>
    /// <exception cref="UnprocessableException">A period of the series after the append with no value of a covariate.</exception>
    public static AppendedCovariates Append(Covariates stored, int oldCount, RegularSeries series, CovariateRows rows, bool revise, int maxFuturePeriods)
    {
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(rows);
        foreach (var name in rows.Names)
        {
            if (!stored.Names.Contains(name, StringComparer.Ordinal))
            {
                throw new DomainValidationException(stored.IsEmpty
                    ? $"The series has no covariates, so an append cannot carry '{name}': covariates come with a series' upload, a value for every period of its history."
                    : $"The series has no covariate '{name}'; its covariates are {string.Join(", ", stored.Names)}.", "covariates");
            }
        }
        var periods = CovariateAlignment.Periods(series, rows.Timestamps);
        var byPeriod = Enumerable.Range(0, periods.Length).OrderBy(r => periods[r]).ToArray();
        var columns = stored.Columns.Select(column =>
        {
            var values = column.Values.ToList();
            var given = rows.Names.ToList().IndexOf(column.Name);
            foreach (var row in byPeriod)
            {
                if (given >= 0 && rows.Columns[given][row] is double value)
                {
                    Put(series, column.Name, values, periods[row], value, row, oldCount, revise);
                }
            }
            Check(series, column, values, periods, maxFuturePeriods);
            return column with { Values = values };
        }).ToList();
        var changed = columns.Zip(stored.Columns).Any(pair => !pair.First.Values.SequenceEqual(pair.Second.Values));
        return new AppendedCovariates(changed ? new Covariates(columns) : stored, changed);
    }

    private static void Put(RegularSeries series, string name, List<double> values, int period, double value, int row, int oldCount, bool revise)
    {
        if (period > values.Count && values.Count < series.Count)
        {
            // A hole in the history after the append (a period the series' policy filled, say), not in the known future.
            throw Missing(series, name, values.Count);
        }
        if (period > values.Count)
        {
            throw new TimestampException(
                $"The covariate '{name}' has a value at {series.Format(series.TimestampAt(period))} but none at {series.Format(series.TimestampAt(values.Count))}: its known future must run on from its last known value without a gap.",
                row, "covariates");
        }
        if (period == values.Count)
        {
            values.Add(value);
            return;
        }
        if (period < oldCount && values[period] != value && !revise)
        {
            throw new ConflictException(
                $"The covariate '{name}' holds {values[period]} at {series.Format(series.TimestampAt(period))}, where the append gives {value}; send revise=true to replace it.");
        }
        values[period] = value;
    }

    /// <summary>The covariate covers the series after the append, and is known no further ahead than allowed.</summary>
    private static void Check(RegularSeries series, Covariate stored, List<double> values, int[] periods, int maxFuturePeriods)
    {
        if (values.Count < series.Count)
        {
            throw Missing(series, stored.Name, values.Count);
        }
        if (stored.PastOnly)
        {
            CovariateAlignment.CheckNoFuture(series, stored.Name, values.Count, periods);
        }
        // Only the append can have made it too long: a stored future was within the limit at a shorter series' end.
        if (values.Count > stored.Values.Count && values.Count - series.Count > maxFuturePeriods)
        {
            throw new TimestampException(
                $"The covariate '{stored.Name}' would be known {values.Count - series.Count} periods past the series' last value ({series.Format(series.End)}); at most {maxFuturePeriods} periods of known future are kept.",
                Array.IndexOf(periods, values.Count - 1), "covariates");
        }
    }

    private static UnprocessableException Missing(RegularSeries series, string name, int period) => new(
        $"The covariate '{name}' has no value at {series.Format(series.TimestampAt(period))}, a period this append adds: an append to a series with covariates gives each of them for every new period its stored known future does not reach.",
        "covariates");
}
