using Forecast.Domain.Seasonality;

namespace Forecast.Training.Transforms;

/// <summary>
/// The seasonal part a deseasonalizing transform takes out of the value at each index, fitted once on a leading part of a
/// history and defined at every index after it too: the one owner of "the season at t" for <see cref="TransformedHistory"/>.
/// </summary>
internal interface ISeasonalPart
{
    /// <summary>The seasonal part at original index <paramref name="t"/>, on the scale it was fitted on.</summary>
    double At(int t);

    /// <summary>
    /// The seasons of the first <paramref name="count"/> <paramref name="values"/>: MSTL's seasons of two or three
    /// (<see cref="MstlSeasons"/>); of one period, STL's season when it may evolve and the points hold it more than twice,
    /// else phase indices (<see cref="PhaseIndices"/>).
    /// </summary>
    /// <param name="periods">Every season, shortest first.</param>
    /// <param name="evolving">Whether one season is STL's, which changes slowly over the years, rather than fixed phase indices.</param>
    static ISeasonalPart Fit(IReadOnlyList<double> values, int count, IReadOnlyList<int> periods, bool evolving = false) =>
        periods.Count > 1 || evolving && Mstl.PeriodsHeld(count, periods).Length == 1
            ? MstlSeasons.Fit(values, count, periods)
            : new PhaseIndices(SeasonalIndices.Estimate(values, count, periods[0]));
}
