using Forecast.Domain.Series;
using Forecast.Domain.Evaluation;
using Forecast.Training.Methods;

namespace Forecast.Training.Evaluation;

/// <summary>The model's multi-step forecast from one origin scored on the actuals there are so far, beside seasonal naive's.</summary>
/// <param name="Origin">Index of the origin's first forecast point.</param>
/// <param name="Points">Actuals scored: the horizon, or fewer at the newest origins.</param>
public sealed record LiveOrigin(int Origin, int Points, AccuracyMetrics Model, AccuracyMetrics SeasonalNaive);

/// <summary>
/// One horizon step over every origin with an actual that far ahead: the model's and seasonal naive's absolute errors in
/// MASE units (each divided by its origin's scale) and sMAPE terms, averaged; null where undefined at every origin.
/// </summary>
public sealed record LiveStep(int Step, int Origins, double? Mase, double? SeasonalNaiveMase, double? Smape, double? SeasonalNaiveSmape);

/// <summary>
/// How a trained model does on the data as it grows: from every origin since its test tail began (the points it was
/// neither trained nor validated on), its recursive forecast of <see cref="Horizon"/> steps scored as the evaluation scores
/// the tail, so the first origin's scores are the evaluation's, and later ones show the model keep up or degrade.
/// </summary>
/// <param name="MeanMase">The model's MASE averaged over origins; likewise seasonal naive's.</param>
public sealed record LiveAccuracy(int Horizon, IReadOnlyList<LiveOrigin> Origins, IReadOnlyList<LiveStep> Steps,
    double? MeanMase, double? MeanSeasonalNaiveMase, double? MeanSmape, double? MeanSeasonalNaiveSmape)
{
    /// <param name="origins">The origins to score, each with at least one actual after it (index below the series' count).</param>
    /// <param name="covariates">The series' covariates, which a model fitted with them forecasts with.</param>
    /// <remarks>
    /// An origin whose horizon runs past the series' end is forecast only as far as its actuals reach: a model fitted with
    /// covariates could not forecast further than they are known, and steps without an actual are not scored. The origins
    /// that reach a whole horizon are forecast together, as a network forecasts fastest.
    /// </remarks>
    public static LiveAccuracy Measure(IFittedForecaster model, IReadOnlyList<double> series, Covariates covariates, IReadOnlyList<int> origins, int horizon, int seasonalPeriod)
    {
        var forecasts = new double[origins.Count][];
        var whole = Enumerable.Range(0, origins.Count).Where(i => origins[i] + horizon <= series.Count).ToList();
        if (whole.Count > 0)
        {
            var together = model.PointForecasts(series, covariates, [.. whole.Select(i => origins[i])], horizon);
            for (var k = 0; k < whole.Count; k++)
            {
                forecasts[whole[k]] = together[k];
            }
        }
        foreach (var i in Enumerable.Range(0, origins.Count).Except(whole))
        {
            forecasts[i] = model.PointForecasts(series, covariates, [origins[i]], series.Count - origins[i])[0];
        }
        return Measure(forecasts, series, origins, horizon, seasonalPeriod);
    }

    /// <param name="forecasts">The model's recursive forecast of <paramref name="horizon"/> points from each origin, in their order.</param>
    public static LiveAccuracy Measure(IReadOnlyList<double[]> forecasts, IReadOnlyList<double> series, IReadOnlyList<int> origins, int horizon, int seasonalPeriod)
    {
        var scored = origins.Select((origin, i) => Score(series, origin, forecasts[i], horizon, seasonalPeriod)).ToList();
        var steps = Enumerable.Range(0, horizon)
            .Select(h => StepOf(h, scored.Where(s => s.Actual.Length > h).ToList()))
            .Where(step => step.Origins > 0)
            .ToList();
        var live = scored.Select(s => s.Origin).ToList();
        return new LiveAccuracy(horizon, live, steps, MeanOf(live, o => o.Model.Mase), MeanOf(live, o => o.SeasonalNaive.Mase),
            MeanOf(live, o => o.Model.Smape), MeanOf(live, o => o.SeasonalNaive.Smape));
    }

    private sealed record Scored(LiveOrigin Origin, double Scale, double[] Actual, double[] Predicted, double[] SeasonalNaive);

    private static Scored Score(IReadOnlyList<double> series, int origin, double[] forecast, int horizon, int seasonalPeriod)
    {
        var history = series.Take(origin).ToArray();
        var actual = series.Skip(origin).Take(horizon).ToArray();
        var predicted = forecast[..actual.Length];
        var seasonalNaive = Baselines.SeasonalNaive(history, actual.Length, seasonalPeriod);
        var scale = AccuracyMetrics.MaseScale(history, seasonalPeriod);
        var metrics = new LiveOrigin(origin, actual.Length,
            AccuracyMetrics.Compute(actual, predicted, scale), AccuracyMetrics.Compute(actual, seasonalNaive, scale));
        return new Scored(metrics, scale, actual, predicted, seasonalNaive);
    }

    private static LiveStep StepOf(int h, IReadOnlyList<Scored> reaching) => new(h + 1, reaching.Count,
        MeanOf(reaching, s => s.Scale > 0 ? Math.Abs(s.Actual[h] - s.Predicted[h]) / s.Scale : null),
        MeanOf(reaching, s => s.Scale > 0 ? Math.Abs(s.Actual[h] - s.SeasonalNaive[h]) / s.Scale : null),
        MeanOf(reaching, s => SmapeTerm(s.Actual[h], s.Predicted[h])),
        MeanOf(reaching, s => SmapeTerm(s.Actual[h], s.SeasonalNaive[h])));

    // As AccuracyMetrics computes sMAPE: undefined where the actual and the forecast are both 0.
    private static double? SmapeTerm(double actual, double predicted) =>
        Math.Abs(actual) + Math.Abs(predicted) is var denominator and > 0 ? 200 * Math.Abs(actual - predicted) / denominator : null;

    private static double? MeanOf<T>(IEnumerable<T> items, Func<T, double?> of) => FiniteMean.Of(items.Select(of));
}
