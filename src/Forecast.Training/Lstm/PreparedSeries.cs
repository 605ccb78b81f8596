using Forecast.Domain;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training.Transforms;

namespace Forecast.Training.Lstm;

/// <summary>
/// A series as a network trains on it: transformed by its pipeline, scaled by a MinMax scaler fitted on its
/// transformed training part (or kept from the model a warm start continues), and cut into training and validation windows. One series' model and each member of a
/// global model are prepared alike. Covariates are scaled alike, each by its own scaler, and differenced with the series (<see cref="CovariateScaler"/>).
/// </summary>
internal sealed record PreparedSeries(MinMaxScaler Scaler, IReadOnlyList<CovariateScaler> CovariateScalers, Windows Train, Windows Validation)
{
    /// <param name="series">The whole series; the test tail given by <paramref name="split"/> is never seen.</param>
    /// <exception cref="UnprocessableException">The transform and lookback leave fewer than two training windows.</exception>
    /// <param name="relative">Windows relative to their last input (<see cref="Windows.ForTargets"/>).</param>
    /// <param name="scaler">The scaler to keep (a warm start's); null to fit one on the transformed training part.</param>
    /// <param name="horizon">Steps each window's targets span (<see cref="Windows.ForTargets"/>).</param>
    /// <param name="covariates">The series' covariates, none by default; each must cover the validation part.</param>
    /// <param name="covariateScalers">The covariates' scalers to keep (a warm start's); null to fit them on the training part.</param>
    /// <param name="seasonalPeriods">Every season, shortest first, when a deseasonalizing pipeline takes out several (by MSTL); null for <paramref name="seasonalPeriod"/> alone.</param>
    /// <param name="evolvingSeason">Whether one season is taken out as STL's rather than as fixed phase indices (<see cref="ModelArtifact.EvolvingSeason"/>).</param>
    /// <exception cref="Domain.Series.MissingCovariateException">A covariate that does not cover the validation part.</exception>
    public static PreparedSeries Of(
        IReadOnlyList<double> series, TransformPipeline pipeline, int seasonalPeriod, int lookback, DataSplit split, bool relative = false,
        MinMaxScaler? scaler = null, int horizon = 1, Covariates? covariates = null, IReadOnlyList<CovariateScaler>? covariateScalers = null,
        IReadOnlyList<int>? seasonalPeriods = null, bool evolvingSeason = false)
    {
        if (split.TrainEnd < pipeline.HistoryNeeded(seasonalPeriod))
        {
            throw new UnprocessableException(
                $"transform {pipeline} needs {pipeline.HistoryNeeded(seasonalPeriod)} training points (two seasons); the training part has {split.TrainEnd}.",
                "transform");
        }
        // The seasonal part comes from the training part alone, so the validation loss judges it out of sample.
        var history = new TransformedHistory(pipeline, seasonalPeriods ?? [seasonalPeriod], series.Take(split.ValidationEnd).ToArray(), indicesFrom: split.TrainEnd, evolvingSeason);
        var first = history.Consumed;
        if (split.TrainEnd - first - lookback - horizon + 1 < HyperparameterResolver.MinimumTrainingWindows)
        {
            throw new UnprocessableException(
                $"{split.TrainEnd} training points, less {first} consumed by the transform {pipeline}, leave fewer than {HyperparameterResolver.MinimumTrainingWindows} windows of lookback {lookback}{(horizon > 1 ? $" and horizon {horizon}" : "")}.",
                "lookback");
        }
        scaler ??= MinMaxScaler.Fit(history.Slice(first, split.TrainEnd));
        covariateScalers ??= CovariateScaler.Fit(covariates ?? Covariates.None, first, split.TrainEnd, pipeline.Difference);
        // Scaled index i holds original index first + i, the covariates' too.
        var scaled = scaler.Transform(history.Slice(first, split.ValidationEnd));
        var scaledCovariates = CovariateScaler.Scale(covariateScalers, covariates ?? Covariates.None, first, split.ValidationEnd, pipeline.Difference);
        return new PreparedSeries(
            scaler,
            covariateScalers,
            Windows.ForTargets(scaled, lookback, 0, split.TrainEnd - first, relative, horizon, scaledCovariates, CovariateScaler.KnownAhead(covariateScalers)),
            Windows.ForTargets(scaled, lookback, split.TrainEnd - first, split.ValidationEnd - first, relative, horizon, scaledCovariates,
                CovariateScaler.KnownAhead(covariateScalers)));
    }
}
