using Forecast.Domain.Series;

namespace Forecast.Domain.Runs;

/// <summary>A series run's seasons, resolved.</summary>
/// <param name="Period">The longest season: the lag of seasonal naive and the MASE scale, as R's msts takes its frequency.</param>
/// <param name="Periods">Every season, shortest first, when there are two or three; null for one.</param>
/// <param name="Choice">Why, in words, when the service chose them; null when the client did.</param>
internal sealed record Seasons(int Period, IReadOnlyList<int>? Periods, string? Choice);

public sealed partial class HyperparameterResolver
{
    /// <summary>The most seasons a run decomposes: a day, a week and a year is the most any frequency has.</summary>
    public const int MaxSeasonalPeriods = 3;

    /// <summary>
    /// A season must fit three times into the part it is estimated from: STL needs more than two cycles, and a third keeps
    /// the yearly or weekly smoother from resting on a single cycle at either end.
    /// </summary>
    public const int CyclesPerSeason = 3;

    /// <summary>
    /// The seasons of a run on one series: the client's seasonalPeriods, checked; else its seasonalPeriod alone; else, for a
    /// method that decomposes several seasons on a sub-daily series whose training part holds <see cref="CyclesPerSeason"/>
    /// weeks, the day and the week; else the frequency's one season.
    /// </summary>
    /// <remarks>
    /// A method of one season keeps the day by default: its season would be the week's, which ets cannot model (R's ets
    /// leaves a season longer than 24 out) and arima can fit only at great cost, so the daily season would be lost.
    /// </remarks>
    /// <param name="trainingPoints">The points the seasons are estimated from: the training part.</param>
    /// <param name="trainingPart">Those points in words, for messages.</param>
    /// <param name="severalSeasons">Whether the run's method decomposes several seasons (mstl).</param>
    /// <exception cref="DomainValidationException">seasonalPeriods empty, too long, out of range, not ascending, or at odds with seasonalPeriod.</exception>
    /// <exception cref="UnprocessableException">A period longer than a third of the training part.</exception>
    private Seasons ResolveSeasons(HyperparameterRequest request, Frequency frequency, int trainingPoints, string trainingPart, bool severalSeasons)
    {
        if (request.SeasonalPeriods is { } asked)
        {
            var periods = CheckSeasonalPeriods(asked, request.SeasonalPeriod);
            if (periods[^1] * CyclesPerSeason > trainingPoints)
            {
                throw new UnprocessableException(
                    $"seasonalPeriods {string.Join(", ", periods)}: each must fit {CyclesPerSeason} times into {trainingPart} ({trainingPoints} points), so none may exceed {trainingPoints / CyclesPerSeason}.",
                    "seasonalPeriods");
            }
            // The periods are kept either way, so seasonal naive and the MASE scale are the same for every method asked.
            var oneModelled = periods.Length > 1 && !severalSeasons
                ? $"seasonalPeriods {string.Join(", ", periods)}: this method models one season, the longest ({periods[^1]}), also the lag of seasonal naive and the MASE scale; mstl decomposes each."
                : null;
            return new Seasons(periods[^1], periods.Length > 1 ? periods : null, oneModelled);
        }
        var day = frequency.SeasonalPeriod();
        var week = 7 * day;
        if (request.SeasonalPeriod is not null || !frequency.IsSubDaily() || week * CyclesPerSeason > trainingPoints)
        {
            return new Seasons(request.SeasonalPeriod ?? day, null, null);
        }
        return severalSeasons
            ? new Seasons(week, [day, week],
                $"seasonal periods {day} and {week} from the series' frequency, a day and a week, which {trainingPart} holds {CyclesPerSeason} times: both are decomposed, and the longer one is the lag of seasonal naive and the MASE scale.")
            : new Seasons(day, null,
                $"seasonal period {day} from the series' frequency, a day: the lag of seasonal naive, the MASE scale and the one season this method models; mstl would model the week ({week}) as well, as seasonalPeriods [{day}, {week}] would.");
    }

    /// <summary>
    /// The lstm's seasons: a transform that deseasonalizes takes every one of several out by MSTL, so the choice says so
    /// rather than that the method models one season; any other transform keeps the one season (a seasonal difference's lag).
    /// </summary>
    /// <param name="pipeline">The transform asked for; null for "auto", which decides while training.</param>
    private static Seasons NetworkSeasons(Seasons seasons, TransformPipeline? pipeline)
    {
        if (seasons.Periods is not { } periods || pipeline is { Deseasonalize: false })
        {
            return seasons;
        }
        var listed = string.Join(" and ", periods);
        return seasons with
        {
            Choice = pipeline is null
                ? $"seasonalPeriods {string.Join(", ", periods)}: if transform auto deseasonalizes, the lstm takes out the seasons of {listed} by MSTL; otherwise it models one season, the longest ({periods[^1]}), also the lag of seasonal naive and the MASE scale."
                : $"seasonalPeriods {string.Join(", ", periods)}: the lstm deseasonalizes by MSTL with the seasons of {listed}; the longest ({periods[^1]}) is also the lag of seasonal naive and the MASE scale.",
        };
    }

    /// <returns>The periods, shortest first.</returns>
    private int[] CheckSeasonalPeriods(IReadOnlyList<int> asked, int? seasonalPeriod)
    {
        if (asked.Count is 0 or > MaxSeasonalPeriods)
        {
            throw new DomainValidationException($"seasonalPeriods lists 1 to {MaxSeasonalPeriods} periods; got {asked.Count}.", "seasonalPeriods");
        }
        var max = (int)Ranges["seasonalPeriod"].Max;
        foreach (var period in asked)
        {
            Check(period, 2, max, "seasonalPeriods");
        }
        for (var i = 1; i < asked.Count; i++)
        {
            if (asked[i] <= asked[i - 1])
            {
                throw new DomainValidationException(
                    $"seasonalPeriods must be ascending, each period once; got {string.Join(", ", asked)}.", "seasonalPeriods");
            }
        }
        if (seasonalPeriod is { } one && one != asked[^1])
        {
            throw new DomainValidationException(
                $"seasonalPeriod {one} and seasonalPeriods {string.Join(", ", asked)} disagree: the run's seasonal period is the longest of seasonalPeriods. Send one of the two.",
                "seasonalPeriods");
        }
        return [.. asked];
    }

    /// <summary>A collection's run takes one season: its members are many, and each is fitted or windowed with the same lag.</summary>
    /// <exception cref="DomainValidationException">seasonalPeriods is set.</exception>
    private static void RefuseSeasonalPeriods(HyperparameterRequest request)
    {
        if (request.SeasonalPeriods is not null)
        {
            throw new DomainValidationException(
                "seasonalPeriods applies to a run on one series; a collection's run takes one seasonalPeriod.", "seasonalPeriods");
        }
    }
}
