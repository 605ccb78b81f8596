using Forecast.Domain.Series;

namespace Forecast.Training.Lstm;

/// <summary>
/// A covariate as a network sees it: by name, differenced when the series is, and through a MinMax scaler fitted on the
/// training part, as the series' own scaler is, so that its known future means to the network what its past meant.
/// </summary>
/// <remarks>
/// Differenced with the series, as a regression with ARIMA errors differences its regressors with the target: a network
/// that learns the series' changes learns them from the covariates' changes. Measured on US real consumption with real
/// disposable income (docs/accuracy.md): levels beside a differenced target did not help the forecast at all. Never
/// logged or deseasonalised: a covariate may be 0 or negative, and its season is part of what it says.
/// </remarks>
public sealed record CovariateScaler(string Name, MinMaxScaler Scaler)
{
    /// <summary>
    /// Known only as it happens (<see cref="Covariate.PastOnly"/>): the network reads it among a window's inputs, never at
    /// the steps it forecasts. False for models stored before past-only covariates existed.
    /// </summary>
    public bool PastOnly { get; init; }

    /// <summary>
    /// Scalers fitted on each covariate's values (differenced when <paramref name="differenced"/>) over original indices
    /// [<paramref name="from"/>, <paramref name="trainEnd"/>); <paramref name="from"/> is at least 1 when differenced.
    /// </summary>
    /// <returns>The scalers in the order a network reads the covariates: those known ahead first, then the past-only ones (<see cref="KnownAhead"/>).</returns>
    public static IReadOnlyList<CovariateScaler> Fit(Covariates covariates, int from, int trainEnd, bool differenced)
    {
        var columns = covariates.Require(covariates.Names, trainEnd);
        return [.. covariates.Columns
            .Select((column, c) => new CovariateScaler(column.Name, MinMaxScaler.Fit(Seen(columns[c], from, trainEnd, differenced))) { PastOnly = column.PastOnly })
            .OrderBy(scaler => scaler.PastOnly)];
    }

    /// <summary>How many of <paramref name="scalers"/>, which come first, a network reads at the steps it forecasts too.</summary>
    public static int KnownAhead(IReadOnlyList<CovariateScaler> scalers) => scalers.Count(s => !s.PastOnly);

    /// <summary>
    /// The scaled values of each covariate of <paramref name="scalers"/> over original indices [<paramref name="from"/>,
    /// <paramref name="end"/>), differenced when <paramref name="differenced"/>: element i of a column is index
    /// <paramref name="from"/> + i. Index 0 has no difference and reads 0; no window reaches it, since the series'
    /// difference consumes it too.
    /// </summary>
    /// <param name="origin">
    /// The forecast's origin, to name a missing value as a step of it; null outside a forecast. A past-only covariate is
    /// required through the origin only, and reads NaN after its last value: the network never reads it there (its
    /// caller has checked how far each must be known), and a NaN would show in the forecast if it did.
    /// </param>
    /// <exception cref="MissingCovariateException">A covariate without a value before <paramref name="end"/> (a past-only one, before the origin).</exception>
    public static float[][] Scale(IReadOnlyList<CovariateScaler> scalers, Covariates covariates, int from, int end, bool differenced, int? origin = null)
    {
        if (scalers.Count == 0)
        {
            return [];
        }
        return [.. scalers.Select(s =>
        {
            var column = covariates.Require([s.Name], s.PastOnly ? Math.Min(end, origin ?? end) : end, origin)[0];
            return s.Scaler.Transform(Seen(column, from, end, differenced));
        })];
    }

    private static double[] Seen(IReadOnlyList<double> column, int from, int end, bool differenced) =>
        [.. Enumerable.Range(from, end - from).Select(t => t >= column.Count ? double.NaN : !differenced ? column[t] : t == 0 ? 0 : column[t] - column[t - 1])];
}
