namespace Forecast.Domain.Series;

/// <summary>A series with new observations added, and what they did to it.</summary>
/// <param name="Series">The series after the append.</param>
/// <param name="FilledGaps">Every period of it that holds a filled value, not an observation.</param>
/// <param name="Appended">Observations after the old end.</param>
/// <param name="Unchanged">Observations that repeated a stored one with the same value: no-ops.</param>
/// <param name="Supplied">Periods that held a filled value and now hold an observation.</param>
/// <param name="Revised">Periods whose observation was replaced by another value, as asked with revise.</param>
/// <param name="NewlyFilled">Periods missing between the old end and the new observations, filled by the series' policy.</param>
/// <param name="FirstChanged">The first period whose value the append changed; the series' count when it changed none.</param>
public sealed record AppendedSeries(
    RegularSeries Series,
    IReadOnlyList<DateTime> FilledGaps,
    int Appended,
    int Unchanged,
    IReadOnlyList<DateTime> Supplied,
    IReadOnlyList<DateTime> Revised,
    IReadOnlyList<DateTime> NewlyFilled,
    int FirstChanged)
{
    /// <summary>False when every observation repeated what the series holds: nothing is stored and the version stays.</summary>
    public bool Changed => Appended > 0 || Supplied.Count > 0 || Revised.Count > 0;
}

/// <summary>
/// Adds observations to a stored series, as a feed sends them: after its end (continuing its frequency, missing
/// periods filled by its policy) or at periods it already has. An observation equal to the stored one is a no-op;
/// one that differs is a conflict unless the caller asks to revise; one at a period that held a filled value supplies it.
/// </summary>
public static class SeriesAppender
{
    /// <param name="dates">The observations' timestamps, strictly increasing; null to continue from the series' end.</param>
    /// <param name="maxPoints">The most points the series may hold after the append.</param>
    /// <param name="maxAppend">The most observations one append may carry.</param>
    /// <exception cref="DomainValidationException">Malformed points: unpaired, unordered, off the grid, before the start, too many.</exception>
    /// <exception cref="UnprocessableException">Missing periods under the Refuse policy.</exception>
    /// <exception cref="ConflictException">An observation differs from the stored one and <paramref name="revise"/> is false.</exception>
    public static AppendedSeries Append(RegularSeries series, IReadOnlyList<DateTime> filledGaps, GapFillPolicy policy,
        IReadOnlyList<DateTime>? dates, IReadOnlyList<double> values, bool revise, int maxPoints, int maxAppend)
    {
        if (values.Count == 0)
        {
            throw new DomainValidationException("values is empty; send at least one observation.", "values");
        }
        if (values.Count > maxAppend)
        {
            throw new DomainValidationException($"One append may carry at most {maxAppend} observations; this one has {values.Count}.", "values");
        }
        SeriesBuilder.CheckFinite(values);
        dates ??= Enumerable.Range(series.Count, values.Count).Select(series.TimestampAt).ToArray();
        if (dates.Count != values.Count)
        {
            throw new DomainValidationException($"There are {dates.Count} timestamps but {values.Count} values; they must pair up.", "timestamps");
        }
        SeriesBuilder.CheckIncreasing(dates);
        // Every point's period before anything is changed, so the one off the grid is named by its own index.
        var periods = dates.Select((date, i) => PeriodOf(series, date, i)).ToArray();

        var updated = series.Values.ToList();
        var gaps = new HashSet<DateTime>(filledGaps);
        List<DateTime> supplied = [], revised = [];
        var unchanged = 0;
        var firstNew = dates.Count;
        var firstChanged = series.Count;
        for (var i = 0; i < dates.Count; i++)
        {
            var period = periods[i];
            if (period >= series.Count)
            {
                firstNew = i;
                break;
            }
            if (gaps.Remove(dates[i]))
            {
                supplied.Add(dates[i]);
            }
            else if (updated[period] == values[i])
            {
                unchanged++;
                continue;
            }
            else if (!revise)
            {
                throw new ConflictException(
                    $"The series holds {updated[period]} at {series.Format(dates[i])} (point {i + 1} of the append carries {values[i]}); send revise=true to replace it.");
            }
            else
            {
                revised.Add(dates[i]);
            }
            updated[period] = values[i];
            firstChanged = Math.Min(firstChanged, period);
        }

        var newlyFilled = Extend(series, updated, dates.Skip(firstNew).ToArray(), values.Skip(firstNew).ToArray(), policy, maxPoints);
        gaps.UnionWith(newlyFilled);
        return new AppendedSeries(series with { Values = updated }, [.. gaps.Order()], dates.Count - firstNew, unchanged, supplied, revised, newlyFilled,
            firstChanged);
    }

    /// <returns>The periods filled between the old end and the new observations.</returns>
    private static IReadOnlyList<DateTime> Extend(
        RegularSeries series, List<double> updated, DateTime[] dates, double[] values, GapFillPolicy policy, int maxPoints)
    {
        if (dates.Length == 0)
        {
            return [];
        }
        // Regularised from the series' last point, so a gap after it is filled exactly as one inside an upload is.
        var last = series.Count - 1;
        var extension = SeriesBuilder.Regularize([series.End, .. dates], [updated[last], .. values], series.Frequency, policy, maxPoints);
        if (last + extension.Series.Count > maxPoints)
        {
            throw new DomainValidationException(
                $"A series may have at most {maxPoints} points; with this append it would have {last + extension.Series.Count}.", "values");
        }
        updated.AddRange(extension.Series.Values.Skip(1));
        return extension.FilledGaps;
    }

    private static int PeriodOf(RegularSeries series, DateTime date, int index)
    {
        var period = series.Frequency.PeriodOf(series.Start, date) ?? throw new TimestampException(
            $"Timestamp {FrequencyExtensions.Describe(date)} (point {index + 1}) is not on the series' {series.Frequency.Name()} grid, which starts {series.Format(series.Start)}.",
            index);
        return period >= 0 ? period : throw new TimestampException(
            $"Timestamp {series.Format(date)} (point {index + 1}) is before the series' start, {series.Format(series.Start)}; observations extend a series, they do not go before it.",
            index);
    }
}
