using System.Globalization;
using Forecast.Domain.Runs;
using Forecast.Domain.Series;
using Forecast.Training.Evaluation;
using Forecast.Training.Lstm;

namespace Forecast.Training.Transforms;

/// <summary>
/// Resolves <c>transform: "auto"</c>: the diagnostics shortlist the pipelines made of the steps they
/// suggest, each candidate is trained as the final model will be (same seed and epochs) but as a
/// single network rather than an ensemble, and the one whose recursive validation forecasts have the
/// lowest mean squared error on the original scale wins. Losses on different transforms are on different scales and cannot be compared; these
/// errors can.
/// </summary>
/// <remarks>
/// <para>
/// Candidates are not trained for fewer epochs: a shortened run ranks by how fast a pipeline learns,
/// not how well. At 30 of 100 epochs the untransformed network on nottem had barely started and lost
/// to the seasonal difference on validation (error 75 against 13), though trained fully it wins on
/// the test tail (MASE 0.47 against 0.68); see docs/accuracy.md.
/// </para>
/// <para>
/// Deterministic for a given series and hyperparameters on one machine and thread count; the service still
/// stores the choice (see <see cref="ForecastModelBuilder.ChooseTransform"/>) rather than rely on that when a
/// run resumes, since a restart with other threads, or on another machine, could choose differently.
/// </para>
/// </remarks>
public static class TransformSelector
{
    /// <param name="choices">Receives each choice made, in plain words.</param>
    /// <param name="covariates">The covariates the candidates read, as the final model will.</param>
    public static TransformPipeline Choose(
        IReadOnlyList<double> series, Covariates covariates, Hyperparameters hp, DataSplit split, List<string> choices, CancellationToken cancellation)
    {
        // With several seasons the diagnosis tests the longest alone, as with one: its phases hold every shorter season that
        // divides it (a day's 24 hours within a week's 168), so they differ when any season does.
        var suggestion = TransformDiagnosis.Suggest(series.Take(split.ValidationEnd).ToArray(), series.All(v => v > 0), hp.SeasonalPeriod);
        choices.Add($"transform auto: the series before the test tail is {string.Join("; ", suggestion.Findings)}.");
        var candidates = new List<TransformPipeline>();
        foreach (var candidate in suggestion.Candidates)
        {
            if (Fits(candidate, hp, split))
            {
                candidates.Add(candidate);
            }
            else
            {
                choices.Add(candidate.Deseasonalize && split.TrainEnd < candidate.HistoryNeeded(hp.SeasonalPeriod)
                    ? $"transform {candidate} not tried: its seasonal indices need two seasons ({candidate.HistoryNeeded(hp.SeasonalPeriod)} points) of training data, which has {split.TrainEnd}."
                    : $"transform {candidate} not tried: the {candidate.PointsConsumed(hp.SeasonalPeriod)} points it consumes leave fewer than {HyperparameterResolver.MinimumTrainingWindows} training windows of lookback {hp.Lookback}.");
            }
        }
        if (candidates.Count == 1 || split.ValidationCount == 0)
        {
            var only = candidates.Contains(suggestion.Pipeline) ? suggestion.Pipeline : candidates[^1];
            choices.Add(candidates.Count == 1
                ? $"transform {only}: the only candidate."
                : $"transform {only}: the diagnostics' choice; without a validation part the candidates cannot be compared.");
            return only;
        }

        var steps = Math.Min(hp.TestSize, split.ValidationCount);
        var scores = candidates.Select(candidate =>
        {
            var result = LstmTrainer.Train(series, hp with { Transform = TransformChoice.Of(candidate), EnsembleSize = 1 }, SilentObserver.Instance, cancellation,
                covariates: covariates);
            using var model = new LstmModel(result.Artifact);
            var backtest = ValidationBacktest.Run(model, series, covariates, split, steps)!;
            return (Candidate: candidate, Error: backtest.MeanSquaredError(steps));
        }).ToArray();
        // Ties go to the simpler pipeline, which comes first.
        var best = scores.MinBy(s => s.Error);
        choices.Add(string.Create(CultureInfo.InvariantCulture,
            $"transform {best.Candidate}: lowest mean squared error of recursive validation forecasts 1 to {steps} steps ahead, on the original scale, each candidate a single network trained like the final model ({string.Join(", ", scores.Select(s => $"{s.Candidate} {s.Error:G4}"))})."));
        return best.Candidate;
    }

    private static bool Fits(TransformPipeline candidate, Hyperparameters hp, DataSplit split) =>
        split.TrainEnd - candidate.PointsConsumed(hp.SeasonalPeriod) - hp.Lookback >= HyperparameterResolver.MinimumTrainingWindows
        && split.TrainEnd >= candidate.HistoryNeeded(hp.SeasonalPeriod);
}
